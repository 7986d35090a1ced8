/**
 * A machine-wide lock for the few tests too heavy to run twice at once (the quickstart's fresh
 * install and build): a file created with `wx` in the system temp folder, holding the owner's
 * pid. A lock whose owner is gone (killed runner) is taken over instead of waited for.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the lock `name`, waiting at most `waitMs` for another holder; resolves to its release.
 * Throws when the wait runs out, saying who holds it.
 */
export async function acquireLock(name: string, waitMs: number): Promise<() => Promise<void>> {
  const file = join(tmpdir(), `${name}.lock`);
  const until = Date.now() + waitMs;
  let unreadable = 0;
  for (;;) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return async () => {
        await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(await readFile(file, 'utf8').catch(() => ''));
    // An empty file may be one being written this instant: only twice in a row is it stale.
    const unknown = !Number.isInteger(owner) || owner <= 0;
    unreadable = unknown ? unreadable + 1 : 0;
    if ((unknown && unreadable > 1) || (!unknown && !alive(owner))) {
      await unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() > until) throw new Error(`${file} is still held by pid ${owner}`);
    await sleep(1_000);
  }
}
