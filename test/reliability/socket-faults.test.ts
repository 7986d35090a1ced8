/**
 * Genuine TCP resets between the mailer and the emulator (a raw `node:net` proxy, see
 * test/helpers/fault-proxy.ts), counted against the emulator's outbox: a reset after the
 * request was written is never `not_sent`; DirectMail then replays the identical request, which
 * the emulator refuses when the first copy executed, so exactly one copy exists either way.
 */
import { startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { type FaultProxy, type SocketFault, startFaultProxy } from '../helpers/fault-proxy.js';
import { copies, mailerFor, TARGETS, type Target } from './targets.js';

let emu: Awaited<ReturnType<typeof startEmulator>>;
let proxy: FaultProxy;
let serial = 0;

beforeAll(async () => {
  emu = await startEmulator();
  proxy = await startFaultProxy(emu.url);
});
afterAll(async () => {
  await proxy.close();
  await emu.close();
});

function mailer(target: Target) {
  const key = target.key(emu);
  return mailerFor(target, {
    endpoint: proxy.origin,
    credentials: () => key,
    options: { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } },
  });
}

async function sendThrough(target: Target, ...faults: SocketFault[]) {
  const to = `reset-${++serial}-${Date.now().toString(36)}@example.com`;
  const m = mailer(target);
  proxy.script(...faults);
  try {
    const result = await m.send(target.message(to)).then(
      (value) => ({ ok: true as const, attempts: value.attempts }),
      async (error: unknown) => ({
        ok: false as const,
        error: await failure(Promise.reject(error)),
      }),
    );
    return { result, copies: copies(emu, target, to, target.actions.send) };
  } finally {
    await m.close();
  }
}

const [aliyun, tencent] = TARGETS as [Target, Target];

describe('a TCP reset after the request was written', () => {
  it('DirectMail: executed then reset: the identical replay is refused; unknown, one copy', async () => {
    const { result, copies: held } = await sendThrough(aliyun, 'reset-after');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'network', delivery: 'unknown', attempts: 2 });
    expect(result.error.providerCode).toBe('SignatureNonceUsed');
    expect(held).toBe(1);
  });

  it('DirectMail: reset mid-reply: unknown, one copy', async () => {
    const { result, copies: held } = await sendThrough(aliyun, 'reset-mid-reply');
    expect(result.ok ? 'delivered' : result.error.delivery).toBe('unknown');
    expect(held).toBe(1);
  });

  it('DirectMail: reset before the request was read: the replay delivers it once', async () => {
    const { result, copies: held } = await sendThrough(aliyun, 'reset-unread');
    expect(result).toEqual({ ok: true, attempts: 2 });
    expect(held).toBe(1);
  });

  it('Tencent: executed then reset: unknown at once (no idempotency token), one copy', async () => {
    const { result, copies: held } = await sendThrough(tencent, 'reset-after');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'network', delivery: 'unknown', attempts: 1 });
    expect(held).toBe(1);
  });

  it('Tencent: reset mid-reply: unknown, one copy', async () => {
    const { result, copies: held } = await sendThrough(tencent, 'reset-mid-reply');
    expect(result.ok ? 'delivered' : result.error.delivery).toBe('unknown');
    expect(held).toBe(1);
  });
});
