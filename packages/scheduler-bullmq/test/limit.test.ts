/**
 * The shared limiter (src/limit.ts) on a real Redis, asked by several clients as several worker
 * processes would: `max` slots, each counted from its admission until one window after its
 * release (however long the request was in flight); a dead worker's slot ends with its lease; a
 * wait can be aborted and is bounded, with a clear error either way.
 */
import { MailError } from '@mailbridge/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Slot, sharedLimiter } from '../src/limit.js';
import { describeRedis, dropPrefix, redisUrl, testPrefix } from './helpers/redis.js';

/** Settles to 'pending' if `promise` has not settled within `ms`. */
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);

describeRedis('shared limiter', () => {
  const prefix = testPrefix();
  const clients: Redis[] = [];
  // Local clocks and Redis's agree on one machine; this absorbs timer rounding only.
  const EARLY = 50;
  // Generous upper bounds: the suite shares 2 busy cores.
  const LATE = 3000;

  beforeAll(() => {
    for (let i = 0; i < 3; i++) clients.push(new Redis(redisUrl()));
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await dropPrefix(prefix);
  });

  it('admits max at once, counts a slot while in flight, frees it one window after release', async () => {
    const limit = { max: 5, durationMs: 500 };
    const limiters = clients.map((c) => sharedLimiter(c, `${prefix}:a`, limit));
    const slots: Slot[] = await Promise.all(
      Array.from({ length: 5 }, (_, i) => limiters[i % 3]!.acquire()),
    );
    const next = limiters[0]!.acquire();
    // In flight for longer than the window: still counted (a slow request may arrive late).
    expect(await within(next, limit.durationMs + 300)).toBe('pending');
    const released = Date.now();
    slots[0]!.release(true);
    const slot = await next;
    const waited = Date.now() - released;
    expect(waited).toBeGreaterThanOrEqual(limit.durationMs - EARLY);
    expect(waited).toBeLessThan(limit.durationMs + LATE);
    for (const s of [...slots, slot]) s.release(true);
  });

  it('keeps an unanswered request counted for its lease, and gives back an unused slot', async () => {
    const limit = { max: 1, durationMs: 200 };
    const limiter = sharedLimiter(clients[0]!, `${prefix}:b`, limit, { leaseMs: 600 });
    // Never used (nothing sent): free at once.
    (await limiter.acquire()).cancel();
    const unanswered = await limiter.acquire();
    const released = Date.now();
    unanswered.release(false);
    const next = await limiter.acquire();
    expect(Date.now() - released).toBeGreaterThanOrEqual(600 + limit.durationMs - EARLY);
    next.release(true);
  });

  it('frees the slot of a worker that died when its lease ends, not before', async () => {
    const limit = { max: 1, durationMs: 300 };
    const dying = new Redis(redisUrl());
    const settings = { leaseMs: 600 };
    const orphan = await sharedLimiter(dying, `${prefix}:c`, limit, settings).acquire();
    const admitted = Date.now();
    // The process dies: no release, no more lease refreshes.
    dying.disconnect();
    const slot = await sharedLimiter(clients[1]!, `${prefix}:c`, limit, settings).acquire();
    const waited = Date.now() - admitted;
    expect(waited).toBeGreaterThanOrEqual(settings.leaseMs + limit.durationMs - EARLY);
    expect(waited).toBeLessThan(settings.leaseMs + limit.durationMs + LATE);
    slot.release(true);
    orphan.release(true); // stops its timer; the dead client cannot write any more
  });

  it('refreshes the lease of a slot in flight for longer than the lease', async () => {
    const limit = { max: 1, durationMs: 200 };
    const settings = { leaseMs: 300, maxWaitMs: 10_000 };
    const held = await sharedLimiter(clients[0]!, `${prefix}:d`, limit, settings).acquire();
    const other = sharedLimiter(clients[1]!, `${prefix}:d`, limit, settings).acquire();
    expect(await within(other, 3 * (settings.leaseMs + limit.durationMs))).toBe('pending');
    held.release(true);
    (await other).release(true);
  });

  it('stops waiting promptly when the send is aborted, with a clear error', async () => {
    const limiter = sharedLimiter(clients[0]!, `${prefix}:e`, { max: 1, durationMs: 60_000 });
    const held = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 50);
    const started = Date.now();
    const error = await waiting.catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(LATE);
    expect(error).toBeInstanceOf(MailError);
    expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
    expect((error as MailError).message).toMatch(/shared rate limit.*aborted/);
    held.release(true);
  });

  it('never waits longer than maxWaitMs: rate_limited, nothing sent', async () => {
    const limit = { max: 1, durationMs: 60_000 };
    const limiter = sharedLimiter(clients[2]!, `${prefix}:f`, limit, { maxWaitMs: 300 });
    const held = await limiter.acquire();
    const started = Date.now();
    const error = await limiter.acquire().catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300 - EARLY);
    expect(Date.now() - started).toBeLessThan(300 + LATE);
    expect(error).toMatchObject({ code: 'rate_limited', delivery: 'not_sent' });
    expect((error as MailError).message).toMatch(/No slot under the shared rate limit/);
    held.release(true);
  });
});
