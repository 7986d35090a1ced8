/**
 * A closed embedded scheduler (memory or SQLite store) refuses new work with a `MailError`:
 * during a shutdown, a request handler still running `mailer.send(message, { at })` must hear
 * that nothing was stored. The memory store took the job and resolved with an id that no worker
 * would ever fire; the SQLite store threw a bare TypeError ("The database connection is not open").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, memoryStore, sqliteStore } from '@mailbridge/scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmMessage, emulatorMailers, uniqueTo } from './conformance.js';

let emu: Emulator;
let dir: string;
beforeAll(async () => {
  emu = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'mailbridge-closed-'));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['memory', () => memoryStore()],
  ['sqlite', () => sqliteStore(join(dir, `jobs-${Date.now()}.sqlite`))],
])('a closed %s scheduler', (_name, store) => {
  it('refuses a scheduled send, a cancel and a get with a MailError; nothing is stored', async () => {
    const scheduler = createScheduler({ store: store(), pollMs: 50 });
    const { dm, ses } = emulatorMailers(emu, scheduler);
    try {
      const kept = await dm.send(dmMessage(uniqueTo('closed-a')), {
        at: new Date(Date.now() + 3_600_000),
      });
      await scheduler.close();
      const refused = await dm
        .send(dmMessage(uniqueTo('closed-b')), { at: new Date(Date.now() + 3_600_000) })
        .then(
          (result) => result,
          (error: unknown) => error,
        );
      expect(isMailError(refused), String(refused)).toBe(true);
      expect(refused).toMatchObject({ delivery: 'not_sent' });
      expect(String((refused as Error).message)).toContain('closed');
      for (const call of [() => dm.schedules.cancel(kept.id), () => dm.schedules.get(kept.id)]) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isMailError(error), String(error)).toBe(true);
      }
    } finally {
      await dm.close();
      await ses.close();
      await scheduler.close();
    }
  });
});
