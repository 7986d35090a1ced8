/**
 * A scheduled DirectMail send whose worker died after its pinned request went out, recovered
 * after the credentials rotated (a new STS session, a replaced AccessKey): DirectMail refuses a
 * reused nonce per AccessKey only, so the pinned request signed with the new key would be
 * accepted again. Recovery must not send it with another key: `unknown`, one copy.
 */
import { randomUUID } from 'node:crypto';
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer } from '@mailbridge/core';
import { normalizeMessage } from '@mailbridge/core/provider';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { claimJob, createScheduler, memoryStore } from '@mailbridge/scheduler';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { capturingScheduler, dmMessage, uniqueTo, until } from './conformance.js';

const A = { id: 'LTAIrotateKeyA0001', secret: 'rotate-a-secret-0123456789' };
const B = { id: 'LTAIrotateKeyB0002', secret: 'rotate-b-secret-0123456789' };
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [A, B] });
});
afterAll(async () => {
  await emu.close();
});

it('a job recovered after the key rotated is unknown, never a second copy', async () => {
  let current = A;
  const provider = () =>
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: async () => current,
    });
  const store = memoryStore();
  const to = uniqueTo('rotated-key');
  const job = await createScheduler({ store }).schedule({
    provider: 'aliyun-dm',
    payload: { kind: 'send', message: normalizeMessage(dmMessage(to)) },
    rule: { at: new Date(Date.now() - 10) },
  });

  // The worker that died: it claimed the job with its runner's pin and sent it (key A).
  const capture = capturingScheduler();
  const dead = createMailer(provider(), { scheduler: capture.scheduler });
  const pin = (await capture.runner().newPin?.()) ?? { nonce: randomUUID(), timestamp: Date.now() };
  const claimed = claimJob(job, Date.now(), pin);
  expect(store.replace(claimed, 'pending')).toBe(true);
  expect((await capture.runner().run(claimed)).state).toBe('sent');
  await dead.close();
  expect(emu.outbox.filter((e) => e.to === to)).toHaveLength(1);

  // The credentials rotate before a new process recovers the job still marked `sending`.
  current = B;
  const scheduler = createScheduler({ store, pollMs: 50 });
  const mailer = createMailer(provider(), { scheduler });
  try {
    const done = await until(
      () => {
        const j = store.get(job.id);
        return j && j.state !== 'sending' ? j : undefined;
      },
      15_000,
      'recovery',
    );
    expect(emu.outbox.filter((e) => e.to === to)).toHaveLength(1);
    expect(done.state).toBe('unknown');
    expect(done.runs.at(-1)).toMatchObject({ state: 'unknown', recovered: true });
  } finally {
    await mailer.close();
    await scheduler.close();
  }
});

it('a job claimed while the key could not be read is never sent with an unbound pin, so no rotation can copy it', async () => {
  // The credentials function fails once, as the claim reads the key to bind the pin, then works.
  let calls = 0;
  let current = A;
  const mailer = () =>
    createMailer(
      aliyunDm({
        region: 'cn-hangzhou',
        endpoint: emu.aliyunEndpoint,
        credentials: async () => {
          if (calls++ === 0) throw new Error('STS endpoint unreachable');
          return current;
        },
      }),
      { scheduler: capture.scheduler },
    );
  const capture = capturingScheduler();
  const worker = mailer();
  const to = uniqueTo('unbound-pin');
  const job = await createScheduler({ store: memoryStore() }).schedule({
    provider: 'aliyun-dm',
    payload: { kind: 'send', message: normalizeMessage(dmMessage(to)) },
    rule: { at: new Date(Date.now() - 10) },
  });
  const pin = await capture.runner().newPin?.();
  expect(pin?.keyId).toBeUndefined();
  const claimed = claimJob(job, Date.now(), pin);
  const first = await capture.runner().run(claimed);
  // The worker dies before recording; the key rotates; another worker recovers the job.
  current = B;
  const again = await capture.runner().recover(claimed);
  await worker.close();
  expect(emu.outbox.filter((e) => e.to === to).length).toBeLessThanOrEqual(1);
  // The run that was refused said so truthfully: nothing sent.
  expect(first).toMatchObject({ state: 'failed', error: { delivery: 'not_sent' } });
  expect(again.state).toBe('unknown');
});
