/**
 * Three worker processes, 3,000 due jobs, a shared limit of 50 sends per second with the
 * limiter's default settings: every job is delivered exactly once, and the emulator never
 * receives more than 50 requests in any second, calendar or sliding (counted when its server
 * takes each request): the limit a user sets is the limit the provider sees, with no headroom to
 * add, on a machine as busy as it gets. The limit is the queue's, in Redis (src/limit.ts): no
 * worker knows how many the others send.
 */

import { normalizeMessage } from '@mailbridge/core/provider';
import type { Emulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BullmqScheduler, bullmqScheduler } from '../src/index.js';
import {
  busiestSecond,
  copiesByRecipient,
  recordArrivals,
  startWallClockEmulator,
} from './helpers/emulator.js';
import { describeRedis, dropPrefix, redisUrl, testPrefix } from './helpers/redis.js';
import { spawnWorker, type WorkerProcess } from './helpers/workers.js';

const JOBS = 3000;
const LIMIT = 50;
const WORKERS = 3;
// 3,000 at 50/s is 60 s of sending at best (a slot is held for the request's round trip plus
// one second); the bound leaves room for a loaded machine.
const DEADLINE_MS = 240_000;

describeRedis('three workers, 3,000 jobs, one shared limit', () => {
  const prefix = testPrefix();
  let emulator: Emulator;
  let producer: BullmqScheduler;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    emulator = await startWallClockEmulator();
    producer = bullmqScheduler({ connection: redisUrl(), prefix, worker: false });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    await producer?.close();
    await emulator?.close();
    await dropPrefix(prefix);
  });

  it(
    'delivers each job exactly once and never more than the limit (50) in any second',
    async () => {
      const key = emulator.credentials.aliyun[0]!;
      const config = {
        redisUrl: redisUrl(),
        prefix,
        endpoint: emulator.url,
        keys: { aliyun: { id: key.id, secret: key.secret } },
        rateLimit: { max: LIMIT },
        concurrency: 8,
      };
      workers.push(
        ...(await Promise.all(Array.from({ length: WORKERS }, () => spawnWorker(config)))),
      );

      const arrivals = recordArrivals(emulator);
      const at = new Date();
      const started = Date.now();
      const jobs = await producer.scheduleMany(
        Array.from({ length: JOBS }, (_, i) => ({
          provider: 'aliyun-dm',
          payload: {
            kind: 'send' as const,
            message: normalizeMessage({
              from: 'noreply@mail.example.com',
              to: `r${i}@example.com`,
              subject: `Campaign ${i}`,
              text: 'Hello',
            }),
          },
          rule: { at },
        })),
      );
      expect(jobs).toHaveLength(JOBS);

      while (emulator.outbox.length < JOBS && Date.now() - started < DEADLINE_MS) {
        await new Promise((r) => setTimeout(r, 250));
      }
      const seconds = (Date.now() - started) / 1000;
      // Let any straggler (a second copy would be one) arrive before counting.
      await new Promise((r) => setTimeout(r, 1500));

      const copies = copiesByRecipient(emulator);
      expect(copies.size).toBe(JOBS);
      expect([...copies.values()].every((n) => n === 1)).toBe(true);
      arrivals.stop();
      const busiest = busiestSecond(arrivals.times);
      const requested = busiestSecond(
        workers.flatMap((w) =>
          w.events.filter((e) => e.event === 'request').map((e) => e['at'] as number),
        ),
      );
      console.log(
        `shared limit: ${JOBS} jobs by ${WORKERS} workers in ${seconds.toFixed(1)} s ` +
          `(${(JOBS / seconds).toFixed(1)}/s); busiest calendar second ${busiest.calendar}, ` +
          `busiest sliding second ${busiest.sliding} (as sent by the workers: ${requested.sliding}); per worker ${workers
            .map((w) => w.events.filter((e) => e.event === 'response').length)
            .join('/')}`,
      );
      expect(arrivals.times.length).toBeGreaterThanOrEqual(JOBS);
      expect(busiest.calendar).toBeLessThanOrEqual(LIMIT);
      expect(busiest.sliding).toBeLessThanOrEqual(LIMIT);
      // Every worker took part: the limit is shared, not one worker doing everything.
      for (const w of workers) {
        expect(w.events.filter((e) => e.event === 'response').length).toBeGreaterThan(0);
      }

      let sent = 0;
      for await (const job of producer.list({ provider: 'aliyun-dm' })) {
        expect(job.state).toBe('sent');
        sent++;
      }
      expect(sent).toBe(JOBS);
    },
    DEADLINE_MS + 180_000,
  );
});
