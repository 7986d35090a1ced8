/**
 * The conformance tests of failures: throttling, dropped and refused connections, an
 * unreachable port, aborts and timeouts, each with its `delivery` and copies delivered.
 */
import type { ConformanceTarget, SuiteContext } from './conformance.js';

/** Backoff short enough for a suite, long enough to be a real wait. */
export const FAST_RETRY = { minDelayMs: 1, maxDelayMs: 10 };

/** The conformance tests of failures: throttling, dropped and refused connections, an. */
export function faultTests(ctx: SuiteContext): void {
  const { target, mailer, expectError, to, skipIf } = ctx;
  const { it, expect } = ctx.api;
  it('errors: throttling twice is retried and delivered once', async () => {
    const recipient = to();
    target.inject(target.actions.send, { kind: 'throttle', count: 2 });
    const result = await mailer().send(target.message(recipient));
    expect(result.attempts).toBe(3);
    expect(target.delivered(recipient)).toBe(1);
  });

  it('errors: throttling beyond the budget is rate_limited, retryable, not sent', async () => {
    const recipient = to();
    target.inject(target.actions.send, { kind: 'throttle', count: 3 });
    const error = await expectError(
      mailer({ retry: { retries: 2 } }).send(target.message(recipient)),
    );
    expect(error).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      delivery: 'not_sent',
      attempts: 3,
    });
    expect(target.delivered(recipient)).toBe(0);
  });

  it('errors: a connection dropped after processing is delivery unknown, with exactly one copy', async () => {
    const recipient = to();
    const before = target.requests(target.actions.send);
    target.inject(target.actions.send, { kind: 'drop' });
    const error = await expectError(mailer().send(target.message(recipient)));
    expect(error.delivery).toBe('unknown');
    expect(target.delivered(recipient)).toBe(1);
    const attempts = target.replaysAmbiguousSends ? 2 : 1;
    expect(error.attempts).toBe(attempts);
    expect(target.requests(target.actions.send)).toBe(before + attempts);
  });

  skipIf(!target.refuses)(
    'errors: a refused connection is retried and delivered once',
    async () => {
      const recipient = to();
      target.inject(target.actions.send, { kind: 'refuse' });
      const result = await mailer().send(target.message(recipient));
      expect(result.attempts).toBe(2);
      expect(target.delivered(recipient)).toBe(1);
    },
  );

  skipIf(target.unreachable === undefined)(
    'errors: a port where nothing listens is a retryable network error, not sent, after every retry',
    async () => {
      const unreachable = target.unreachable as NonNullable<ConformanceTarget['unreachable']>;
      const error = await expectError(
        unreachable({ hooks: ctx.hooks, retry: { ...FAST_RETRY, retries: 2 } }).send(
          target.message(to()),
        ),
      );
      expect(error).toMatchObject({
        code: 'network',
        retryable: true,
        delivery: 'not_sent',
        attempts: 3,
      });
    },
  );

  it('abort: an aborted signal fails at once with no request', async () => {
    const before = target.requests(target.actions.send);
    const error = await expectError(
      mailer().send(target.message(to()), { signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('aborted');
    expect(target.requests(target.actions.send)).toBe(before);
  });

  it('abort: aborting while a request is in flight rejects promptly', async () => {
    target.inject(target.actions.send, { kind: 'delay', ms: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await expectError(
      mailer().send(target.message(to()), { signal: controller.signal }),
    );
    expect(error.code).toBe('aborted');
  });

  skipIf(!target.timeouts || target.replaysAmbiguousSends)(
    'timeout: a reply slower than timeoutMs is a timeout, delivery unknown, not retried',
    async () => {
      const recipient = to();
      const before = target.requests(target.actions.send);
      target.inject(target.actions.send, { kind: 'delay', ms: 1_500 });
      const error = await expectError(mailer({ timeoutMs: 200 }).send(target.message(recipient)));
      expect(error.code).toBe('timeout');
      expect(error.delivery).toBe('unknown');
      expect(error.attempts).toBe(1);
      expect(target.requests(target.actions.send)).toBe(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      // `unknown` promises at most one copy (a network server finishes the slow request; an
      // in-memory one stops at the abort).
      expect(target.delivered(recipient)).toBeLessThanOrEqual(1);
    },
  );

  skipIf(!target.timeouts || !target.replaysAmbiguousSends)(
    'timeout: a reply slower than timeoutMs is replayed once, and the message arrives exactly once',
    async () => {
      const recipient = to();
      const before = target.requests(target.actions.send);
      target.inject(target.actions.send, { kind: 'delay', ms: 1_500 });
      const outcome = await mailer({ timeoutMs: 200 })
        .send(target.message(recipient))
        .then(
          (result) => result.attempts,
          (error: unknown) => error,
        );
      // Either the replay was accepted first (the slow original is then refused as a used
      // nonce), or the provider refused the replay: `unknown`, never a second copy.
      if (typeof outcome === 'number') expect(outcome).toBe(2);
      else
        expect(outcome).toMatchObject({
          code: expect.any(String),
          delivery: 'unknown',
          attempts: 2,
        });
      expect(target.requests(target.actions.send)).toBe(before + 2);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(target.delivered(recipient)).toBe(1);
    },
  );
}
