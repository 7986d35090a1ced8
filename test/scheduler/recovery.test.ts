/**
 * Recovery of a job a worker left in `sending` (it died between claim and record), made
 * deterministic: the claim is written with the engine's own `claimJob` (as a worker does before
 * its first attempt), then a fresh scheduler attaches a mailer and recovers it.
 * - DirectMail, first copy never sent: the pinned request goes out once; the job is `sent`.
 * - DirectMail, first copy arrived: the replay is refused (SignatureNonceUsed); `unknown`, 1 copy.
 * - DirectMail, pin older than the 15-minute window: refused for its age; `unknown`.
 * - Tencent SES (no idempotency key): `unknown`, reported through `onUnknown`, nothing sent.
 */
import { randomUUID } from 'node:crypto';
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type Job, type JobRun } from '@mailbridge/core';
import { normalizeMessage } from '@mailbridge/core/provider';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { claimJob, createScheduler, type JobStore, memoryStore } from '@mailbridge/scheduler';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  capturingScheduler,
  dmMessage,
  emulatorMailers,
  sesMessage,
  uniqueTo,
  until,
} from './conformance.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

const copies = (to: string) => emu.outbox.filter((m) => m.to === to).length;
/** The AccessKey ID a worker binds a DirectMail pin to (the key the mailers sign with). */
const dmKey = () => (emu.credentials.aliyun[0] as { id: string }).id;

/** Store a due job and claim it as a worker would, leaving it in `sending` with `pin`. */
async function leftSending(
  store: JobStore,
  provider: string,
  message: object,
  pin?: { nonce: string; timestamp: number; keyId?: string },
) {
  const setup = createScheduler({ store });
  const job = await setup.schedule({
    provider,
    payload: { kind: 'send', message: normalizeMessage(message) },
    rule: { at: new Date(Date.now() - 10) },
  });
  const claimed = claimJob(job, Date.now(), pin);
  expect(store.replace(claimed, 'pending')).toBe(true);
  return claimed;
}

/** Attach mailers to a new scheduler on the store and wait until the job is final. */
async function recover(store: JobStore, id: string) {
  const unknown: [Job, JobRun][] = [];
  const scheduler = createScheduler({
    store,
    pollMs: 50,
    hooks: { onUnknown: (job, run) => void unknown.push([job, run]) },
  });
  const { dm, ses } = emulatorMailers(emu, scheduler);
  try {
    const job = await until(
      () => {
        const j = store.get(id);
        return j && j.state !== 'sending' ? j : undefined;
      },
      15_000,
      'recovery',
    );
    return { job, unknown };
  } finally {
    await dm.close();
    await ses.close();
    await scheduler.close();
  }
}

it('DirectMail: a claimed job whose request never left is sent once by recovery', async () => {
  const store = memoryStore();
  const to = uniqueTo('rec-dm-new');
  const claimed = await leftSending(store, 'aliyun-dm', dmMessage(to), {
    keyId: dmKey(),
    nonce: randomUUID(),
    timestamp: Date.now(),
  });
  const { job } = await recover(store, claimed.id);
  expect(job.state).toBe('sent');
  expect(job.runs[0]).toMatchObject({ state: 'sent', recovered: true });
  expect(copies(to)).toBe(1);
});

it('DirectMail: when the first copy arrived, the replay is refused and the job is unknown, one copy', async () => {
  const store = memoryStore();
  const to = uniqueTo('rec-dm-sent');
  const claimed = await leftSending(store, 'aliyun-dm', dmMessage(to), {
    keyId: dmKey(),
    nonce: randomUUID(),
    timestamp: Date.now(),
  });
  // The dead worker's send: the mailer's own runner, with the stored pin, before the "crash".
  const capture = capturingScheduler();
  const first = createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: emu.credentials.aliyun[0] as { id: string; secret: string },
    }),
    { scheduler: capture.scheduler },
  );
  expect((await capture.runner().run(claimed)).state).toBe('sent');
  await first.close();
  expect(copies(to)).toBe(1);

  const { job, unknown } = await recover(store, claimed.id);
  expect(job.state).toBe('unknown');
  expect(job.error).toMatchObject({ delivery: 'unknown', providerCode: 'SignatureNonceUsed' });
  expect(unknown.map(([j]) => j.id)).toEqual([claimed.id]);
  expect(copies(to)).toBe(1);
});

it('DirectMail: a pin older than the 15-minute signature window is refused for its age: unknown', async () => {
  const store = memoryStore();
  const to = uniqueTo('rec-dm-old');
  const claimed = await leftSending(store, 'aliyun-dm', dmMessage(to), {
    keyId: dmKey(),
    nonce: randomUUID(),
    timestamp: Date.now() - 20 * 60_000,
  });
  const { job } = await recover(store, claimed.id);
  expect(job.state).toBe('unknown');
  expect(job.error?.providerCode).toBe('InvalidTimeStamp.Expired');
  expect(copies(to)).toBe(0);
});

it('Tencent SES: a job found in sending becomes unknown, is reported, and is not sent again', async () => {
  const store = memoryStore();
  const to = uniqueTo('rec-ses');
  const claimed = await leftSending(store, 'tencent-ses', sesMessage(to));
  const before = emu.requestCount({ provider: 'tencent-ses', action: 'SendEmail' });
  const { job, unknown } = await recover(store, claimed.id);
  expect(job.state).toBe('unknown');
  expect(job.runs[0]).toMatchObject({ state: 'unknown', recovered: true });
  expect(unknown).toHaveLength(1);
  expect(emu.requestCount({ provider: 'tencent-ses', action: 'SendEmail' })).toBe(before);
  expect(copies(to)).toBe(0);
});
