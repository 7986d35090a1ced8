/**
 * `mailer.schedules` of a composite: a scheduled send is routed like any other, so it may be held
 * by any member's mailer; the id the send returned must then be found, listed and cancelled
 * through the composite's own view, whichever member holds it.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, roundRobin } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, memoryStore } from '@mailbridge/scheduler';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uniqueTo } from './conformance.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

it('a scheduled send held by the second member is found, listed and cancelled through the composite', async () => {
  const scheduler = createScheduler({ store: memoryStore(), pollMs: 50 });
  const aliyun = emu.credentials.aliyun[0] as { id: string; secret: string };
  const tencent = emu.credentials.tencent[0] as { id: string; secret: string };
  const mailer = createMailer(
    roundRobin([
      {
        provider: tencentSes({
          region: 'ap-guangzhou',
          endpoint: emu.tencentEndpoint,
          credentials: tencent,
        }),
        weight: 1,
      },
      {
        provider: aliyunDm({
          region: 'cn-hangzhou',
          endpoint: emu.aliyunEndpoint,
          credentials: aliyun,
        }),
        weight: 1,
      },
    ]),
    { scheduler },
  );
  try {
    const at = new Date(Date.now() + 3_600_000);
    const message = (to: string) => ({
      from: 'noreply@mail.example.com',
      to,
      subject: 'Later',
      template: { id: 100001, data: { name: 'Ann' } },
    });
    const first = await mailer.send(message(uniqueTo('rr-sched-a')), { at });
    const second = await mailer.send(message(uniqueTo('rr-sched-b')), { at });
    expect(new Set([first.member, second.member])).toEqual(new Set(['tencent-ses', 'aliyun-dm']));

    for (const { id } of [first, second]) {
      expect((await mailer.schedules.get(id))?.state).toBe('pending');
    }
    const listed = [];
    for await (const entry of mailer.schedules.list()) listed.push(entry.id);
    expect(listed).toEqual(expect.arrayContaining([first.id, second.id]));

    for (const { id } of [first, second]) {
      expect((await mailer.schedules.cancel(id))?.state).toBe('cancelled');
      expect((await scheduler.get(id))?.state).toBe('cancelled');
    }
  } finally {
    await mailer.close();
    await scheduler.close();
  }
});
