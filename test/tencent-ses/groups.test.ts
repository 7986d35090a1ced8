/**
 * @mailbridge/tencent-ses groups against the emulator at the provider's limits: uploads streamed
 * in calls of 20,000 with progress, the 50,000-per-group limit, a chunk refused while SES still
 * processes the previous one, paged listings, and the recipient removal SES cannot do.
 */
import { collect, createMailer, type MailerOptions } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { type TencentSesConfig, tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const key = () => emu.credentials.tencent[0] as { id: string; secret: string };
const mailer = (config: Partial<TencentSesConfig> = {}, options: MailerOptions = {}) =>
  createMailer(
    tencentSes({
      region: 'ap-guangzhou',
      endpoint: emu.tencentEndpoint,
      credentials: { ...key() },
      ...config,
    }),
    { retry: { minDelayMs: 1, maxDelayMs: 5 }, ...options },
  );

describe('groups at the provider limits', () => {
  const rows = function* (count: number, prefix: string) {
    for (let i = 0; i < count; i++)
      yield { address: `${prefix}${i}@example.com`, data: { name: `n${i}` } };
  };

  it('uploads 45,000 recipients with data in 3 calls, with progress', async () => {
    const m = mailer();
    const group = await m.groups.create({ name: 'big' });
    const progress: number[] = [];
    const result = await m.groups.addRecipients(group.id, rows(45_000, 'u'), {
      onProgress: (p) => progress.push(p.added),
    });
    expect(result).toEqual({ added: 45_000, calls: 3 });
    expect(progress).toEqual([20_000, 40_000, 45_000]);
    expect(emu.requests['tencent-ses'].CreateReceiverDetailWithData).toBe(3);
    await m.close();
  }, 60_000);

  it('retries a chunk refused while the previous one is processed (ReceiverIsOperating)', async () => {
    emu.seed({ tencent: { uploadDelayMs: 60_000 } });
    const m = mailer({ retries: 20 }, { retry: { minDelayMs: 50, maxDelayMs: 50 } });
    const group = await m.groups.create({ name: 'slow-ingest' });
    const uploads = () => emu.requests['tencent-ses'].CreateReceiverDetailWithData ?? 0;
    const upload = m.groups.addRecipients(group.id, rows(25_000, 's'));
    // The first chunk is accepted and "processing"; the second is refused until it is done.
    const deadline = Date.now() + 10_000;
    while (uploads() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(uploads()).toBeGreaterThanOrEqual(3);
    emu.advance(60_000);
    expect(await upload).toEqual({ added: 25_000, calls: 2 });
    const find = async () => (await collect(m.groups.list())).find((g) => g.id === group.id);
    expect(await find()).toMatchObject({ count: 25_000, status: 'uploading' });
    emu.advance(60_000);
    expect(await find()).toMatchObject({ status: 'ready' });
    await m.close();
  }, 60_000);

  it('fails 50,001 into one group with a clear quota error', async () => {
    const m = mailer();
    const group = await m.groups.create({ name: 'too-big' });
    // capabilities.groups.maxPerGroup: the core stops the stream before the call that would
    // carry the 50,001st (two calls of 20,000 went in; the third was never made).
    const uploads = () =>
      emu.requestCount({ provider: 'tencent-ses', action: 'CreateReceiverDetail' }) +
      emu.requestCount({ provider: 'tencent-ses', action: 'CreateReceiverDetailWithData' });
    const before = uploads();
    const error = await failure(m.groups.addRecipients(group.id, rows(50_001, 'v')));
    expect(error).toMatchObject({ code: 'quota_exceeded', delivery: 'unknown' });
    expect(error.message).toContain('at most 50,000');
    expect(uploads()).toBe(before + 2);
    expect(error.message).toContain('after 40000 recipients in 2 calls');
    await m.close();
  }, 60_000);

  it('refuses a named recipient by its place in the whole upload, before the call that would carry it', async () => {
    const m = mailer();
    const group = await m.groups.create({ name: 'named' });
    const before = emu.requestCount({ action: 'CreateReceiverDetail' });
    const recipients = function* () {
      for (let i = 0; i < 20_003; i++)
        yield i === 20_001 ? { address: `n${i}@example.com`, name: 'Ann' } : `n${i}@example.com`;
    };
    const error = await failure(m.groups.addRecipients(group.id, recipients()));
    // The first call's 20,000 are stored: sending the upload again would add them twice.
    expect(error).toMatchObject({ code: 'unsupported', delivery: 'unknown', retryable: false });
    expect(error.issues?.[0]?.path).toEqual([20_001, 'name']);
    expect(error.message).toContain('after 20000 recipients in 1 calls');
    // The first 20,000 went in one call; the chunk holding the name was never sent.
    expect(emu.requestCount({ action: 'CreateReceiverDetail' }) - before).toBe(1);
    await m.close();
  });

  it('holds every recipient of an upload to the data rules, named by its place in the upload', async () => {
    const m = mailer();
    const group = await m.groups.create({ name: 'data-rules' });
    const before = emu.requestCount({ action: 'CreateReceiverDetailWithData' });
    const refused = async (odd: Record<string, unknown>, message: string) => {
      const rows = [
        { address: 'd0@example.com', data: { name: 'Ann' } },
        { address: 'd1@example.com', data: { name: 'Bob' } },
        { address: 'd2@example.com', ...odd },
      ];
      const error = await failure(m.groups.addRecipients(group.id, rows));
      expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
      expect(error.issues?.[0]?.path).toEqual([2, 'data']);
      expect(error.issues?.[0]?.message).toContain(message);
    };
    await refused({ data: { name: 'Cy', city: 'Xi’an' } }, 'keys of the first: name');
    await refused({}, 'keys of the first: name');
    await refused({ data: { name: 'x'.repeat(800) } }, 'at most 800 bytes as JSON');
    await refused({ data: { name: '<b>Cy</b>' } }, 'no HTML tags');
    expect(emu.requestCount({ action: 'CreateReceiverDetailWithData' }) - before).toBe(0);
    await m.close();
  });

  it('compares data keys across the whole upload, not one call at a time', async () => {
    const m = mailer();
    const group = await m.groups.create({ name: 'data-keys' });
    const recipients = function* () {
      for (let i = 0; i < 20_002; i++)
        yield {
          address: `k${i}@example.com`,
          data: i === 20_001 ? { city: 'Xi’an' } : { name: 'A' },
        };
    };
    const error = await failure(m.groups.addRecipients(group.id, recipients()));
    expect(error).toMatchObject({ code: 'invalid_input', delivery: 'unknown' });
    expect(error.issues?.[0]?.path).toEqual([20_001, 'data']);
    await m.close();
  });

  it('lists groups and recipients, and refuses to remove single recipients', async () => {
    const m = mailer();
    const group = await m.groups.create({ name: 'list-me', description: 'd' });
    await m.groups.addRecipients(group.id, rows(150, 'l'));
    expect((await collect(m.groups.list())).map((g) => g.id)).toContain(group.id);
    const members = await collect(m.groups.listRecipients(group.id));
    expect(members).toHaveLength(150);
    expect(members[0]).toMatchObject({ address: 'l0@example.com', data: { name: 'n0' } });
    expect((await failure(m.groups.removeRecipients(group.id, ['l0@example.com']))).code).toBe(
      'unsupported',
    );
    await m.groups.delete(group.id);
    expect((await collect(m.groups.list())).map((g) => g.id)).not.toContain(group.id);
    await m.close();
  });
});
