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
