/**
 * The shared limit counts HTTP attempts, not jobs: a retry inside the Mailer is one more request
 * at the provider, so it takes a slot of its own (src/limit.ts, through the executor's attempt
 * gate). With `max: 1` per second, a send throttled once is retried no sooner than one second
 * after the provider answered the first attempt, although the Mailer's backoff is 200 to 400 ms.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type Mailer } from '@mailbridge/core';
import type { Emulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BullmqScheduler, bullmqScheduler } from '../src/index.js';
import { recordArrivals, startWallClockEmulator } from './helpers/emulator.js';
import { describeRedis, dropPrefix, redisUrl, testPrefix } from './helpers/redis.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeRedis('shared limit per attempt', () => {
  const prefix = testPrefix();
  let emulator: Emulator;
  let scheduler: BullmqScheduler;
  let mailer: Mailer;

  beforeAll(async () => {
    emulator = await startWallClockEmulator();
    const key = emulator.credentials.aliyun[0]!;
    scheduler = bullmqScheduler({ connection: redisUrl(), prefix, rateLimit: { max: 1 } });
    mailer = createMailer(
      aliyunDm({ region: 'cn-hangzhou', endpoint: emulator.url, credentials: key }),
      { scheduler, rateLimits: false, retry: { minDelayMs: 200, maxDelayMs: 400 } },
    );
  });
  afterAll(async () => {
    await mailer?.close();
    await scheduler?.close();
    await emulator?.close();
    await dropPrefix(prefix);
  });

  it('gives a retry its own slot: one window after the first attempt was answered', async () => {
    emulator.inject({
      provider: 'aliyun-dm',
      fault: { kind: 'error', code: 'Throttling.User', status: 400 },
    });
    const arrivals = recordArrivals(emulator);
    const answered: number[] = [];
    const off = emulator.onRequest((record) => {
      if (record.provider !== undefined) answered.push(Date.now());
    });
    const scheduled = await mailer.send(
      { from: 'noreply@mail.example.com', to: 'retry@example.com', subject: 'Hi', text: 'x' },
      { at: new Date(Date.now() + 200) },
    );
    const deadline = Date.now() + 20_000;
    let job = await scheduler.get(scheduled.id);
    while (job?.state !== 'sent' && Date.now() < deadline) {
      await sleep(50);
      job = await scheduler.get(scheduled.id);
    }
    arrivals.stop();
    off();
    expect(job?.state).toBe('sent');
    expect(arrivals.times).toHaveLength(2);
    // The retry arrived at least one window after the first attempt's answer reached the worker
    // (the answer left the emulator no later than `answered[0]`).
    expect(arrivals.times[1]! - answered[0]!).toBeGreaterThanOrEqual(1000 - 50);
    expect(emulator.outbox.filter((e) => e.to === 'retry@example.com')).toHaveLength(1);
  });
});
