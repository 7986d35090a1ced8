/**
 * The soak: N messages through `sendMany` at concurrency 64 against the emulator in its own
 * process, with ~1% of sends throttled and ~0.1% dropped after processing, injected at random
 * (seeded) points. Every message is accounted for against the emulator's outbox: delivered
 * exactly once when reported sent, never when `not_sent`, at most once when `unknown`. Client
 * RSS is sampled through the run.
 *
 *   node --import tsx test/reliability/soak.ts [--messages 100000] [--provider aliyun-dm]
 *     [--concurrency 64] [--write]      (--write: record the figures in test/reliability/SOAK.md)
 *
 * Client-side rate limiting is off (`rateLimits: false`): DirectMail's 100/s default would make
 * the run measure the token bucket, not the pipeline.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { MessageInput } from '@mailbridge/core';
import type { ProviderId } from '@mailbridge/emulator';
import { type EmulatorProcess, startEmulatorProcess } from './emulator-process.js';
import { table } from './results.js';
import { mailerFor, TARGETS, type Target } from './targets.js';

/** Settings of one soak run. */
export interface SoakOptions {
  readonly provider: ProviderId;
  readonly messages: number;
  readonly concurrency: number;
  /** Share of sends that get a throttling fault (default 0.01) and a dropped connection (0.001). */
  readonly throttleRate?: number;
  readonly dropRate?: number;
  readonly seed?: number;
}

/** The figures of one run. */
export interface SoakReport {
  readonly provider: ProviderId;
  readonly messages: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly injected: {
    readonly throttles: number;
    readonly drops: number;
    readonly unused: number;
  };
  readonly delivered: number;
  readonly notSent: number;
  readonly unknown: number;
  /** `unknown` results whose message is in the outbox (at most one copy each). */
  readonly unknownDelivered: number;
  readonly attempts: number;
  /** Recipients with more than one copy; must be 0. */
  readonly duplicates: number;
  /** Results that disagree with the outbox, or messages with no result; must be 0. */
  readonly unaccounted: number;
  readonly rss: {
    readonly startMiB: number;
    readonly peakMiB: number;
    readonly endMiB: number;
    readonly firstQuarterPeakMiB: number;
    readonly lastQuarterPeakMiB: number;
    readonly emulatorPeakMiB: number;
    /** Heap in use after a full collection at each quarter of the results (needs --expose-gc). */
    readonly heapAfterGcMiB: readonly number[];
  };
}

const OK = 1;
const NOT_SENT = 2;
const UNKNOWN = 3;
const MiB = 1024 * 1024;

