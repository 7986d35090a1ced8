/**
 * A mailer closed while its scheduled send is in flight, and a new mailer for the same provider
 * attached to the scheduler at once (new configuration, same process): the send in flight is
 * not "recovered" as if its worker had died. Its own worker records it: `sent`, not `unknown`.
 */
import { createMailer, type Mailer } from '@mailbridge/core';
import { normalizeMessage } from '@mailbridge/core/provider';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, memoryStore } from '@mailbridge/scheduler';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sesMessage, uniqueTo, until } from './conformance.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

it('a new mailer attached while the closed one still sends does not turn that send unknown', async () => {
  const store = memoryStore();
  const scheduler = createScheduler({ store, pollMs: 20 });
  const mailer = (): Mailer =>
    createMailer(
      tencentSes({
        region: 'ap-guangzhou',
        endpoint: emu.tencentEndpoint,
        credentials: emu.credentials.tencent[0] as { id: string; secret: string },
      }),
      { scheduler },
    );
  const first = mailer();
  const to = uniqueTo('reattach');
  emu.inject({ provider: 'tencent-ses', action: 'SendEmail', fault: { kind: 'delay', ms: 800 } });
  const job = await scheduler.schedule({
    provider: 'tencent-ses',
    payload: { kind: 'send', message: normalizeMessage(sesMessage(to)) },
    rule: { at: new Date(Date.now() + 50) },
  });
  await until(() => store.get(job.id)?.state === 'sending', 5_000, 'the send to start');
  const closing = first.close(); // the send goes on (its request is in flight)
  const second = mailer();
  try {
    const done = await until(
      () => {
        const j = store.get(job.id);
        return j && j.state !== 'sending' && j.state !== 'pending' ? j : undefined;
      },
      10_000,
      'the job to end',
    );
    expect(emu.outbox.filter((e) => e.to === to)).toHaveLength(1);
    expect(done.state).toBe('sent');
  } finally {
    await closing;
    await second.close();
    await scheduler.close();
  }
});
