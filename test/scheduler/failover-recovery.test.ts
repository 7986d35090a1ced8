/**
 * A scheduled DirectMail send left in `sending` by a worker that died, with two DirectMail
 * accounts on one scheduler (a composite's members, or two mailers): recovery may replay its
 * pinned request on one account only. DirectMail refuses a reused nonce per AccessKey, so the
 * same pinned request replayed on the other account is a second, accepted message.
 */
import { randomUUID } from 'node:crypto';
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, failover, isMailError, type Mailer } from '@mailbridge/core';
import { normalizeMessage } from '@mailbridge/core/provider';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { claimJob, createScheduler, memoryStore } from '@mailbridge/scheduler';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dmMessage, uniqueTo, until } from './conformance.js';

const A = { id: 'LTAIaccountAkey0001', secret: 'account-a-secret-0123456789' };
const B = { id: 'LTAIaccountBkey0002', secret: 'account-b-secret-0123456789' };
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [A, B] });
});
afterAll(async () => {
  await emu.close();
});

const copies = (to: string) => emu.outbox.filter((m) => m.to === to).length;
const account = (credentials: typeof A) =>
  aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials });

/** A due job claimed by a worker that died before its pinned request left. */
async function leftSending(store: ReturnType<typeof memoryStore>, to: string) {
  const setup = createScheduler({ store });
  const job = await setup.schedule({
    provider: 'aliyun-dm',
    payload: { kind: 'send', message: normalizeMessage(dmMessage(to)) },
    rule: { at: new Date(Date.now() - 10) },
  });
  // The dead worker's claim: pinned, never sent (the safest case: at most one copy is owed).
  const pin = { nonce: randomUUID(), timestamp: Date.now(), keyId: A.id }; // bound to A's key
  expect(store.replace(claimJob(job, Date.now(), pin), 'pending')).toBe(true);
  return job;
}

const settled = (store: ReturnType<typeof memoryStore>, id: string) =>
  until(
    () => {
      const j = store.get(id);
      return j && j.state !== 'sending' ? j : undefined;
    },
    15_000,
    'recovery',
  );

it('a composite of two accounts recovers a job left sending once: never two copies', async () => {
  const store = memoryStore();
  const to = uniqueTo('rec-two-accounts');
  const job = await leftSending(store, to);
  const scheduler = createScheduler({ store, pollMs: 50 });
  const mailer = createMailer(failover([account(A), account(B)]), { scheduler });
  try {
    const done = await settled(store, job.id);
    await mailer.close();
    await scheduler.close(); // waits for every recovery still in flight
    expect(done.state).toBe('sent');
    expect(copies(to)).toBe(1);
  } finally {
    await mailer.close();
    await scheduler.close();
  }
});

it('a second account attached to the same scheduler is refused before it can recover', async () => {
  const store = memoryStore();
  const to = uniqueTo('rec-two-mailers');
  const job = await leftSending(store, to);
  const scheduler = createScheduler({ store, pollMs: 50 });
  const first = createMailer(account(A), { scheduler });
  let second: Mailer | undefined;
  let refused: unknown;
  try {
    second = createMailer(account(B), { scheduler });
  } catch (error) {
    refused = error;
  }
  try {
    expect(await settled(store, job.id)).toMatchObject({ state: 'sent' });
    await scheduler.close();
    expect(copies(to)).toBe(1);
    expect(isMailError(refused) && refused.code).toBe('conflict');
  } finally {
    await first.close();
    await second?.close();
    await scheduler.close();
  }
});

it('a send scheduled through a composite: its route counts the requests made, none', async () => {
  const scheduler = createScheduler({ store: memoryStore(), pollMs: 50 });
  const mailer = createMailer(failover([account(A), account(B)]), { scheduler });
  try {
    const result = await mailer.send(dmMessage(uniqueTo('scheduled-route')), {
      at: new Date(Date.now() + 3_600_000),
    });
    // RouteStep.attempts is a number on every step: the job was stored, no request was made.
    expect(result.route).toEqual([
      { member: 'aliyun-dm', provider: 'aliyun-dm', outcome: 'sent', attempts: 0 },
    ]);
  } finally {
    await mailer.close();
    await scheduler.close();
  }
});
