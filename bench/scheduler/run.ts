/**
 * The scheduler bench, both engines in one command: jobs fired per second and due-to-sent
 * lateness (p50, p99) for the embedded engine (embedded.ts) and for BullMQ with one and three
 * worker processes (bullmq.ts), each in its own process, then written as the scheduler section
 * of bench/RESULTS.md (between its markers; the rest of the file is left as it is).
 *
 *   pnpm build && bash .ci/services/redis.sh -- node --import tsx bench/scheduler/run.ts
 *   (or with MAILBRIDGE_REDIS_URL set to a Redis you own)
 *
 * Options are passed on: `--n` to embedded.ts, `--burst --steady --seconds --workers` to bullmq.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gitState } from '../src/proc.js';
import {
  SCHEDULER_END as END,
  SCHEDULER_START as START,
  withSchedulerSection,
} from '../src/scheduler-section.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '300' },
    burst: { type: 'string', default: '2000' },
    steady: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1,3' },
  },
});
if (!process.env['MAILBRIDGE_REDIS_URL']) {
  throw new Error('set MAILBRIDGE_REDIS_URL, or run through bash .ci/services/redis.sh -- …');
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const loadAtStart = loadavg()[0] as number;
const results = join(root, 'bench', 'RESULTS.md');

/** Run one engine's bench in a fresh process; its markdown. */
function part(script: string, args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'mailbridge-scheduler-bench-'));
  const out = join(dir, 'part.md');
  try {
    execFileSync(process.execPath, ['--import', 'tsx', script, ...args, '--out', out], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return readFileSync(out, 'utf8').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const embedded = part('bench/scheduler/embedded.ts', ['--n', values.n]);
const bullmq = part('bench/scheduler/bullmq.ts', [
  ...['--burst', values.burst, '--steady', values.steady],
  ...['--seconds', values.seconds, '--workers', values.workers],
]);
const section = [
  START,
  '## Scheduling engines: jobs fired per second and due-to-sent lateness',
  '',
  `One command: \`${['bash .ci/services/redis.sh -- node --import tsx bench/scheduler/run.ts', ...process.argv.slice(2)].join(' ')}\` ` +
    `(after \`pnpm build\`), run ${new Date().toISOString()} on tree ${gitState(join(root, 'bench'))}, ` +
    `load average ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] as number).toFixed(1)} ` +
    'at the end (2 cores shared with whatever else runs: absolute figures move with the load, so ' +
    'compare rows within one run).',
  '',
  embedded.replace(/^#+ /m, '### '),
  '',
  bullmq,
  END,
].join('\n');

writeFileSync(results, withSchedulerSection(readFileSync(results, 'utf8'), section));
console.log(`wrote the scheduler section of ${results}`);
