/**
 * A scheduled send (`send(message, { at, signal })`, `sendBatch({ schedule }, { signal })`)
 * honours the call's signal like any other call: an aborted signal schedules nothing, and an
 * engine that does not answer (BullMQ while Redis is unreachable) cannot hold the call past the
 * abort.
 */
import type { Mailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, type EmbeddedScheduler, memoryStore } from '@mailbridge/scheduler';
import { type BullmqScheduler, bullmqScheduler } from '@mailbridge/scheduler-bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { closedPort } from '../helpers/ports.js';
import { dmMessage, emulatorMailers, sesMessage, uniqueTo } from './conformance.js';

const HOUR = 3_600_000;
let emu: Emulator;
const open: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});
afterAll(() => emu.close());

const aborted = () => {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
};

describe('scheduled sends and the call signal', () => {
  it('an already aborted signal: aborted, not_sent, and no job is stored', async () => {
    const scheduler: EmbeddedScheduler = createScheduler({ store: memoryStore(), pollMs: 50 });
    const { dm, ses } = emulatorMailers(emu, scheduler);
    open.push(dm, ses, scheduler);
    const at = new Date(Date.now() + HOUR);
    for (const [mailer, message] of [
      [dm, dmMessage(uniqueTo('abort'))],
      [ses, sesMessage(uniqueTo('abort'))],
    ] as const) {
      const error = await failure((mailer as Mailer).send(message, { at, signal: aborted() }));
      expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
    }
    const jobs: unknown[] = [];
    for await (const job of scheduler.list()) jobs.push(job);
    expect(jobs).toEqual([]);
  });

  it('an engine that does not answer: the abort ends the call', async () => {
    const scheduler: BullmqScheduler = bullmqScheduler({
      connection: `redis://127.0.0.1:${await closedPort()}`,
      worker: false,
    });
    const { dm } = emulatorMailers(emu, scheduler);
    open.push(dm);
    const started = performance.now();
    const outcome = await Promise.race([
      dm
        .send(dmMessage(uniqueTo('silent')), {
          at: new Date(Date.now() + HOUR),
          signal: AbortSignal.timeout(200),
        })
        .then(
          () => 'resolved',
          (error: unknown) => error,
        ),
      new Promise((resolve) => setTimeout(() => resolve('hung'), 3_000)),
    ]);
    expect(outcome).toMatchObject({ code: 'aborted' });
    expect(performance.now() - started).toBeLessThan(3_000);
    // The engine's own close would wait for Redis too: not awaited here.
    void scheduler.close().catch(() => {});
  });

  it('schedules.get, cancel and list on an engine that does not answer: the abort ends them', async () => {
    const scheduler: BullmqScheduler = bullmqScheduler({
      connection: `redis://127.0.0.1:${await closedPort()}`,
      worker: false,
    });
    const { dm } = emulatorMailers(emu, scheduler);
    open.push(dm);
    const settle = (call: Promise<unknown>) =>
      Promise.race([
        call.then(
          () => 'resolved',
          (error: unknown) => error,
        ),
        new Promise((resolve) => setTimeout(() => resolve('hung'), 3_000)),
      ]);
    const signal = () => AbortSignal.timeout(200);
    expect(await settle(dm.schedules.get('job-1', { signal: signal() }))).toMatchObject({
      code: 'aborted',
    });
    expect(await settle(dm.schedules.cancel('job-1', { signal: signal() }))).toMatchObject({
      code: 'aborted',
    });
    const listing = (async () => {
      for await (const _ of dm.schedules.list({ signal: signal() })) {
        // drain
      }
    })();
    expect(await settle(listing)).toMatchObject({ code: 'aborted' });
    void scheduler.close().catch(() => {});
  });
});
