/**
 * The shared limiter (src/limit.ts) on a real Redis, asked by three clients at once as three
 * worker processes would: it gives each send its own slot, evenly spaced, so no window holds
 * more than `max`, none is wasted, and a send that is aborted stops waiting for its slot.
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

  it('spaces sends evenly across clients: never more than max per window, no slower', async () => {
    // 20 per 200 ms + 100 ms margin: one slot every 15 ms, so 60 sends take 59 slots after the first.
    const limit = { max: 20, durationMs: 200, marginMs: 100 };
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
    expect(elapsed).toBeGreaterThanOrEqual(59 * 15 - 20);
    // Generous: a loaded 2-core machine; without the limit it takes milliseconds.
    expect(elapsed).toBeLessThan(59 * 15 + 3000);
    // Scaled to the window (x5: 200 ms -> 1 s): at most 20 in any 200 ms as the callers saw it,
    // and their wake-ups vary by less than the margin.
    expect(busiestSecond(times.map((t) => t * 5)).sliding).toBeLessThanOrEqual(20);
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
