/**
 * The embedded engine polls its store from a timer. A store that fails once (a custom
 * `JobStore` on a database that hiccups, SQLite busy) must not become an unhandled rejection,
 * which ends the process, and the engine must keep firing jobs afterwards.
 */
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, type JobStore, memoryStore } from '@mailbridge/scheduler';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dmMessage, emulatorMailers, uniqueTo, until } from './conformance.js';

let emu: Emulator;
const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);
beforeAll(async () => {
  emu = await startEmulator();
  process.on('unhandledRejection', record);
});
afterAll(async () => {
  process.off('unhandledRejection', record);
  await emu.close();
});

it('a store that throws once while polling: no unhandled rejection, jobs still fire', async () => {
  const inner = memoryStore();
  let failures = 0;
  const store: JobStore = {
    ...inner,
    name: inner.name,
    due(providers, now, limit) {
      const found = inner.due(providers, now, limit);
      if (found.length > 0 && failures === 0) {
        failures += 1;
        throw new Error('database is locked');
      }
      return found;
    },
  };
  const scheduler = createScheduler({ store, pollMs: 50 });
  const { dm, ses } = emulatorMailers(emu, scheduler);
  const to = uniqueTo('store-hiccup');
  const scheduled = await dm.send(dmMessage(to), { at: new Date(Date.now() + 100) });
  await until(async () => (await scheduler.get(scheduled.id))?.state === 'sent', 5_000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(failures).toBe(1);
  expect(unhandled).toEqual([]);
  await dm.close();
  await ses.close();
  await scheduler.close();
});
