/**
 * A closed embedded scheduler: every call after `close()` is a `conflict` MailError (the engine
 * contract), and a `runDue()` already under way when it closes ends quietly rather than reaching
 * into a closed SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobRunner } from '@mailbridge/core';
import { afterEach, expect, it } from 'vitest';
import { createScheduler, sqliteStore } from '../src/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scheduler() {
  const dir = mkdtempSync(join(tmpdir(), 'mb-closed-'));
  dirs.push(dir);
  return createScheduler({ store: sqliteStore(join(dir, 'jobs.db')) });
}

const runner: JobRunner = {
  provider: 'echo',
  run: async () => ({ state: 'sent' }) as never,
  recover: async () => ({ state: 'sent' }) as never,
};

it('a runDue under way when the scheduler closes resolves, without touching the closed store', async () => {
  const s = scheduler();
  s.attach(runner);
  await s.runDue(); // the runner's recovery has run: nothing left under way but the next call
  const running = s.runDue();
  await s.close();
  await expect(running).resolves.toBe(0);
});

it('after close, runDue and attach are conflict errors, as every other call', async () => {
  const s = scheduler();
  await s.close();
  await expect(s.runDue()).rejects.toMatchObject({ code: 'conflict', delivery: 'not_sent' });
  expect(() => s.attach(runner)).toThrow(expect.objectContaining({ code: 'conflict' }));
});
