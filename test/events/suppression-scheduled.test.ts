/**
 * Suppression holds for scheduled sends too: `send(message, { at })` with a suppression store
 * refuses an address already suppressed when it is scheduled, and a job whose recipient was
 * suppressed after scheduling (a hard bounce in between) ends `failed`, `invalid_recipient`,
 * `not_sent`, with nothing sent when it fires.
 */
import { createMailer, memorySuppression } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, memoryStore } from '@mailbridge/scheduler';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { sesMessage, uniqueTo, until } from '../scheduler/conformance.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

function setup() {
  const store = memorySuppression();
  const scheduler = createScheduler({ store: memoryStore(), pollMs: 50 });
  const key = emu.credentials.tencent[0] as { id: string; secret: string };
  const mailer = createMailer(
    tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: key }),
    { scheduler, suppression: store },
  );
  const close = async () => {
    await mailer.close();
    await scheduler.close();
  };
  return { store, scheduler, mailer, close };
}

describe('suppression and scheduled sends', () => {
  it('a suppressed recipient is refused when the send is scheduled, nothing stored', async () => {
    const { store, scheduler, mailer, close } = setup();
    try {
      const to = uniqueTo('sched-suppressed');
      store.add(to, 'hard_bounce');
      const error = await failure(
        mailer.send(sesMessage(to), { at: new Date(Date.now() + 3_600_000) }),
      );
      expect(error.code).toBe('invalid_recipient');
      expect(error.delivery).toBe('not_sent');
      expect(error.issues[0]?.path).toEqual(['to', 0]);
      const jobs = [];
      for await (const job of scheduler.list()) jobs.push(job);
      expect(jobs).toHaveLength(0);
    } finally {
      await close();
    }
  });

  it('a recipient suppressed after scheduling is not mailed when the job fires', async () => {
    const { store, mailer, close } = setup();
    try {
      const to = uniqueTo('later-suppressed');
      const scheduled = await mailer.send(sesMessage(to), { at: new Date(Date.now() + 400) });
      store.add(to, 'complaint');
      const entry = await until(async () => {
        const e = await mailer.schedules.get(scheduled.id);
        return e && e.state !== 'pending' && e.state !== 'sending' ? e : undefined;
      });
      expect(emu.outbox.filter((m) => m.to === to)).toHaveLength(0);
      expect(entry.state).toBe('failed');
      expect(entry.error?.code).toBe('invalid_recipient');
      expect(entry.error?.delivery).toBe('not_sent');
    } finally {
      await close();
    }
  });
});
