/**
 * A DirectMail credentials function that never answers (an STS endpoint that hangs), met when a
 * worker claims a scheduled send: the claim reads the AccessKey ID to bind the pin to it. That
 * read is bounded by the mailer's `timeoutMs` like every other call of the function, so the job
 * ends (nothing sent) and neither the worker nor `close()` waits forever.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, memoryStore } from '@mailbridge/scheduler';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dmMessage, uniqueTo, until } from './conformance.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

it('a credentials function that never answers: the job fails, nothing sent, close() resolves', async () => {
  const scheduler = createScheduler({ store: memoryStore(), pollMs: 50 });
  const mailer = createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: () => new Promise<never>(() => {}),
    }),
    { scheduler, timeoutMs: 300 },
  );
  const to = uniqueTo('hung-credentials');
  const before = emu.requestCount();
  const { id } = await mailer.send(dmMessage(to), { at: new Date(Date.now() + 50) });
  const job = await until(
    async () => {
      const j = await scheduler.get(id);
      return j && j.state !== 'pending' && j.state !== 'sending' ? j : undefined;
    },
    5_000,
    'the job to end',
  );
  expect(job.state).toBe('failed');
  expect(job.error).toMatchObject({ code: 'timeout', delivery: 'not_sent' });
  expect(emu.requestCount()).toBe(before);
  await mailer.close();
  const closed = await Promise.race([
    scheduler.close().then(() => 'closed'),
    new Promise((resolve) => setTimeout(resolve, 3_000, 'hung')),
  ]);
  expect(closed).toBe('closed');
});
