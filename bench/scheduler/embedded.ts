/**
 * Embedded scheduler benchmark: how many due jobs per second the engine fires, and how late a
 * send lands after its due time (due-to-sent: the run's record time minus its due time), for
 * each store. Jobs are DirectMail sends to the emulator in this process (no rate limit, no
 * injected delay), so the figures are the engine's and the send path's, not a provider's.
 *
 *   node --import tsx bench/scheduler/embedded.ts [--n 1000] [--out file.md]
 *   (or both engines at once: bench/scheduler/run.ts, which writes bench/RESULTS.md)
 *
 * Two shapes per store: a burst (N jobs due at one instant: throughput) and a trickle (jobs due
 * at a steady 100 per second: lateness when the engine keeps up).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type Job } from '@mailbridge/core';
import { normalizeMessage } from '@mailbridge/core/provider';
import { startEmulator } from '@mailbridge/emulator';
import { createScheduler, type JobStore, memoryStore, sqliteStore } from '@mailbridge/scheduler';

/** The machine's load when the bench began (the report is written at the end). */
const LOAD_AT_START = loadavg()[0] ?? 0;

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000' }, out: { type: 'string' } },
});
const N = Number(values.n);
const TRICKLE_PER_S = 100;
const TRICKLE_N = Math.min(N, 500);

interface Figures {
  readonly store: string;
  readonly shape: string;
  readonly jobs: number;
  readonly concurrency: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function measure(
  storeName: string,
  makeStore: () => JobStore,
  shape: 'burst' | 'trickle',
  concurrency: number,
): Promise<Figures> {
  const emu = await startEmulator();
  const store = makeStore();
  const scheduler = createScheduler({ store, pollMs: 100, concurrency });
  const count = shape === 'burst' ? N : TRICKLE_N;
  const start = Date.now() + 3000 + count * (storeName === 'sqlite FULL' ? 3 : 1);
  const message = normalizeMessage({
    from: 'noreply@mail.example.com',
    to: 'bench@example.com',
    subject: 'Bench',
    text: 'x',
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = shape === 'burst' ? start : start + Math.floor((i * 1000) / TRICKLE_PER_S);
    const job = await scheduler.schedule({
      provider: 'aliyun-dm',
      payload: { kind: 'send', message },
      rule: { at: new Date(at) },
    });
    ids.push(job.id);
  }
  const mailer = createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: emu.credentials.aliyun[0] as { id: string; secret: string },
    }),
    { scheduler, rateLimits: false },
  );
  let jobs: Job[] = [];
  for (;;) {
    jobs = store.list();
    if (jobs.every((j) => j.state !== 'pending' && j.state !== 'sending')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await mailer.close();
  await scheduler.close();
  await emu.close();
  const runs = jobs.flatMap((j) => j.runs);
  const bad = runs.filter((r) => r.state !== 'sent').length;
  if (bad > 0) throw new Error(`${bad} runs did not end sent`);
  const late = runs.map((r) => r.at.getTime() - r.due.getTime()).sort((a, b) => a - b);
  const first = Math.min(...runs.map((r) => r.due.getTime()));
  const last = Math.max(...runs.map((r) => r.at.getTime()));
  return {
    store: storeName,
    shape:
      shape === 'burst' ? `burst: ${count} due at once` : `trickle: ${count} at ${TRICKLE_PER_S}/s`,
    jobs: count,
    concurrency,
    perSecond: Math.round((count * 1000) / Math.max(1, last - first)),
    p50: pct(late, 50),
    p99: pct(late, 99),
    max: late[late.length - 1] ?? Number.NaN,
  };
}

/** The same sends without a scheduler (`sendMany`), as the ceiling the engine is compared with. */
async function baseline(concurrency: number): Promise<number> {
  const emu = await startEmulator();
  const mailer = createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: emu.credentials.aliyun[0] as { id: string; secret: string },
    }),
    { rateLimits: false },
  );
  const message = {
    from: 'noreply@mail.example.com',
    to: 'bench@example.com',
    subject: 'B',
    text: 'x',
  };
  const started = performance.now();
  for await (const r of mailer.sendMany(
    Array.from({ length: N }, () => message),
    { concurrency },
  )) {
    if (r.status === 'rejected') throw r.reason;
  }
  const perSecond = Math.round((N * 1000) / (performance.now() - started));
  await mailer.close();
  await emu.close();
  return perSecond;
}

/**
 * The engine alone: the same claim -> run -> record cycle with a runner that answers at once (no
 * HTTP, no signing), so the figure is the store's and the loop's cost per job.
 */
