/**
 * Nothing a caller passes can hang a call, crash the process or escape as a raw error: hooks
 * and `onProgress` that reject, a credentials function that never settles or throws, bad
 * mailer and call options, bad sources. Against the live emulator with both adapters.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, isMailError, type MailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { copies, mailerFor, TARGETS } from './targets.js';

let emu: Emulator;
let serial = 0;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  emu = await startEmulator();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await emu.close();
});
afterEach(() => emu.clearFaults());

const to = () => `misuse-${++serial}@example.com`;
/** Let a stray rejection reach the process before asserting there was none. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

for (const target of TARGETS) {
  describe(`${target.id}: callers cannot hang or crash a call`, () => {
    const key = () => target.key(emu);

    it('async hooks and onProgress that reject are ignored: the call succeeds, no unhandled rejection', async () => {
      const reject = async () => {
        throw new Error('observer bug');
      };
      const mailer = mailerFor(target, {
        endpoint: emu.url,
        credentials: key,
        options: {
          hooks: { onRequest: reject, onResponse: reject, onRetry: reject, onError: reject },
        },
      });
      const before = unhandled.length;
      await expect(mailer.send(target.message(to()))).resolves.toMatchObject({ attempts: 1 });
      const group = (await mailer.groups.create({ name: `mu${serial}x` })).id;
      await expect(
        mailer.groups.addRecipients(group, [to()], { onProgress: reject }),
      ).resolves.toMatchObject({ added: 1 });
      await expect(
        mailer.groups.addRecipients(group, [to()], {
          onProgress: () => {
            throw new Error('sync observer bug');
          },
        }),
      ).resolves.toMatchObject({ added: 1 });
      await settle();
      expect(unhandled.slice(before)).toEqual([]);
      await mailer.close();
    });

    it('a credentials function that never settles: bounded by timeoutMs, not_sent, nothing sent', async () => {
      const mailer = mailerFor(target, {
        endpoint: emu.url,
        credentials: () => new Promise<never>(() => {}),
        timeoutMs: 300,
      });
      const started = performance.now();
      const error = await failure(mailer.send(target.message(to())));
      expect(performance.now() - started).toBeLessThan(1_100);
      expect(error).toMatchObject({ code: 'timeout', delivery: 'not_sent', retryable: false });
      await mailer.close();
    });

    it("a credentials function that never settles: the call's signal aborts it at once", async () => {
      const mailer = mailerFor(target, {
        endpoint: emu.url,
        credentials: () => new Promise<never>(() => {}),
      });
      const error = await failure(
        mailer.send(target.message(to()), { signal: AbortSignal.timeout(100) }),
      );
      expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
      await mailer.close();
    });

    it('a credentials function that throws: auth, not_sent, the cause kept', async () => {
      const mailer = mailerFor(target, {
        endpoint: emu.url,
        credentials: () => {
          throw new Error('vault unreachable');
        },
      });
      const address = to();
      const error = await failure(mailer.send(target.message(address)));
      expect(error).toMatchObject({ code: 'auth', delivery: 'not_sent', retryable: false });
      expect((error.cause as Error).message).toBe('vault unreachable');
      expect(copies(emu, target, address)).toBe(0);
      await mailer.close();
    });

    it('sendMany: a non-iterable source, a throwing source: MailErrors naming messages', async () => {
      const mailer = mailerFor(target, { endpoint: emu.url, credentials: key });
      const drain = async (source: unknown) => {
        for await (const _ of mailer.sendMany(source as never)) {
          // drain
        }
      };
      const notIterable = await failure(drain(42));
      expect(notIterable).toMatchObject({
        code: 'invalid_input',
        issues: [{ path: ['messages'] }],
      });
      const message = target.message(to());
      function* broken() {
        yield message;
        throw new TypeError('source bug');
      }
      const thrown = await failure(drain(broken()));
      expect(thrown).toMatchObject({ code: 'invalid_input', issues: [{ path: ['messages'] }] });
      expect(() => mailer.sendMany([], { concurrency: 0 })).toThrow(
        expect.objectContaining({ code: 'invalid_input' }),
      );
      await mailer.close();
    });

    it('a signal that is not an AbortSignal: invalid_input naming it, not_sent, nothing sent', async () => {
      const mailer = mailerFor(target, { endpoint: emu.url, credentials: key });
      const address = to();
      const error = await failure(
        mailer.send(target.message(address), { signal: {} as AbortSignal }),
      );
      expect(error).toMatchObject({
        code: 'invalid_input',
        delivery: 'not_sent',
        issues: [{ path: ['options', 'signal'] }],
      });
      expect(copies(emu, target, address)).toBe(0);
      await mailer.close();
    });

    it('groups.addRecipients with a non-iterable source: invalid_input naming recipients', async () => {
      const mailer = mailerFor(target, { endpoint: emu.url, credentials: key });
      const error = await failure(mailer.groups.addRecipients('1', 7 as never));
      expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['recipients'] }] });
      await mailer.close();
    });
  });
}

describe('mailer options are validated like adapter configs', () => {
  const provider = () =>
    aliyunDm({ region: 'cn-hangzhou', credentials: { id: 'AKID0000', secret: 'secret-0000' } });
  const refused = (options: unknown): MailError => {
    try {
      createMailer(provider(), options as never);
    } catch (error) {
      if (isMailError(error)) return error;
      throw error;
    }
    throw new Error('accepted');
  };

  it.each<[string, unknown, string]>([
    ['an unknown key', { timeout: 5000, retrys: 2 }, 'timeout'],
    ['an unknown retry key', { retry: { retry: 2 } }, 'retry'],
    ['timeoutMs 0', { timeoutMs: 0 }, 'timeoutMs'],
    ['a negative timeoutMs', { timeoutMs: -1 }, 'timeoutMs'],
    ['an absurd retry budget', { retry: { retries: 1e6 } }, 'retry.retries'],
    [
      'minDelayMs above maxDelayMs',
      { retry: { minDelayMs: 10, maxDelayMs: 1 } },
      'retry.minDelayMs',
    ],
    ['concurrency 0', { concurrency: 0 }, 'concurrency'],
    ['a hook that is not a function', { hooks: { onRequest: 'log' } }, 'hooks.onRequest'],
    ['an unknown hook', { hooks: { onSend: () => {} } }, 'hooks'],
    ['a dispatcher that cannot dispatch', { dispatcher: {} }, 'dispatcher'],
  ])('%s', (_name, options, field) => {
    const error = refused(options);
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]?.path.join('.')).toContain(field);
    expect(error.message).toContain(field.split('.')[0] as string);
  });

  it('names the unknown key itself', () => {
    const error = refused({ timeout: 5000, retrys: 2 });
    expect(error.message).toContain('retrys');
  });

  it('accepts every documented option', () => {
    expect(() =>
      createMailer(provider(), {
        timeoutMs: 5_000,
        maxResponseBytes: 1024,
        retry: { retries: 0, minDelayMs: 1, maxDelayMs: 10, maxRetryAfterMs: 100 },
        rateLimits: false,
        hooks: { onRequest: () => {} },
        concurrency: 4,
        now: Date.now,
      }),
    ).not.toThrow();
  });
});
