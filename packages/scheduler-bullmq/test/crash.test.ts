/**
 * kill -9 a worker process at chosen and random points of a send, over and over, while jobs of
 * both providers are due; then let one worker finish. Every job ends `sent` with exactly one copy
 * in the emulator's outbox, or `unknown` with at most one: never two copies, never a job lost.
 *
 * Kill points, in turn: as the request is written (it reaches the emulator after the worker is
 * gone: the send happened, the record did not), right after the response (sent, not recorded),
 * a random moment while the request is in flight, and a random moment after start (before or
 * during the claim). Sends are slowed by 150 ms at the emulator so the in-flight window is wide.
 * DirectMail jobs recover by replaying the pinned request (the emulator refuses a reused nonce:
 * `unknown`, or accepts the only copy: `sent`); Tencent jobs found claimed become `unknown`.
 */
import { normalizeMessage } from '@mailbridge/core/provider';
import type { Emulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BullmqScheduler, bullmqScheduler } from '../src/index.js';
import type { WorkerConfig } from './fixtures/worker.js';
import { copiesByRecipient, startWallClockEmulator } from './helpers/emulator.js';
import { describeRedis, dropPrefix, redisUrl, testPrefix } from './helpers/redis.js';
import { spawnWorker, type WorkerEvent, type WorkerProcess } from './helpers/workers.js';

const KILLS = 20;
const JOBS_PER_PROVIDER = 24;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeRedis('kill -9 during sends', () => {
  const prefix = testPrefix();
  let emulator: Emulator;
  let producer: BullmqScheduler;
  const live = new Set<WorkerProcess>();

  beforeAll(async () => {
    emulator = await startWallClockEmulator();
    producer = bullmqScheduler({ connection: redisUrl(), prefix, worker: false });
  });
  afterAll(async () => {
    await Promise.all([...live].map((w) => w.kill()));
    await producer?.close();
    await emulator?.close();
    await dropPrefix(prefix);
  });

  const message = (provider: string, i: number) =>
    provider === 'aliyun-dm'
      ? {
          from: 'noreply@mail.example.com',
          to: `dm${i}@example.com`,
          subject: `Crash ${i}`,
          text: 'x',
        }
      : {
          from: 'noreply@mail.example.com',
          to: `tc${i}@example.com`,
          subject: `Crash ${i}`,
          template: { id: 100001, data: { name: 'Ann' } },
        };

  /** Kill the worker at the point chosen for round `round`; returns where it was. */
  async function killDuringSend(worker: WorkerProcess, round: number): Promise<string> {
    const isSend = (e: WorkerEvent) => e.event === 'request';
    switch (round % 4) {
      case 0:
        await worker.next(isSend);
        await worker.kill();
        return 'request written';
      case 1:
        await worker.next((e) => e.event === 'response');
        await worker.kill();
        return 'after response';
      case 2:
        await worker.next(isSend);
        await sleep(Math.random() * 200);
        await worker.kill();
        return 'request in flight';
      default:
        await sleep(Math.random() * 400);
        await worker.kill();
        return 'random';
    }
  }

  it(`loses no job and sends none twice across ${KILLS} kills`, async () => {
    const aliyun = emulator.credentials.aliyun[0]!;
    const tencent = emulator.credentials.tencent[0]!;
    const config: WorkerConfig = {
      redisUrl: redisUrl(),
      prefix,
      endpoint: emulator.url,
      keys: {
        aliyun: { id: aliyun.id, secret: aliyun.secret },
        tencent: { id: tencent.id, secret: tencent.secret },
      },
      concurrency: 1,
      lockDurationMs: 5000,
      stalledIntervalMs: 2000,
    };
    for (const action of ['SingleSendMail', 'SendEmail']) {
      emulator.inject({ action, count: 10_000, fault: { kind: 'delay', ms: 150 } });
    }
    const ids: string[] = [];
    for (let i = 0; i < JOBS_PER_PROVIDER; i++) {
      for (const provider of ['aliyun-dm', 'tencent-ses']) {
        const job = await producer.schedule({
          provider,
          payload: { kind: 'send', message: normalizeMessage(message(provider, i)) },
          rule: { at: new Date() },
        });
        ids.push(job.id);
      }
    }

    const points: string[] = [];
    for (let round = 0; round < KILLS; round++) {
      const worker = await spawnWorker(config);
      live.add(worker);
      points.push(
        await killDuringSend(worker, round).catch((error: unknown) => {
          throw new Error(
            `round ${round}: ${String(error)}; events ${JSON.stringify(worker.events)}`,
          );
        }),
      );
      live.delete(worker);
    }

    const last = await spawnWorker(config);
    live.add(last);
    const deadline = Date.now() + 90_000;
    const final = new Set(['sent', 'unknown', 'failed', 'cancelled']);
    let jobs = await Promise.all(ids.map((id) => producer.get(id)));
    while (jobs.some((j) => !j || !final.has(j.state)) && Date.now() < deadline) {
      await sleep(500);
      jobs = await Promise.all(ids.map((id) => producer.get(id)));
    }
    await last.stop();
    live.delete(last);
    await sleep(500); // a copy still on its way would arrive now

    const copies = copiesByRecipient(emulator);
    const tally: Record<string, number> = {};
    const details: string[] = [];
    for (const job of jobs) {
      expect(job, 'no job vanished').toBeDefined();
      const to = job!.payload.kind === 'send' ? job!.payload.message.to[0]!.address : '';
      const n = copies.get(to) ?? 0;
      expect(['sent', 'unknown'], `${to}: ${job!.state}`).toContain(job!.state);
      if (job!.state === 'sent') expect(n, `${to} sent`).toBe(1);
      else expect(n, `${to} unknown`).toBeLessThanOrEqual(1);
      const key = `${job!.provider} ${job!.state}${job!.runs.at(-1)?.recovered ? ' (recovered)' : ''} ${n}`;
      tally[key] = (tally[key] ?? 0) + 1;
      if (job!.state === 'unknown') {
        const e = job!.error;
        details.push(`${job!.provider} ${e?.code}/${e?.providerCode ?? '-'}: ${e?.message}`);
      }
    }
    expect(Math.max(...copies.values())).toBe(1);
    console.log(
      `crash: ${KILLS} kills at ${JSON.stringify(count(points))}; jobs ${JSON.stringify(tally)}; ` +
        `unknown: ${JSON.stringify(count(details))}`,
    );
  }, 300_000);
});

function count(items: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[item] = (out[item] ?? 0) + 1;
  return out;
}
