/**
 * The README's Quickstart, run the way a newcomer runs it: the block under `## Quickstart` is
 * read from README.md, the repository is cloned afresh into a temporary folder, and the first
 * command runs there under `bash -c` with standard input closed (no terminal to answer npx's
 * prompt), with a new HOME and an empty npm cache, so nothing this machine already downloaded or
 * built helps it. The registry is reached as a new user reaches it.
 *
 * The second command is `pnpm test`, the one `.ci/run` runs on every push; running it again in
 * here would run this file inside itself, so this file checks that it is that same command.
 *
 * This is the slowest test of the repository (an install and a full build). A lock in the
 * system temp folder keeps two copies of it (two clones, two `pnpm test` runs) from running at
 * once and doubling the load that the time bound has to cover.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../helpers/lock.js';
import { REPO_ROOT } from '../packaging/helpers.js';

/** Install (cold cache), build and demo on 2 busy cores: about 2 minutes; 10 is a hang. */
const FIRST_COMMAND_MS = 10 * 60_000;

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The lines of the first code block under `## Quickstart`. */
function quickstartCommands(): string[] {
  const section = readme.slice(readme.indexOf('\n## Quickstart\n'));
  const block = /```\w*\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').filter((line) => line.trim() !== '');
}

interface Outcome {
  readonly code: number | null;
  readonly signal: string | null;
  readonly output: string;
  readonly ms: number;
}

/** `bash -c command` with stdin closed (`ignore` gives the child /dev/null), killed on timeout. */
function bash(command: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  const started = performance.now();
  return new Promise<Outcome>((resolve) => {
    const child = spawn('bash', ['-c', command], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // The whole process group: npx, pnpm, turbo and their children all go.
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, ms: Math.round(performance.now() - started) });
    });
  });
}

/**
 * A new user's environment: this machine's PATH without any `node_modules/.bin` the test runner
 * added, a HOME and npm cache of their own, and none of the npm/pnpm/turbo variables of the
 * `pnpm test` that runs this file.
 */
function newcomerEnv(home: string): NodeJS.ProcessEnv {
  const path = (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes('node_modules'))
    .join(delimiter);
  const env: NodeJS.ProcessEnv = {
    PATH: path,
    HOME: home,
    npm_config_cache: join(home, '.npm'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    TMPDIR: join(home, 'tmp'),
    LANG: process.env['LANG'] ?? 'C.UTF-8',
  };
  if (process.env['CI'] !== undefined) env['CI'] = process.env['CI'];
  // Where this machine keeps Node's headers for native builds (better-sqlite3, the embedded
  // scheduler's store) is the machine's npm setting, not the user's: a new user has it too.
  const nodedir = machineNodedir();
  if (nodedir) env['npm_config_nodedir'] = nodedir;
  return env;
}

/** The machine's `npm config get nodedir`, read with the real HOME; undefined when unset. */
function machineNodedir(): string | undefined {
  try {
    const value = execFileSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' }).trim();
    return value && value !== 'undefined' && value !== 'null' ? value : undefined;
  } catch {
    return undefined;
  }
}

let work = '';
let release: (() => Promise<void>) | undefined;

beforeAll(async () => {
  release = await acquireLock('mailbridge-quickstart', FIRST_COMMAND_MS + 60_000);
  work = await mkdtemp(join(tmpdir(), 'mailbridge-quickstart-'));
  await mkdir(join(work, 'home', 'tmp'), { recursive: true });
}, FIRST_COMMAND_MS + 120_000);

afterAll(async () => {
  if (work !== '') await rm(work, { recursive: true, force: true });
  await release?.();
}, 120_000);

describe('README ## Quickstart, as written, in a fresh clone with stdin closed', () => {
  it('is two commands: the demo, then the test command that .ci/run runs', () => {
    const [demo, test, ...rest] = quickstartCommands();
    expect(rest).toEqual([]);
    expect(demo).toBe('npx -y pnpm@10 install && npx -y pnpm@10 demo');
    expect(test).toBe('npx -y pnpm@10 install && npx -y pnpm@10 test');
    const ci = readFileSync(join(REPO_ROOT, '.ci', 'run'), 'utf8');
    // Run as such, its output kept to repeat the failures at the end.
    expect(ci).toMatch(/^if ! "\$\{PNPM\[@\]\}" test 2>&1 \| tee "\$log"; then$/m);
  });

  it(
    'the first command installs, builds and runs the demo for both providers',
    async () => {
      const clone = join(work, 'mailbridge');
      const cloned = await bash(
        `git clone --quiet --no-hardlinks "${REPO_ROOT}" "${clone}"`,
        work,
        process.env,
        60_000,
      );
      expect(cloned.code, cloned.output).toBe(0);
      const [first] = quickstartCommands();
      const env = newcomerEnv(join(work, 'home'));
      const result = await bash(first ?? 'false', clone, env, FIRST_COMMAND_MS);
      const tail = result.output.split('\n').slice(-40).join('\n');
      expect(result.signal, `killed after ${result.ms} ms:\n${tail}`).toBeNull();
      expect(result.code, tail).toBe(0);
      expect(result.output).toMatch(/^tencent-ses$/m);
      expect(result.output).toMatch(/^aliyun-dm$/m);
      expect(result.output).toMatch(/all steps behaved as expected in [\d.]+s/);
      // The figure the README quotes ("about N minutes ... then the demo itself takes ...").
      console.info(`quickstart first command: ${(result.ms / 1000).toFixed(1)} s in total`);
    },
    FIRST_COMMAND_MS + 60_000,
  );
});
