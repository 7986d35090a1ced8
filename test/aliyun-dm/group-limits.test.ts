/**
 * DirectMail's list limits (docs/providers/aliyun-dm-limits.md, "Recipient lists and tags"): at
 * most 10 recipient lists per account and 10,000 recipients per list, in the capabilities and
 * enforced by `mailer.groups` before the call that would break them.
 */
import { aliyunDm, capabilities } from '@mailbridge/aliyun-dm';
import { createMailer, type RecipientInput } from '@mailbridge/core';
import { rejectedMailError } from '@mailbridge/core/testing';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'groups-secret-0123456789abcdef';
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [{ id: 'LTAIgroups', secret: SECRET }] });
});
afterAll(async () => {
  await emu?.close();
});

const mailer = () =>
  createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAIgroups', secret: SECRET },
    }),
    { rateLimits: false, retry: { minDelayMs: 1, maxDelayMs: 5 } },
  );
const count = (action: string) => emu.requestCount({ provider: 'aliyun-dm', action });
const people = (n: number, from = 0): RecipientInput[] =>
  Array.from({ length: n }, (_, i) => `p${from + i}@example.com`);

it('the capabilities carry both limits', () => {
  expect(capabilities.groups).toMatchObject({ maxGroups: 10, maxPerGroup: 10_000 });
});

describe('lists per account', () => {
  it('creates lists up to 10, then refuses the 11th before CreateReceiver', async () => {
    emu.reset();
    const m = mailer();
    let existing = 0;
    for await (const _ of m.groups.list()) existing++;
    for (let i = existing; i < 10; i++) await m.groups.create({ name: `limit${i}` });
    const creates = count('CreateReceiver');
    const error = await rejectedMailError(m.groups.create({ name: 'one-too-many' }));
    expect(count('CreateReceiver')).toBe(creates);
    expect(error).toMatchObject({ code: 'quota_exceeded', delivery: 'not_sent' });
    expect(error.message).toContain('at most 10 groups per account on aliyun-dm');
    expect(error.issues?.[0]?.path).toEqual(['maxGroups']);
    // Deleting one makes room again.
    const first = (await m.groups.list()[Symbol.asyncIterator]().next()).value;
    await m.groups.delete(first.id);
    await expect(m.groups.create({ name: 'room-again' })).resolves.toMatchObject({
      name: 'room-again',
    });
  });
});

describe('recipients per list', () => {
  it('refuses an array of 10,001 before any upload call', async () => {
    emu.reset();
    const m = mailer();
    const group = await m.groups.create({ name: 'big-array' });
    const uploads = count('SaveReceiverDetail');
    const error = await rejectedMailError(m.groups.addRecipients(group.id, people(10_001)));
    expect(count('SaveReceiverDetail')).toBe(uploads);
    expect(error).toMatchObject({ code: 'quota_exceeded', delivery: 'not_sent' });
    expect(error.message).toBe(
      'Cannot add recipients: at most 10,000 recipients per group on aliyun-dm',
    );
    expect(error.issues?.[0]?.path).toEqual(['recipients']);
  });

  it('uploads a stream up to 10,000 and stops before the call with the 10,001st', async () => {
    emu.reset();
    const m = mailer();
    const group = await m.groups.create({ name: 'big-stream' });
    async function* stream() {
      for (let i = 0; i < 10_001; i++) yield `s${i}@example.com`;
    }
    const uploads = count('SaveReceiverDetail');
    const error = await rejectedMailError(m.groups.addRecipients(group.id, stream()));
    // 20 calls of 500 went in; the one that would hold the 10,001st was never made.
    expect(count('SaveReceiverDetail')).toBe(uploads + 20);
    expect(error.code).toBe('quota_exceeded');
    expect(error.message).toContain('at most 10,000 recipients per group on aliyun-dm');
    expect(error.message).toContain('after 10000 recipients in 20 calls');
  });

  it('takes exactly 10,000', async () => {
    emu.reset();
    const m = mailer();
    const group = await m.groups.create({ name: 'full' });
    await expect(m.groups.addRecipients(group.id, people(10_000))).resolves.toEqual({
      added: 10_000,
      calls: 20,
    });
  });
});

describe('recipient names', () => {
  it('refuses a name and a different data.UserName (where DirectMail keeps the name) before any upload', async () => {
    emu.reset();
    const m = mailer();
    const group = await m.groups.create({ name: 'names' });
    const before = count('SaveReceiverDetail');
    const error = await rejectedMailError(
      m.groups.addRecipients(group.id, [
        { address: 'a@example.com', name: 'Ann', data: { UserName: 'Ann' } },
        { address: 'b@example.com', name: 'Bob', data: { UserName: 'Robert', City: 'X' } },
      ]),
    );
    expect(error).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: [1, 'data', 'UserName'] }],
    });
    expect(count('SaveReceiverDetail')).toBe(before);
  });

  it('stores a name as UserName', async () => {
    emu.reset();
    const m = mailer();
    const group = await m.groups.create({ name: 'names2' });
    await m.groups.addRecipients(group.id, [
      { address: 'a@example.com', name: 'Ann', data: { City: 'X' } },
    ]);
    const listed = [];
    for await (const r of m.groups.listRecipients(group.id)) listed.push(r);
    expect(listed).toEqual([{ address: 'a@example.com', data: { UserName: 'Ann', City: 'X' } }]);
  });
});
