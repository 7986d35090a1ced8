/**
 * A scheduled DirectMail send through a composite of two DirectMail accounts, left in `sending`
 * by a worker that died: recovery may replay its pinned request on one account only. DirectMail
 * refuses a reused nonce per AccessKey, so the same pinned request replayed on the other
 * account is a second, accepted message.
 */
import { randomUUID } from 'node:crypto';
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, failover } from '@mailbridge/core';
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

it('a job left sending is recovered once, by one account: never two copies', async () => {
  const store = memoryStore();
  const to = uniqueTo('rec-two-accounts');
  const setup = createScheduler({ store });
  const job = await setup.schedule({
    provider: 'aliyun-dm',
    payload: { kind: 'send', message: normalizeMessage(dmMessage(to)) },
    rule: { at: new Date(Date.now() - 10) },
  });
  // The dead worker's claim: pinned, never sent (the safest case: at most one copy is owed).
  const pin = { nonce: randomUUID(), timestamp: Date.now() };
  expect(store.replace(claimJob(job, Date.now(), pin), 'pending')).toBe(true);

  const scheduler = createScheduler({ store, pollMs: 50 });
  const mailer = createMailer(failover([account(A), account(B)]), { scheduler });
  try {
    const done = await until(
      () => {
        const j = store.get(job.id);
        return j && j.state !== 'sending' ? j : undefined;
      },
      15_000,
      'recovery',
    );
    await mailer.close();
    await scheduler.close(); // waits for every recovery still in flight
    expect(done.state).toBe('sent');
    expect(copies(to)).toBe(1);
  } finally {
    await mailer.close();
    await scheduler.close();
  }
});
