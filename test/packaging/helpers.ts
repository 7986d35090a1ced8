/**
 * Shared plumbing of the packaging tests: find the publishable workspace packages, `pnpm pack`
 * them, install the tarballs into a throwaway npm project, and run bounded child processes.
 * Everything a user gets from the registry is what these helpers exercise: the tarball, not
 * the workspace folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so the tests run from any clone location. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A `package.json` as far as these tests read it. */
export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly type?: string;
  readonly sideEffects?: unknown;
  readonly engines?: Readonly<Record<string, string>>;
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly typesVersions?: unknown;
  readonly files?: readonly string[];
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/** A workspace package that is published (not `private`). */
export interface Publishable {
  readonly dir: string;
  readonly manifest: Manifest;
}

/** Every non-private package under `packages/`, sorted by name, so a new one is covered. */
export function publishablePackages(): Publishable[] {
  const root = join(REPO_ROOT, 'packages');
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'package.json')))
    .map((entry) => {
      const dir = join(root, entry.name);
      return { dir, manifest: readManifest(join(dir, 'package.json')) };
    })
    .filter((pkg) => pkg.manifest.private !== true)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** Read and minimally check a `package.json`. */
export function readManifest(file: string): Manifest {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof value !== 'object' || value === null || !('name' in value) || !('version' in value)) {
    throw new Error(`${file}: not a package manifest`);
  }
  return value as Manifest;
}

/** The public entry points of a package (`.`, `./testing`, …), from its `exports` map. */
export function entryPoints(manifest: Manifest): string[] {
  const { exports } = manifest;
  if (typeof exports !== 'object' || exports === null) return ['.'];
  return Object.keys(exports).filter((key) => key !== './package.json');
}

/** The import specifier of an entry point: `@mailbridge/core` or `@mailbridge/core/testing`. */
export function specifier(manifest: Manifest, entry: string): string {
  return entry === '.' ? manifest.name : `${manifest.name}/${entry.slice(2)}`;
}

/** The outcome of a child process; `run` never rejects, so the caller decides what fails. */
export interface RunResult {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Options of `run`. */
export interface RunOptions {
  readonly cwd: string;
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** Run a program without a shell, killed after `timeoutMs`, output capped at 16 MB. */
export function run(
  file: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(
      file,
      [...args],
      {
        cwd: options.cwd,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        env: options.env ?? process.env,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        done({
          code,
          signal: error?.signal ?? null,
          stdout,
          stderr,
          ms: Math.round(performance.now() - started),
        });
      },
    );
  });
}

/** A one-line account of a failed run, for assertion messages. */
export function describeRun(label: string, result: RunResult): string {
  const tail = (text: string) => text.trim().split('\n').slice(-30).join('\n');
  return `${label}: exit ${result.code} signal ${result.signal} after ${result.ms} ms\n${tail(result.stdout)}\n${tail(result.stderr)}`;
}

/** Throw with the output when a run did not exit 0. */
export function assertOk(label: string, result: RunResult): RunResult {
  if (result.code !== 0) throw new Error(describeRun(label, result));
  return result;
}

/**
 * The environment for child `pnpm`/`npm`: quiet, no update checks, no audit, and without the
 * `npm_lifecycle_*`/`npm_package_*` variables of the script that runs the tests (they describe
 * @mailbridge/test, not the consumer). The npm cache stays the user's, shared across runs.
 */
export function toolEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_(lifecycle|package)_/i.test(key)),
  );
  return {
    ...env,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_loglevel: 'error',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

/**
 * How to start pnpm: the one running this test when there is one (CI may run pnpm through
 * `npx pnpm@10`, with no `pnpm` on PATH), else `pnpm` from PATH.
 */
export function pnpmCommand(): { readonly file: string; readonly args: readonly string[] } {
  const execPath = process.env['npm_execpath'];
  if (execPath === undefined || !/pnpm/i.test(basename(execPath)))
    return { file: 'pnpm', args: [] };
  return /\.[cm]?js$/.test(execPath)
    ? { file: process.execPath, args: [execPath] }
    : { file: execPath, args: [] };
}

/** Every file a manifest points at: main, module, types, bin, exports and typesVersions. */
export function referencedFiles(manifest: Manifest): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.add(value.replace(/^\.\//, ''));
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk([
    manifest.main,
    manifest.module,
    manifest.types,
    manifest.bin,
    manifest.exports,
    manifest.typesVersions,
  ]);
  return [...found].sort();
}

/**
 * Wait until every file the manifest points at exists and dist/ has been quiet for a moment.
 * `pnpm test` builds before it tests; this only rides out a rebuild still writing (tsup cleans
 * dist/ first and writes declarations last), so a tarball is never packed half-built.
 */
async function awaitBuild(pkg: Publishable, timeoutMs: number): Promise<void> {
  const wanted = referencedFiles(pkg.manifest);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = wanted.filter((file) => !existsSync(join(pkg.dir, file)));
    if (missing.length === 0 && Date.now() - newestChange(join(pkg.dir, 'dist')) > 1_500) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${pkg.manifest.name}: ${missing.join(', ') || 'dist/ keeps changing'}; run pnpm build`,
      );
    }
    await new Promise((done) => setTimeout(done, 500));
  }
}

/** The latest modification time under a directory; "now" while it is missing or in flux. */
function newestChange(dir: string): number {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true }).reduce(
      (latest, entry) => Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs),
      statSync(dir).mtimeMs,
    );
  } catch {
    return Date.now(); // dist/ or a file in it vanished while we looked: a build is running
  }
}

/** `pnpm pack` one package into `dest`; returns the tarball path. */
export async function pack(pkg: Publishable, dest: string): Promise<string> {
  await awaitBuild(pkg, 60_000);
  const pnpm = pnpmCommand();
  const result = assertOk(
    `pnpm pack ${pkg.manifest.name}`,
    await run(pnpm.file, [...pnpm.args, 'pack', '--pack-destination', dest], {
      cwd: pkg.dir,
      timeoutMs: 60_000,
      env: toolEnv(),
    }),
  );
  const tarball = result.stdout
    .trim()
    .split('\n')
    .map((line) => line.trim())
    .reverse()
    .find((line) => line.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`pnpm pack printed no tarball:\n${result.stdout}`);
  return resolve(dest, tarball);
}

/**
 * Install every tarball (and any other package spec given) with ONE `npm install` into a fresh
 * consumer project, so the adapters' `@mailbridge/core` range resolves to the packed core
 * rather than the registry.
 */
export async function installConsumer(dir: string, tarballs: readonly string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'mailbridge-consumer', version: '0.0.0', private: true }, null, 2)}\n`,
  );
  assertOk(
    'npm install',
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
      cwd: dir,
      timeoutMs: 120_000,
      env: toolEnv(),
    }),
  );
}
