/**
 * Bench of the BullMQ engine with one and with three worker processes (test/fixtures/worker.ts)
 * sending through the emulator (its clock follows the wall clock, so outbox times are send times).
 *
 * - fired/s: `--burst` jobs all due at the same instant (a few seconds ahead, so they wait in
 *   BullMQ's delayed set first); rate = jobs / (last send - due).
 * - lateness: `--steady` jobs due evenly over `--seconds` (meant to stay below capacity, so the
 *   figure is the engine's own delay, not a backlog); lateness of each job
 *   = its outbox time - its due time; p50 and p99.
 * No rate limit: this measures the engine, not a quota. Results are appended as Markdown.
 *
 *   MAILBRIDGE_REDIS_URL=redis://127.0.0.1:6379 node --import tsx bench/scheduler/bullmq.ts [--out file.md]
 *   (or both engines at once: bench/scheduler/run.ts, which writes bench/RESULTS.md)
 *
 * The engine, its worker fixture and helpers are the package's own (its tests use them too).
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { normalizeMessage } from '@mailbridge/core/provider';
import type { Emulator } from '@mailbridge/emulator';
import { bullmqScheduler } from '../../packages/scheduler-bullmq/src/index.js';
import { startWallClockEmulator } from '../../packages/scheduler-bullmq/test/helpers/emulator.js';
import { dropPrefix, testPrefix } from '../../packages/scheduler-bullmq/test/helpers/keys.js';
import { spawnWorker } from '../../packages/scheduler-bullmq/test/helpers/workers.js';

const { values: args } = parseArgs({
  options: {
    burst: { type: 'string', default: '2000' },
    steady: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1,3' },
    out: { type: 'string' },
  },
});
const redisUrl = process.env['MAILBRIDGE_REDIS_URL'];
if (!redisUrl) throw new Error('set MAILBRIDGE_REDIS_URL (or run through .ci/services/redis.sh)');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  readonly workers: number;
  readonly burst: number;
  readonly firedPerSecond: number;
  readonly steady: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

async function scenario(emulator: Emulator, workerCount: number): Promise<Row> {
  const prefix = testPrefix();
  const key = emulator.credentials.aliyun[0]!;
  emulator.clearOutbox();
  const producer = bullmqScheduler({ connection: redisUrl!, prefix, worker: false });
  const workers = await Promise.all(
    Array.from({ length: workerCount }, () =>
      spawnWorker({
        redisUrl: redisUrl!,
        prefix,
        endpoint: emulator.url,
        keys: { aliyun: { id: key.id, secret: key.secret } },
        concurrency: 16,
      }),
    ),
  );
  try {
    const burst = Number(args.burst);
    const burstDue = Date.now() + 3000;
    await schedule(producer, 'b', burst, () => burstDue);
    const burstTimes = await outboxTimes(emulator, 'b', burst, 300_000);
    const firedPerSecond = burst / ((Math.max(...burstTimes.values()) - burstDue) / 1000);

    const steady = Number(args.steady);
    const spanMs = Number(args.seconds) * 1000;
    const start = Date.now() + 3000;
    const dues = Array.from(
      { length: steady },
      (_, i) => start + Math.floor((i * spanMs) / steady),
    );
    await schedule(producer, 's', steady, (i) => dues[i]!);
    const times = await outboxTimes(emulator, 's', steady, spanMs + 300_000);
    const lateness = dues
      .map((due, i) => times.get(`s${i}@example.com`)! - due)
      .sort((a, b) => a - b);
    const pct = (p: number) =>
      lateness[Math.min(lateness.length - 1, Math.floor(p * lateness.length))]!;
    return {
      workers: workerCount,
      burst,
      firedPerSecond,
      steady,
      p50: pct(0.5),
      p99: pct(0.99),
      max: lateness.at(-1)!,
    };
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await producer.close();
    await dropPrefix(redisUrl!, prefix);
  }
}

async function schedule(
  producer: ReturnType<typeof bullmqScheduler>,
  tag: string,
  n: number,
  due: (i: number) => number,
): Promise<void> {
  await producer.scheduleMany(
    Array.from({ length: n }, (_, i) => ({
      provider: 'aliyun-dm',
      payload: {
        kind: 'send' as const,
        message: normalizeMessage({
          from: 'noreply@mail.example.com',
          to: `${tag}${i}@example.com`,
          subject: 'Bench',
          text: 'x',
        }),
      },
      rule: { at: new Date(due(i)) },
    })),
  );
}

/** Outbox time per recipient of the `tag` jobs, once all `n` have arrived. */
async function outboxTimes(emulator: Emulator, tag: string, n: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const re = new RegExp(`^${tag}\\d+@example\\.com$`);
  for (;;) {
    const mine = emulator.outbox.filter((e) => re.test(e.to));
    if (mine.length >= n) return new Map(mine.map((e) => [e.to, e.time]));
    if (Date.now() > deadline) throw new Error(`only ${mine.length}/${n} ${tag} jobs sent`);
    await sleep(100);
  }
}

const emulator = await startWallClockEmulator();
const rows: Row[] = [];
try {
  for (const n of args.workers.split(',').map(Number)) rows.push(await scenario(emulator, n));
} finally {
  await emulator.close();
}

// The command as a reader would type it: the temporary --out of run.ts left out.
const shown = process.argv.slice(2).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out');
const command = `node --import tsx bench/scheduler/bullmq.ts ${shown.join(' ')}`.trim();
const lines = [
  '### BullMQ engine (`@mailbridge/scheduler-bullmq`), one and three worker processes',
  '',
  `\`${command}\` on ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end.`,
  '',
  '| workers | burst jobs | fired/s | steady jobs | lateness p50 (ms) | p99 (ms) | max (ms) |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.workers} | ${r.burst} | ${r.firedPerSecond.toFixed(0)} | ${r.steady} | ${r.p50} | ${r.p99} | ${r.max} |`,
  ),
  '',
];
if (args.out) writeFileSync(args.out, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