async function engineOnly(storeName: string, store: JobStore): Promise<Figures> {
  const scheduler = createScheduler({ store, pollMs: 100, concurrency: 8 });
  const count = N * 5;
  const at = new Date(Date.now() + 2000 + count);
  const message = normalizeMessage({
    from: 'a@example.com',
    to: 'b@example.com',
    subject: 'B',
    text: 'x',
  });
  for (let i = 0; i < count; i++) {
    await scheduler.schedule({
      provider: 'instant',
      payload: { kind: 'send', message },
      rule: { at },
    });
  }
  let sent = 0;
  scheduler.attach({
    provider: 'instant',
    run: async () => ({ state: 'sent', id: String(++sent) }),
    recover: async () => ({ state: 'sent', id: 'r' }),
  });
  while (sent < count || store.list({ state: 'sending' }).length > 0) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const runs = store.list().flatMap((j) => j.runs);
  await scheduler.close();
  const late = runs.map((r) => r.at.getTime() - r.due.getTime()).sort((a, b) => a - b);
  const last = Math.max(...runs.map((r) => r.at.getTime()));
  return {
    store: storeName,
    shape: `engine only: ${count} due at once, no HTTP`,
    jobs: count,
    concurrency: 8,
    perSecond: Math.round((count * 1000) / Math.max(1, last - at.getTime())),
    p50: pct(late, 50),
    p99: pct(late, 99),
    max: late[late.length - 1] ?? Number.NaN,
  };
}

// One unmeasured pass first: the engine's runs come later, on a warm adapter and emulator, and a
// cold-start ceiling read the scheduler as faster than the sends it makes.
await baseline(32);
const ceiling = new Map<number, number>();
for (const concurrency of [8, 32]) ceiling.set(concurrency, await baseline(concurrency));
console.log('sendMany baseline', JSON.stringify([...ceiling]));

const dir = mkdtempSync(join(tmpdir(), 'mailbridge-bench-'));
let file = 0;
const stores: [string, () => JobStore][] = [
  ['memory', () => memoryStore()],
  ['sqlite FULL', () => sqliteStore(join(dir, `full-${file++}.sqlite`), { synchronous: 'FULL' })],
  [
    'sqlite NORMAL',
    () => sqliteStore(join(dir, `normal-${file++}.sqlite`), { synchronous: 'NORMAL' }),
  ],
];
const results: Figures[] = [];
try {
  for (const [name, make] of stores) {
    const engine = await engineOnly(name, make());
    console.log(JSON.stringify(engine));
    results.push(engine);
    for (const concurrency of [8, 32]) {
      const figures = await measure(name, make, 'burst', concurrency);
      console.log(JSON.stringify(figures));
      results.push(figures);
    }
    const trickle = await measure(name, make, 'trickle', 8);
    console.log(JSON.stringify(trickle));
    results.push(trickle);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rows = results.map(
  (r) =>
    `| ${r.store} | ${r.shape} | ${r.concurrency} | ${r.perSecond} | ${r.shape.startsWith('burst') ? `${(r.perSecond / (ceiling.get(r.concurrency) ?? 1)).toFixed(2)}x` : '-'} | ${r.p50} | ${r.p99} | ${r.max} |`,
);
const report = `### Embedded engine (\`@mailbridge/scheduler\`)

Command: \`node --import tsx bench/scheduler/embedded.ts --n ${N}\`
(after \`pnpm build\`). ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores
(${cpus()[0]?.model ?? 'unknown CPU'}), load average ${LOAD_AT_START.toFixed(1)} at the start.

Setup: DirectMail single sends to the emulator in the same process (no rate limit, no injected
delay), \`createScheduler({ store, concurrency, pollMs: 100 })\`. Jobs/s: jobs divided by the time
from the first due time to the last recorded send. Lateness: a run's record time minus its due
time (claim, send through the mailer, record), in ms.

Baseline in the same run, the same sends without a scheduler (\`mailer.sendMany\`, ${N} sends):
${[...ceiling].map(([c, v]) => `${v} sends/s at concurrency ${c}`).join(', ')}. \`vs sendMany\` is a burst's
jobs/s over that baseline at the same concurrency.

| store | shape | concurrency | jobs/s | vs sendMany | lateness p50 | p99 | max |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Reading: the \`engine only\` rows are the scheduler's own cost per job (claim, run, record,
with a runner that answers at once); the others add a real signed DirectMail request to the
emulator, whose throughput on the machine is the \`sendMany\` baseline above. Lateness beyond
the engine-only rows is queueing behind that send path.
`;
if (values.out) writeFileSync(values.out, report);
else console.log(report);
