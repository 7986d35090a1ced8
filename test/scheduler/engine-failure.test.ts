/**
 * An engine that fails (an SQLite file that is locked or full, a custom store that throws) is a
 * `MailError` through the mailer, as every failure is: `send(message, { at })` says the job may
 * or may not be stored (`unknown`, the engine's error as `cause`); `schedules.get/list/cancel`
 * reject with a `MailError` too. They rejected with the store's bare Error.
 */
import { isMailError, type MailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, type JobStore, memoryStore } from '@mailbridge/scheduler';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dmMessage, emulatorMailers, uniqueTo } from './conformance.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

const rejection = (p: Promise<unknown> | AsyncIterable<unknown>) =>
  (Symbol.asyncIterator in p
    ? (async () => {
        for await (const _ of p as AsyncIterable<unknown>) void _;
      })()
    : (p as Promise<unknown>)
  ).then(
    () => undefined,
    (e: unknown) => e,
  );

it('a store that throws: the mailer rejects with a MailError naming the scheduler, the cause kept', async () => {
  const inner = memoryStore();
  const locked = new Error('SQLITE_BUSY: database is locked');
  const fail = () => {
    throw locked;
  };
  const store: JobStore = { ...inner, name: inner.name, insert: fail, get: fail, list: fail };
  const scheduler = createScheduler({ store, pollMs: 50 });
  const { dm, ses } = emulatorMailers(emu, scheduler);
  try {
    const sent = (await rejection(
      dm.send(dmMessage(uniqueTo('locked')), { at: new Date(Date.now() + 3_600_000) }),
    )) as MailError;
    expect(isMailError(sent), String(sent)).toBe(true);
    expect(sent.delivery).toBe('unknown');
    expect(sent.cause).toBe(locked);
    expect(sent.message).toContain('scheduler');
    for (const call of [
      () => dm.schedules.get('some-id'),
      () => dm.schedules.cancel('some-id'),
      () => dm.schedules.list(),
    ]) {
      const error = (await rejection(call())) as MailError;
      expect(isMailError(error), String(error)).toBe(true);
      expect(error.cause).toBe(locked);
    }
  } finally {
    await dm.close();
    await ses.close();
    await scheduler.close();
  }
});
