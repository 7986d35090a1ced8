/**
 * The limits where DirectMail's sources disagree (docs/providers/aliyun-dm-limits.md,
 * "Decisions"): the raw client follows the API reference. A subject of 256 characters and a body
 * of 8 MiB are sent; one character or one byte more is refused before any request.
 */
import { type AliyunDmClient, createAliyunDmClient } from '@mailbridge/aliyun-dm';
import { isMailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES } from './samples.js';

const SECRET = 'decide-secret-0123456789abcdef';
const MIB8 = 8 * 1024 * 1024;
let emu: Emulator;
let raw: AliyunDmClient;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [{ id: 'LTAIdecide', secret: SECRET }] });
  raw = createAliyunDmClient(
    {
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAIdecide', secret: SECRET },
    },
    { mailer: { rateLimits: false, retry: { minDelayMs: 1, maxDelayMs: 5 } } },
  );
});
afterAll(async () => {
  await emu?.close();
});

const sends = () => emu.requestCount({ provider: 'aliyun-dm', action: 'SingleSendMail' });
let n = 0;
const send = (fields: Record<string, string>) =>
  raw
    .SingleSendMail({
      ...SAMPLES.SingleSendMail,
      ToAddress: `decide-${++n}@example.com`,
      ...fields,
    })
    .then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

describe('subject: 256 characters (API reference), not 100 (2019 manual)', () => {
  it('sends 101 and 256 characters, and they arrive whole', async () => {
    for (const length of [101, 256]) {
      const subject = '题'.repeat(length);
      const outcome = await send({ Subject: subject });
      expect(outcome).toHaveProperty('value');
      expect(emu.outbox.at(-1)?.subject).toBe(subject);
    }
  });

  it('refuses 257 before any request, naming Subject and 256', async () => {
    const before = sends();
    const outcome = await send({ Subject: '😀'.repeat(257) });
    expect(sends()).toBe(before);
    const error = 'error' in outcome ? outcome.error : undefined;
    expect(isMailError(error) && error.message).toBe(
      'Invalid input: Subject: at most 256 characters',
    );
  });
});

describe('body: 8 MiB per field as a POST form parameter, not 28 KB or 80 KB', () => {
  it('sends a 100 KB body and one of exactly 8 MiB', async () => {
    for (const bytes of [100 * 1024, MIB8]) {
      const before = sends();
      const outcome = await send({ HtmlBody: 'h'.repeat(bytes) });
      expect(sends()).toBe(before + 1);
      expect(outcome).toHaveProperty('value');
    }
  });

  it('refuses 8 MiB + 1 byte of UTF-8 before any request', async () => {
    const before = sends();
    // A multi-byte character at the end: the count is in bytes, not characters.
    const outcome = await send({ TextBody: `${'t'.repeat(MIB8 - 2)}测` });
    expect(sends()).toBe(before);
    const error = 'error' in outcome ? outcome.error : undefined;
    expect(isMailError(error) && error.message).toBe(
      'Invalid input: TextBody: at most 8 MiB (UTF-8)',
    );
  });
});

describe('a lone UTF-16 surrogate has no UTF-8 form: refused before any request', () => {
  it('in a typed action parameter, and in a parameter name or value of call', async () => {
    const before = sends();
    const typed = await send({ Subject: 'Hi \uDC00' });
    const error = 'error' in typed ? typed.error : undefined;
    expect(isMailError(error) && [error.code, error.message]).toEqual([
      'invalid_input',
      'Invalid input: Subject: contains a lone UTF-16 surrogate, which cannot be encoded as UTF-8',
    ]);
    for (const params of [{ Subject: '\uD800' }, { 'Key\uD800': 'x' }]) {
      const untyped = await raw.call('SomeNewerAction', params).catch((e: unknown) => e);
      expect(isMailError(untyped) && untyped.code).toBe('invalid_input');
    }
    expect(sends()).toBe(before);
    expect(emu.requestCount({ provider: 'aliyun-dm', action: 'SomeNewerAction' })).toBe(0);
  });
});
