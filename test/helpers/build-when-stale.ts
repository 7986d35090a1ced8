/**
 * A vitest global setup for packages whose tests run their own built files (the emulator's and
 * the CLI's bins): build the package when `dist` is missing or older than the sources, so the
 * tests always run the current build. A fresh dist (turbo built it just before) is left alone,
 * so tests of other packages importing it are not raced. Concurrent test runs of one package
 * take turns through a lock directory in its node_modules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCK_STALE_MS = 120_000;

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function isStale(root: string, files: readonly string[]): boolean {
  const outputs = files.map((f) => join(root, f));
  const sources = Math.max(
    newest(join(root, 'src')),
    statSync(join(root, 'tsup.config.ts')).mtimeMs,
  );
  return outputs.some((f) => !existsSync(f) || statSync(f).mtimeMs < sources);
}

async function acquire(root: string, lock: string): Promise<void> {
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new Error(`could not take ${lock} within ${LOCK_STALE_MS} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * Build the package at `packageUrl` (its folder, e.g. `new URL('..', import.meta.url)` from its
 * test folder) with `pnpm run build` unless every file of `outputs` is newer than its sources.
 * `purpose` names the package and why it is built, for the error when the build fails.
 */
export async function buildWhenStale(
  packageUrl: URL,
  outputs: readonly string[],
  purpose: string,
): Promise<void> {
  const root = fileURLToPath(packageUrl);
  const lock = join(root, 'node_modules', '.mailbridge-build-lock');
  if (!isStale(root, outputs)) return;
  await acquire(root, lock);
  try {
    if (isStale(root, outputs)) {
      try {
        execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
      } catch (error) {
        const out = (error as { stdout?: Buffer; stderr?: Buffer }).stdout?.toString() ?? '';
        throw new Error(`building ${purpose} failed:\n${out.slice(-3000)}`);
      }
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
