/**
 * `reconcile` through a failover mailer: a send that the first member certainly did not send
 * (throttled) and the second one may have (its answer was lost after processing) fails with
 * `unknown`. Asked through the same mailer, the answer must come from the member that took it:
 * the composite's status was the primary's only, found no trace and, 30 minutes on, answered
 * `not_sent`, so the caller resent a message that had been delivered.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, failover, isMailError, type MailError, reconcile } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, expect, it } from 'vitest';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

it('a send lost on the second member reconciles to sent through the failover mailer', async () => {
  const tencent = emu.credentials.tencent[0] as { id: string; secret: string };
  const aliyun = emu.credentials.aliyun[0] as { id: string; secret: string };
  const mailer = createMailer(
    failover([
      {
        provider: tencentSes({
          region: 'ap-guangzhou',
          endpoint: emu.tencentEndpoint,
          credentials: tencent,
          allowRawContent: true,
        }),
        options: { retry: { retries: 0 } },
      },
      aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: aliyun }),
    ]),
  );
  try {
    const to = `failover-lost-${Date.now()}@example.com`;
    emu.inject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      fault: { kind: 'error', code: 'RequestLimitExceeded', status: 200 },
    });
    emu.inject({ provider: 'aliyun-dm', action: 'SingleSendMail', fault: { kind: 'drop' } });
    const at = Date.now();
    const error = (await mailer
      .send({ from: 'noreply@mail.example.com', to, subject: 'Receipt 7', html: '<p>7</p>' })
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as MailError;
    expect(isMailError(error) && error.delivery).toBe('unknown');
    expect(emu.outbox.filter((m) => m.to === to)).toHaveLength(1);

    const later = { now: () => at + 31 * 60_000 };
    const answer = await reconcile(mailer, { to, subject: 'Receipt 7', at }, later);
    expect(answer.outcome).toBe('sent');
    expect(answer.statuses.map((s) => s.provider)).toEqual(['aliyun-dm']);
    const rows = await mailer.status({ recipient: to });
    expect(rows.map((r) => r.provider)).toEqual(['aliyun-dm']);
  } finally {
    await mailer.close();
  }
});
