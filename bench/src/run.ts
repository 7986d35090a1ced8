/**
 * The benchmark runner: `pnpm -F @mailbridge/bench bench [-- --quick]`. Starts the mock in its
 * own process, runs every measurement in a fresh child process, and writes the markdown report
 * (bench/RESULTS.md for a full run, results/quick.md for --quick) plus the raw JSON beside it.
 * The report is rewritten after every repetition, so a run cut short still leaves its figures.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { FOOTPRINTS, IMPORTS } from './candidates.js';
import { SEND_DRIVERS, type SendDriverName, type SendResult } from './drivers/registry.js';
import { type Footprint, footprint } from './footprint.js';
import { type PackedResults, packedSection } from './packed.js';
import { DIST, gitState, type Mock, runJsonRetrying as runJson, startMock } from './proc.js';
import { summariseProfile } from './profile.js';
import { renderReport, renderSummary } from './report.js';
import { writeReport } from './report-file.js';
import type { ImportRow, Meta, RunResults, SendRow } from './results.js';
import type { UploadResult } from './upload-types.js';

const BENCH = join(DIST, '..');
const ALL_SECTIONS = 'packed,micro,send,import,footprint,upload,profile,whatif';

// pnpm 10 forwards a literal `--` (`pnpm -F @mailbridge/bench bench -- --quick`).
const argv = process.argv.slice(2).filter((arg) => arg !== '--');
const { values: args } = parseArgs({
  args: argv,
  options: {
    quick: { type: 'boolean', default: false },
    n: { type: 'string' },
    reps: { type: 'string' },
    c: { type: 'string' },
    drivers: { type: 'string' },
    sections: { type: 'string' },
    uploads: { type: 'string' },
    profile: { type: 'boolean' },
    out: { type: 'string' },
    deadline: { type: 'string' },
    note: { type: 'string' },
    samples: { type: 'string' },
  },
});

const quick = args.quick === true;
// --quick measures what issue 14's targets need in about two minutes: the packed install and
// its cold imports, and the single sends at C=64 (five repetitions: on a shared machine one
// driver's run can land in a slow spell, and the median of five per-repetition ratios holds).
const settings = {
  n: Number(args.n ?? 5_000 * (quick ? 1 : 4)),
  reps: Number(args.reps ?? (quick ? 5 : 3)),
  concurrency: (args.c ?? (quick ? '64' : '1,16,64')).split(',').map(Number),
  drivers: (args.drivers?.split(',') ?? Object.keys(SEND_DRIVERS)) as SendDriverName[],
  sections: new Set((args.sections ?? (quick ? 'packed,micro,send' : ALL_SECTIONS)).split(',')),
  uploads: (args.uploads ?? '10000,100000,1000000').split(',').map(Number),
  importSamples: 9,
  packedSamples: Number(args.samples ?? (quick ? 21 : 41)),
  profile: args.profile ?? !quick,
};
// Steady state, not start-up: V8 optimises a client's send path over its first few thousand
// sends, and with the old 250-send warm-up the 5,000 measured sends still paid for it (in paired
// runs, mailbridge and raw undici about twice their steady CPU per send, the Tencent SDK 1.4-2.4x).
// Every driver gets the same warm-up.
const warmup = Math.min(5_000, settings.n);
const outFile =
  args.out ?? (quick ? join(BENCH, 'results', 'quick.md') : join(BENCH, 'RESULTS.md'));
const custom = args.n !== undefined || args.reps !== undefined || args.c !== undefined;

const results = {
  sends: [] as SendRow[],
  imports: [] as ImportRow[],
  footprints: [] as Footprint[],
  uploads: [] as UploadResult[],
  profiles: [] as RunResults['profiles'][number][],
  whatIf: [] as SendRow[],
  micro: [] as RunResults['micro'][number][],
  packed: undefined as PackedResults | undefined,
};
const startedAt = new Date().toISOString();
/** `--deadline 10:02` (UTC today) or an ISO time: no repetition starts that would end after it. */
const deadline = parseDeadline(args.deadline);
let repsCompleted = 0;
/** `--note` says why a run differs from the plan (e.g. N reduced to fit the time limit). */
let note = args.note ?? '';

