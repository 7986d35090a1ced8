/**
 * Child processes of the benchmark: the mock (kept alive by an open stdin pipe) and one-shot
 * measurement processes that print a single JSON line.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The compiled bench directory (`bench/dist`), where every child script lives. */
export const DIST = dirname(fileURLToPath(import.meta.url));

/** The running mock: its port, a connection counter, and a stop. */
export interface Mock {
  readonly port: number;
  connections(): Promise<number>;
  stop(): Promise<void>;
}

/** Start `dist/mock.js` and wait for the port line it prints. */
export async function startMock(): Promise<Mock> {
  const child = spawn(process.execPath, [join(DIST, 'mock.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`mock exited early (${code})`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return {
    port,
    async connections() {
      const res = await fetch(`http://127.0.0.1:${port}/__connections`);
      return ((await res.json()) as { connections: number }).connections;
    },
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.stdin?.end();
    child.kill('SIGTERM');
  });
}

/** Options of one measurement process. */
export interface RunOptions {
  /** Extra node flags (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
  /** Kill the child after this many ms (a wedged client must not hang the run). */
  readonly timeoutMs?: number;
}

/** Run `node <nodeArgs> dist/<script> <args>` and parse the last JSON line it prints. */
export function runJson<T>(
  script: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(options.nodeArgs ?? []), join(DIST, script), ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) return resolve(JSON.parse(last) as T);
      reject(
        new Error(`${script} ${args.join(' ')} failed (${signal ?? code}): ${err.slice(-2000)}`),
      );
    });
  });
}

/**
 * `runJson` with retries: a package being rebuilt by someone else (its dist briefly missing) or
 * a transient socket error must not end a half-hour run. Retries after `delayMs`.
 */
export async function runJsonRetrying<T>(
  script: string,
  args: readonly string[],
  options: RunOptions = {},
  attempts = 3,
  delayMs = 5_000,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runJson<T>(script, args, options);
    } catch (error) {
      if (attempt >= attempts) throw error;
      process.stderr.write(`[bench] retrying after: ${String(error).slice(0, 300)}\n`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** The measured tree: commit and whether packages/ had uncommitted changes. */
export function gitState(cwd: string): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd, encoding: 'utf8' }).stdout.trim();
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', '../packages') !== '';
  return `${commit}${dirty ? ' + uncommitted changes in packages/' : ''}`;
}
