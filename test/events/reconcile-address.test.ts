/**
 * `reconcile` takes the recipient the way the message gave it (`to: message.to`): a
 * comma-separated list `'ann@example.com, bob@example.com'` or `<ann@example.com>`, both valid
 * message recipients. The status rows carry the bare address, so the whole text left in the
 * query and the comparison found no trace of a delivered message and, once the settle window
 * had passed, answered `not_sent`: a duplicate for whoever resent.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type Mailer, reconcile } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueTo } from '../scheduler/conformance.js';

let emu: Emulator;
let ses: Mailer;
let dm: Mailer;
beforeAll(async () => {
  emu = await startEmulator();
  const tencent = emu.credentials.tencent[0] as { id: string; secret: string };
  const aliyun = emu.credentials.aliyun[0] as { id: string; secret: string };
  ses = createMailer(
    tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: tencent }),
  );
  dm = createMailer(
    aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: aliyun }),
  );
});
afterAll(async () => {
  await ses?.close();
  await dm?.close();
  await emu.close();
});

const LATER = 31 * 60_000;

describe('reconcile with the recipient as the message wrote it', () => {
  it.each([
    ['tencent-ses', () => ses],
    ['aliyun-dm', () => dm],
  ])('%s: a delivered send to "ann@…, bob@…" is sent, not not_sent', async (provider, mailer) => {
    const address = uniqueTo(`rec-${provider}`);
    const at = Date.now();
    const message = {
      from: 'noreply@mail.example.com',
      to: `${address}, ${uniqueTo('rec-bob')}`,
      subject: 'Receipt',
      ...(provider === 'tencent-ses'
        ? { template: { id: 100001, data: { name: 'Ann' } } }
        : { html: '<p>receipt</p>' }),
    };
    await mailer().send(message);
    expect(emu.outbox.filter((m) => m.to === address)).toHaveLength(1);
    const now = () => at + LATER;
    const single = await reconcile(mailer(), { to: message.to, subject: 'Receipt', at }, { now });
    expect(single.outcome).toBe('sent');
    const bracketed = await reconcile(
      mailer(),
      { to: [` <${address}> `], subject: 'Receipt', at },
      { now },
    );
    expect(bracketed.outcome).toBe('sent');
  });
});