function parseDeadline(value: string | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  const time = /^\d{1,2}:\d{2}$/.test(value)
    ? Date.parse(`${new Date().toISOString().slice(0, 10)}T${value.padStart(5, '0')}:00Z`)
    : Date.parse(value);
  if (Number.isNaN(time))
    throw new Error(`--deadline: expected HH:MM (UTC) or an ISO time, got ${value}`);
  return time;
}
const loadStart = loadavg();
const tree = gitState(BENCH);

function meta(): Meta {
  return {
    mode: custom ? 'custom' : quick ? 'quick' : 'full',
    startedAt,
    finishedAt: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 2 ** 30,
    node: process.version,
    os: `${type()} ${release()}`,
    tree,
    loadStart,
    loadEnd: loadavg(),
    command: `pnpm -F @mailbridge/bench bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    n: settings.n,
    reps: settings.reps,
    repsCompleted,
    note,
    concurrency: settings.concurrency,
    warmup,
  };
}

function save(final: boolean): void {
  const all: RunResults = { meta: meta(), ...results };
  mkdirSync(join(BENCH, 'results'), { recursive: true });
  // The raw JSON always goes to results/ (not committed), named after the report.
  const json = join(BENCH, 'results', basename(outFile).replace(/\.md$/, '.json'));
  writeFileSync(json, `${JSON.stringify(all, null, 2)}\n`);
  writeReport(outFile, renderReport(all, final));
}

const log = (line: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function sendSection(mock: Mock): Promise<void> {
  let lastRepMs = 0;
  for (let rep = 1; rep <= settings.reps; rep++) {
    const repStart = Date.now();
    if (repStart + lastRepMs > deadline) {
      note = `${note ? `${note}; ` : ''}stopped after ${repsCompleted} of ${settings.reps} repetitions: another would end after the --deadline`;
      log(note);
      return;
    }
    for (const c of settings.concurrency) {
      for (const driver of settings.drivers) {
        const before = await mock.connections();
        const row = await runJson<SendResult>('send.js', [
          driver,
          String(mock.port),
          String(settings.n),
          String(c),
          String(warmup),
        ]);
        const connections = (await mock.connections()) - before;
        results.sends.push({ ...row, rep, connections });
        log(
          `rep ${rep} C=${c} ${driver}: ${row.sendsPerSec.toFixed(0)}/s, ${row.cpuUsPerSend.toFixed(0)} µs CPU/send`,
        );
      }
    }
    repsCompleted = rep;
    lastRepMs = Date.now() - repStart;
    save(false);
  }
}

async function importSection(): Promise<void> {
  const rows = IMPORTS.map((i) => ({ ...i, samplesMs: [] as number[], rss: [] as number[] }));
  // Round-robin, so load drift during the section hits every candidate alike.
  for (let s = 0; s < settings.importSamples; s++) {
    for (const row of rows) {
      const { ms, rssMb } = await runJson<{ ms: number; rssMb: number }>(
        'import-probe.js',
        row.specifiers,
      );
      row.samplesMs.push(ms);
      row.rss.push(rssMb);
    }
  }
  for (const row of rows) {
    results.imports.push({
      label: row.label,
      specifiers: row.specifiers,
      samplesMs: row.samplesMs,
      rssMb: Math.max(...row.rss),
    });
  }
  log('cold imports done');
}

function footprintSection(): void {
  for (const [label, roots] of FOOTPRINTS) results.footprints.push(footprint(label, roots, BENCH));
  log('footprints done');
}

/** Each size with default GC, then the two largest with a collection every 20,000 rows. */
async function uploadSection(mock: Mock): Promise<void> {
  const largest = settings.uploads.slice(-2);
  for (const provider of ['tencent-ses', 'aliyun-dm']) {
    const runs = [
      ...settings.uploads.map((count) => ({ count, gc: false })),
      ...largest.map((count) => ({ count, gc: true })),
    ];
    for (const { count, gc } of runs) {
      const row = await runJson<UploadResult>(
        'upload.js',
        [provider, String(mock.port), String(count), ...(gc ? ['gc'] : [])],
        gc ? { nodeArgs: ['--expose-gc'] } : {},
      );
      results.uploads.push(row);
      log(
        `upload ${provider} ${count}${gc ? ' (gc)' : ''}: peak RSS ${row.peakRssMb.toFixed(1)} MB in ${row.seconds.toFixed(1)} s`,
      );
    }
  }
}

function freshDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** CPU profiles of the mailbridge paths and their baselines at the highest concurrency. */
async function profileSection(mock: Mock): Promise<void> {
  const c = String(Math.max(...settings.concurrency));
  const n = String(Math.min(settings.n, 5_000));
  const drivers: SendDriverName[] = [
    'raw-undici+tc3',
    'mailbridge tencent-ses',
    'mailbridge aliyun-dm',
  ];
  for (const driver of drivers) {
    const dir = freshDir(join(BENCH, 'results', 'profiles', driver.replace(/[^a-z0-9+]+/gi, '-')));
    await runJson('send.js', [driver, String(mock.port), n, c, String(warmup)], {
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    results.profiles.push({
      label: `send: ${driver}, N=${n}, C=${c}`,
      summary: summariseProfile(dir),
    });
  }
  const dir = freshDir(join(BENCH, 'results', 'profiles', 'import-core-tencent'));
  await runJson('import-probe.js', ['@mailbridge/core', '@mailbridge/tencent-ses'], {
    nodeArgs: ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${dir}`],
  });
  results.profiles.push({
    label: 'cold import: core + tencent-ses',
    summary: summariseProfile(dir),
  });
  log('profiles done');
}

