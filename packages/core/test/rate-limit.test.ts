import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/run/rate-limit.js';

describe('token bucket per action', () => {
  it('lets a burst through, then spaces callers by the refill rate', () => {
    let now = 0;
    const limiter = createRateLimiter(
      { Send: { requests: 2, perMs: 1000, source: 'test' } },
      undefined,
      () => now,
    );
    expect(limiter.take('Send')).toBeUndefined();
    expect(limiter.take('Send')).toBeUndefined();
    expect(limiter.take('Send')).toBeInstanceOf(Promise);
    now = 10_000;
    expect(limiter.take('Send')).toBeUndefined();
    expect(limiter.take('Other')).toBeUndefined();
  });

  it('waits for a token and honours abort while waiting', async () => {
    const limiter = createRateLimiter(
      { Send: { requests: 1, perMs: 60_000, source: 'test' } },
      undefined,
    );
    await limiter.take('Send');
    const controller = new AbortController();
    const waiting = limiter.take('Send', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
  });

  it('gives back the token of a caller that aborted while waiting', async () => {
    let now = 0;
    const limiter = createRateLimiter(
      { Send: { requests: 1, perMs: 60_000, source: 'test' } },
      undefined,
      () => now,
    );
    expect(limiter.take('Send')).toBeUndefined();
    const controller = new AbortController();
    const waiting = limiter.take('Send', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    // One token refilled: the aborted caller sent nothing, so the next one goes at once.
    now = 60_000;
    expect(limiter.take('Send')).toBeUndefined();
  });

  it('overrides per action and can be disabled', () => {
    const limiter = createRateLimiter(
      { Send: { requests: 1, perMs: 60_000, source: 'doc' } },
      { Send: false },
    );
    for (let i = 0; i < 5; i++) expect(limiter.take('Send')).toBeUndefined();
    const off = createRateLimiter({ Send: { requests: 1, perMs: 60_000, source: 'doc' } }, false);
    for (let i = 0; i < 5; i++) expect(off.take('Send')).toBeUndefined();
  });
});

describe('a wait longer than a timer can hold', () => {
  it('is waited in full: a token 30 days away does not come after 1 ms', async () => {
    // Node fires a setTimeout over 2^31-1 ms (24.8 days) after 1 ms instead.
    const limiter = createRateLimiter(
      { Send: { requests: 1, perMs: 30 * 86_400_000, source: 'test' } },
      undefined,
    );
    expect(limiter.take('Send')).toBeUndefined();
    const controller = new AbortController();
    const waiting = limiter.take('Send', controller.signal);
    const outcome = await Promise.race([
      waiting?.then(() => 'token'),
      new Promise((resolve) => setTimeout(resolve, 100, 'still waiting')),
    ]);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    expect(outcome).toBe('still waiting');
  });
});
