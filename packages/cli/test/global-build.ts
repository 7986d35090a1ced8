/**
 * Build the package before the tests when `dist` is missing or older than the sources, so the
 * bin test always runs the current `dist/bin.js`. A fresh dist (turbo built it just before)
 * is left alone, so tests of other packages importing it are not raced. Concurrent test runs
 * of this package take turns through a lock directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lock = join(root, 'node_modules', '.mailbridge-build-lock');
const LOCK_STALE_MS = 120_000;

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function isStale(): boolean {
  const outputs = ['dist/cli.js', 'dist/index.js'].map((f) => join(root, f));
  const sources = Math.max(
    newest(join(root, 'src')),
    statSync(join(root, 'tsup.config.ts')).mtimeMs,
  );
  return outputs.some((f) => !existsSync(f) || statSync(f).mtimeMs < sources);
}

async function acquire(): Promise<void> {
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

export default async function setup(): Promise<void> {
  if (!isStale()) return;
  await acquire();
  try {
    if (isStale()) {
      try {
        execFileSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
      } catch (error) {
        const out = (error as { stdout?: Buffer; stderr?: Buffer }).stdout?.toString() ?? '';
        throw new Error(`building @mailbridge/cli for its bin tests failed:\n${out.slice(-3000)}`);
      }
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