/** The proposed fixes measured through public APIs, next to their baselines. */
async function whatIfSection(mock: Mock): Promise<void> {
  const c = Math.max(...settings.concurrency);
  const n = Math.min(settings.n, 5_000);
  const drivers: SendDriverName[] = [
    'raw-undici+tc3',
    'mailbridge tencent-ses',
    'tencent-ses typed client, default signer',
    'tencent-ses typed client, sha256-js signer',
  ];
  // Three interleaved repetitions: one run each is too noisy on a shared machine.
  for (let rep = 1; rep <= 3; rep++) {
    for (const driver of drivers) {
      const args = [driver, String(mock.port), String(n), String(c), String(warmup)];
      const row = await runJson<SendResult>('send.js', args);
      results.whatIf.push({ ...row, rep, connections: 0 });
    }
  }
  log('what-if done');
}

/** The pieces of the send path, and a whole send with no socket, one fresh process. */
async function microSection(): Promise<void> {
  const micro = await runJson<{ rows: RunResults['micro'] }>('micro.js', []);
  results.micro.push(...micro.rows);
  log('micro done');
}

async function main(): Promise<void> {
  log(
    `mode ${meta().mode}: N=${settings.n}, reps=${settings.reps}, C=${settings.concurrency.join('/')}`,
  );
  const mock = await startMock();
  try {
    // The short sections first; the sends, the longest, then fill the time left to --deadline.
    if (settings.sections.has('packed')) results.packed = packedSection(settings.packedSamples);
    if (settings.sections.has('footprint')) footprintSection();
    if (settings.sections.has('import')) await importSection();
    save(false);
    if (settings.sections.has('upload')) await uploadSection(mock);
    if (settings.sections.has('profile') && settings.profile) await profileSection(mock);
    if (settings.sections.has('whatif')) await whatIfSection(mock);
    if (settings.sections.has('micro')) await microSection();
    save(false);
    if (settings.sections.has('send')) await sendSection(mock);
  } finally {
    await mock.stop();
  }
  save(true);
  log(`wrote ${outFile}`);
  process.stdout.write(renderSummary({ meta: meta(), ...results }));
}

await main();
