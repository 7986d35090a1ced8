/**
 * `runDue()` (the embedded engine's "fire what is due now", for tests and tools) while another
 * drain of the same scheduler is under way (the engine's own timer, or a second `runDue`): the
 * two must not both send one occurrence. The claim is a compare-and-set on the job's state, so
 * a drain that found the job pending, then waited (here: the credentials function, read to bind
 * the DirectMail pin), must not claim it once the other drain has sent it and put it back to
 * pending for its next occurrence.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer } from '@mailbridge/core';
import { normalizeMessage } from '@mailbridge/core/provider';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, memoryStore } from '@mailbridge/scheduler';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dmMessage, uniqueTo } from './conformance.js';

const HOUR = 3_600_000;
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

it('two drains at once send an occurrence once', async () => {
  let clock = Date.now();
  const store = memoryStore();
  const scheduler = createScheduler({ store, now: () => clock, pollMs: HOUR });
  const key = emu.credentials.aliyun[0] as { id: string; secret: string };
  let calls = 0;
  let jobId = '';
  const mailer = createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      // The second read of the key is slow: until the first occurrence is recorded (or 1.5 s).
      credentials: async () => {
        if (++calls === 2) {
          const end = Date.now() + 1_500;
          while (Date.now() < end && store.get(jobId)?.next?.index !== 1)
            await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return key;
      },
    }),
    { scheduler },
  );
  const to = uniqueTo('two-drains');
  try {
    const job = await scheduler.schedule({
      provider: 'aliyun-dm',
      payload: { kind: 'send', message: normalizeMessage(dmMessage(to)) },
      rule: { at: new Date(clock + 1_000), every: { hours: 1 } },
    });
    jobId = job.id;
    clock += 1_000;
    await Promise.all([scheduler.runDue(), scheduler.runDue()]);
    expect(emu.outbox.filter((e) => e.to === to)).toHaveLength(1);
    const after = store.get(job.id);
    expect(after).toMatchObject({ state: 'pending', next: { index: 1 } });
    expect(after?.runs.map((r) => [r.index, r.state])).toEqual([[0, 'sent']]);
  } finally {
    await mailer.close();
    await scheduler.close();
  }
});