/** Mulberry32: a small seeded PRNG, so a run's fault placement can be reproduced. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Run one soak against a fresh emulator process. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const emu = await startEmulatorProcess();
  try {
    return await soakAgainst(emu, options);
  } finally {
    await emu.stop();
  }
}

async function soakAgainst(emu: EmulatorProcess, options: SoakOptions): Promise<SoakReport> {
  const found = TARGETS.find((t) => t.id === options.provider);
  if (!found) throw new Error(`unknown provider ${options.provider}`);
  const target: Target = found;
  const key =
    options.provider === 'aliyun-dm' ? emu.credentials.aliyun[0] : emu.credentials.tencent[0];
  if (!key) throw new Error('the emulator printed no credentials');
  const mailer = mailerFor(target, {
    endpoint: emu.url,
    credentials: () => key,
    options: {
      retry: { retries: 3, minDelayMs: 5, maxDelayMs: 100 },
      rateLimits: false,
      concurrency: options.concurrency,
    },
  });
  const { messages } = options;
  const random = prng(options.seed ?? 20261123);
  const run = Date.now().toString(36);
  const to = (i: number) => `soak-${run}-${i}@example.com`;
  const injected = { throttles: 0, drops: 0 };

  async function* source(): AsyncGenerator<MessageInput> {
    for (let i = 0; i < messages; i++) {
      const r = random();
      if (r < (options.dropRate ?? 0.001)) {
        injected.drops += 1;
        await emu.inject({
          provider: target.id,
          action: target.actions.send,
          fault: { kind: 'drop' },
        });
      } else if (r < (options.dropRate ?? 0.001) + (options.throttleRate ?? 0.01)) {
        injected.throttles += 1;
        await emu.inject({
          provider: target.id,
          action: target.actions.send,
          fault: target.throttle,
        });
      }
      yield target.message(to(i));
    }
  }

  // One byte per message: results are not held, only their class (sendMany's promise).
  const status = new Uint8Array(messages);
  let attempts = 0;
  const samples: number[] = [];
  let emulatorPeak = 0;
  const sample = () => {
    samples.push(process.memoryUsage().rss);
    emulatorPeak = Math.max(emulatorPeak, emu.rss());
  };
  // With --expose-gc (as `pnpm soak` runs): the heap still in use after a full collection at
  // each quarter of the results, the measure of what is retained (RSS also holds the heap V8
  // grew for the allocation rate and has not returned).
  const gc = (globalThis as { gc?: () => void }).gc;
  const heapAfterGc: number[] = [];
  const quarterOfResults = Math.ceil(messages / 4);
  let settled = 0;
  sample();
  const timer = setInterval(sample, 250);
  const started = performance.now();
  try {
    for await (const result of mailer.sendMany(source(), { concurrency: options.concurrency })) {
      if (result.status === 'fulfilled') {
        status[result.index] = OK;
        attempts += result.value.attempts;
      } else {
        status[result.index] = result.reason.delivery === 'not_sent' ? NOT_SENT : UNKNOWN;
        attempts += result.reason.attempts;
      }
      settled += 1;
      if (gc && (settled % quarterOfResults === 0 || settled === messages)) {
        gc();
        heapAfterGc.push(process.memoryUsage().heapUsed);
      }
    }
  } finally {
    clearInterval(timer);
    await mailer.close();
  }
  const seconds = (performance.now() - started) / 1000;
  sample();

  const unused = await emu.pendingFaults();
  const copies = new Map<string, number>();
  for (const entry of await emu.outbox()) copies.set(entry.to, (copies.get(entry.to) ?? 0) + 1);
  let duplicates = 0;
  let unaccounted = 0;
  let unknownDelivered = 0;
  const tally = [0, 0, 0, 0];
  for (let i = 0; i < messages; i++) {
    const s = status[i] as number;
    const n = copies.get(to(i)) ?? 0;
    tally[s] = (tally[s] as number) + 1;
    if (n > 1) duplicates += 1;
    if (s === OK && n !== 1) unaccounted += 1;
    if (s === NOT_SENT && n !== 0) unaccounted += 1;
    if (s === UNKNOWN && n > 1) unaccounted += 1;
    if (s === UNKNOWN && n === 1) unknownDelivered += 1;
    if (s === 0) unaccounted += 1;
  }
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;
  return {
    provider: options.provider,
    messages,
    concurrency: options.concurrency,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(messages / seconds),
    injected: { ...injected, unused },
    delivered: tally[OK] as number,
    notSent: tally[NOT_SENT] as number,
    unknown: tally[UNKNOWN] as number,
    unknownDelivered,
    attempts,
    duplicates,
    unaccounted,
    rss: {
      startMiB: mib(samples[0] as number),
      peakMiB: mib(Math.max(...samples)),
      endMiB: mib(samples[samples.length - 1] as number),
      firstQuarterPeakMiB: mib(Math.max(...samples.slice(0, quarter))),
      lastQuarterPeakMiB: mib(Math.max(...samples.slice(-quarter))),
      emulatorPeakMiB: mib(emulatorPeak),
      heapAfterGcMiB: heapAfterGc.map(mib),
    },
  };
}

/** SOAK.md for a set of reports. */
export function soakMarkdown(reports: readonly SoakReport[], command: string): string {
  const metrics: [string, (r: SoakReport) => string][] = [
    ['messages', (r) => r.messages.toLocaleString('en-US')],
    ['concurrency', (r) => String(r.concurrency)],
    ['duration', (r) => `${r.seconds} s (${r.perSecond} messages/s)`],
    ['injected throttles', (r) => String(r.injected.throttles)],
    ['injected drops', (r) => String(r.injected.drops)],
    ['injected rules left unused', (r) => String(r.injected.unused)],
    ['delivered (exactly one copy each)', (r) => String(r.delivered)],
    ['not_sent (no copy)', (r) => String(r.notSent)],
    ['unknown (copies in outbox, at most one each)', (r) => `${r.unknown} (${r.unknownDelivered})`],
    ['attempts', (r) => String(r.attempts)],
    ['**duplicates**', (r) => `**${r.duplicates}**`],
    ['**unaccounted**', (r) => `**${r.unaccounted}**`],
    [
      'client RSS MiB: start / peak / end',
      (r) => `${r.rss.startMiB} / ${r.rss.peakMiB} / ${r.rss.endMiB}`,
    ],
    [
      'client RSS MiB: peak in first / last quarter',
      (r) => `${r.rss.firstQuarterPeakMiB} / ${r.rss.lastQuarterPeakMiB}`,
    ],
    [
      'client heap after a full GC, MiB, at 25 / 50 / 75 / 100% of the results',
      (r) =>
        r.rss.heapAfterGcMiB.length > 0
          ? r.rss.heapAfterGcMiB.join(' / ')
          : 'not measured (run with --expose-gc)',
    ],
    ['emulator process RSS MiB: peak', (r) => String(r.rss.emulatorPeakMiB)],
  ];
  const header = ['', ...reports.map((r) => r.provider)];
  const rows = metrics.map(([name, cell]) => [name, ...reports.map(cell)]);
  return `# Soak results

\`${command}\`, ${new Date().toISOString().slice(0, 16)}Z, Node ${process.version}, ${process.platform}.
The emulator runs in its own process (the \`mailbridge-emulator\` bin). Faults are injected
through its admin API before a seeded ~1% (throttling) and ~0.1% (dropped after processing) of
the messages; a rule hits the next send request, so it may land on a retry or a neighbour.
Every message is checked against the emulator outbox: \`delivered\` must have exactly one copy,
\`not_sent\` none, \`unknown\` at most one. The client's RSS is sampled every 250 ms (the
emulator's own outbox grows with the run, so its RSS is shown apart). RSS also holds heap that
V8 grew for the allocation rate and keeps, so what the client retains is read from its heap
after a full collection at each quarter of the results (\`--expose-gc\`): flat means nothing
accumulates per message.

${table(header, rows)}
`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    // pnpm passes a `--` separator through to the script: not an argument.
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      messages: { type: 'string', default: '100000' },
      concurrency: { type: 'string', default: '64' },
      provider: { type: 'string', multiple: true },
      write: { type: 'boolean', default: false },
    },
  });
  const providers = (values.provider ?? TARGETS.map((t) => t.id)) as ProviderId[];
  const reports: SoakReport[] = [];
  for (const provider of providers) {
    const report = await runSoak({
      provider,
      messages: Number(values.messages),
      concurrency: Number(values.concurrency),
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
    reports.push(report);
  }
  const command = `node --expose-gc --import tsx test/reliability/soak.ts --messages ${values.messages} --concurrency ${values.concurrency}`;
  if (values.write) {
    const file = fileURLToPath(new URL('./SOAK.md', import.meta.url));
    writeFileSync(file, soakMarkdown(reports, command));
  }
  const failed = reports.some((r) => r.duplicates > 0 || r.unaccounted > 0);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
