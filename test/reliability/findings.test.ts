/**
 * What the reliability suite found, kept as regression tests: each was first pinned failing,
 * then fixed in the package it names (diagnosis in each comment and in RESULTS.md).
 */
import { isMailError, type MessageInput } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intlMessage } from './fuzz-arbitraries.js';
import { scriptedServer } from './fuzz-properties.js';
import { mailerFor, TARGETS, type Target } from './targets.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

const mailer = (target: Target) =>
  mailerFor(target, {
    endpoint: emu.url,
    credentials: () => target.key(emu),
    options: { retry: { retries: 0 }, rateLimits: false },
  });

/** The outcome class and how many requests reached the emulator. */
async function outcome(target: Target, input: unknown): Promise<{ result: string; sent: number }> {
  const m = mailer(target);
  const before = emu.requestCount({ provider: target.id });
  const result = await m.send(input as MessageInput).then(
    () => 'accepted',
    (e: unknown) => (isMailError(e) ? e.code : `thrown ${String(e)}`),
  );
  await m.close();
  return { result, sent: emu.requestCount({ provider: target.id }) - before };
}

const [aliyun, tencent] = TARGETS as [Target, Target];

describe('findings', () => {
  // Finding 1, packages/core/src/message/address.ts (parseAddress accepts RFC 6531 UTF-8 local parts,
  // U-label domains and quoted local parts) with packages/{aliyun-dm,tencent-ses}/src/mapping.ts
  // (sent as given): both providers refuse them after a request (InvalidToAddress,
  // InvalidParameterValue.ReceiverEmailInvalid). Fix: convert U-label domains to A-labels when
  // normalising (`domainToASCII` from node:url, or `new URL('http://' + domain).hostname`), and
  // refuse UTF-8 and quoted local parts before any request, as `unsupported` naming the field,
  // through a capability (e.g. `recipients.utf8LocalPart: false`, checked in core check.ts).
  for (const target of TARGETS) {
    it(`${target.id}: internationalised addresses are converted or refused before any request`, async () => {
      await fc.assert(
        fc.asyncProperty(intlMessage(target.id), async (input) => {
          const { result, sent } = await outcome(target, input);
          if (result === 'accepted') return;
          expect(['invalid_input', 'unsupported']).toContain(result);
          expect(sent).toBe(0);
        }),
        { numRuns: 60 },
      );
    });
  }

  // Finding 2, packages/aliyun-dm/src/mapping.ts `validateMessage` (line 30): a message with
  // only `bcc` passes, `sendParams` (line 73) sends `ToAddress=''`, and DirectMail answers
  // MissingToAddress after a request. Fix: in validateMessage, `if (message.to.length === 0)
  // throw invalidInput([{ path: ['to'], message: 'DirectMail needs at least one to recipient
  // (ToAddress is required; bcc alone is not sent)' }], PROVIDER_ID)`.
  it('aliyun-dm: bcc without to is refused before any request', async () => {
    const input = { ...aliyun.message('x@example.com'), to: [], bcc: 'hidden@example.com' };
    expect(await outcome(aliyun, input)).toEqual({ result: 'invalid_input', sent: 0 });
  });

  // Control for finding 2: Tencent takes a bcc-only message (Destination is optional).
  it('tencent-ses: bcc without to is accepted', async () => {
    const input = { ...tencent.message('x@example.com'), to: [], bcc: 'hidden@example.com' };
    expect(await outcome(tencent, input)).toEqual({ result: 'accepted', sent: 1 });
  });

  // Finding 3, packages/tencent-ses/src/errors.ts `classifyTencentError` (line 224:
  // `TENCENT_SES_ERRORS[code]`) and packages/tencent-ses/src/client.ts line 184
  // (`ERROR_HINTS[code]`): plain-object lookups without `Object.hasOwn`, so an error code such
  // as `constructor`, `toString` or `__proto__` finds an Object.prototype member. The result is
  // a MailError with no `code`, `delivery: 'not_sent'` for a code nobody knows, and the member's
  // source text in the message. Fix: `Object.hasOwn(TENCENT_SES_ERRORS, code) ? … : undefined`
  // and the same for ERROR_HINTS (DirectMail's classifyCode already does this).
  it('tencent-ses: an error code named like an Object.prototype member is "unknown"', async () => {
    const { server, url, next } = await scriptedServer();
    const m = mailerFor(tencent, {
      endpoint: url,
      credentials: () => ({ id: 'AKIDx', secret: 'x-secret' }),
      options: { retry: { retries: 0 }, rateLimits: false },
    });
    try {
      for (const code of ['constructor', 'toString', '__proto__']) {
        next({
          status: 200,
          body: JSON.stringify({ Response: { Error: { Code: code } } }),
          retryAfter: null,
        });
        const error = await m.send(tencent.message('a@example.com')).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'unknown', delivery: 'unknown', providerCode: code });
      }
    } finally {
      await m.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
