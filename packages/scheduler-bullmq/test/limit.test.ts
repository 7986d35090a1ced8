/**
 * The shared limiter (src/limit.ts) on a real Redis, asked by three clients at once as three
 * worker processes would: it admits `max` per window and no more, lets the next one through as
 * soon as the oldest admission leaves the window, and gives up waiting when the send is aborted.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sharedLimiter } from '../src/limit.js';
import { busiestSecond } from './helpers/emulator.js';
import { describeRedis, dropPrefix, redisUrl, testPrefix } from './helpers/redis.js';

describeRedis('shared limiter', () => {
  const prefix = testPrefix();
  const clients: Redis[] = [];

  beforeAll(() => {
    for (let i = 0; i < 3; i++) clients.push(new Redis(redisUrl()));
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await dropPrefix(prefix);
  });

  it('admits max per window across clients, never more, and no slower than needed', async () => {
    // 10 per 500 ms + 250 ms margin: 60 admissions need 5 full windows after the first.
    const limit = { max: 10, durationMs: 500, marginMs: 250 };
    const admits = clients.map((c) => sharedLimiter(c, `${prefix}:a`, limit));
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await admits[i % 3]!();
        times.push(Date.now());
      }),
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(5 * 750 - 20);
    // Generous: a loaded 2-core machine; without the limit it takes milliseconds.
    expect(elapsed).toBeLessThan(5 * 750 + 3000);
    // Scaled to the window: never more than 10 in any 500 ms as seen by the callers, whose
    // clocks lag Redis's by at most the margin.
    const busiest = busiestSecond(times.map((t) => t * 2)).sliding;
    expect(busiest).toBe(10);
    const stored = await clients[0]!.zcard(`${prefix}:a`);
    expect(stored).toBeLessThanOrEqual(10);
  });

  it('stops waiting when the send is aborted', async () => {
    const admit = sharedLimiter(clients[0]!, `${prefix}:b`, {
      max: 1,
      durationMs: 60_000,
      marginMs: 0,
    });
    await admit();
    const controller = new AbortController();
    const waiting = admit(controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 50);
    const started = Date.now();
    await expect(waiting).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
