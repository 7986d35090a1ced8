/**
 * `reconcile` through a failover mailer: a send that the first member certainly did not send
 * (throttled) and the second one may have (its answer was lost after processing) fails with
 * `unknown`. Asked through the same mailer, the answer must come from the member that took it:
 * the composite's status was the primary's only, found no trace and, 30 minutes on, answered
 * `not_sent`, so the caller resent a message that had been delivered. The send's `provider`,
 * taken from the error (or a job left `unknown`), names a member, not the composite: it must be
 * accepted, and a member name asks that member only.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import {
  createMailer,
  failover,
  isMailError,
  type MailError,
  type Mailer,
  reconcile,
} from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';

let emu: Emulator;
let other: Emulator;
beforeAll(async () => {
  [emu, other] = await Promise.all([startEmulator(), startEmulator()]);
});
afterAll(async () => {
  await Promise.all([emu.close(), other.close()]);
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

    // The README's flow: the error's provider (the member's) goes into the send's shape.
    expect(error.provider).toBe('aliyun-dm');
    const named = { to, subject: 'Receipt 7', at, provider: error.provider as string };
    expect((await reconcile(mailer, named, later)).outcome).toBe('sent');
    const refused = await failure(reconcile(mailer, { ...named, provider: 'nowhere' }, later));
    expect(refused).toMatchObject({ code: 'invalid_input', issues: [{ path: ['provider'] }] });
    expect(refused.message).toContain('nowhere');
  } finally {
    await mailer.close();
  }
});

it('two accounts of one provider: a member name asks that member only; the shared id asks both', async () => {
  const account = (e: Emulator) =>
    tencentSes({
      region: 'ap-guangzhou',
      endpoint: e.tencentEndpoint,
      credentials: e.credentials.tencent[0] as { id: string; secret: string },
    });
  const once = { retry: { retries: 0 } };
  const mailer = createMailer(
    failover([
      { provider: account(emu), options: once },
      { provider: account(other), options: once },
    ]),
  );
  try {
    const to = `failover-second-account-${Date.now()}@example.com`;
    emu.inject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      fault: { kind: 'error', code: 'RequestLimitExceeded', status: 200 },
    });
    other.inject({ provider: 'tencent-ses', action: 'SendEmail', fault: { kind: 'drop' } });
    const at = Date.now();
    const error = await failure(
      mailer.send({
        from: 'noreply@mail.example.com',
        to,
        subject: 'Receipt 8',
        template: { id: 100001, data: { name: 'Ann' } },
      }),
    );
    expect(error.delivery).toBe('unknown');
    expect(other.outbox.filter((m) => m.to === to)).toHaveLength(1);

    const later = { now: () => at + 31 * 60_000 };
    const send = { to, subject: 'Receipt 8', at };
    // `tencent-ses` names both members (the first by name, both by provider id): ask both.
    const shared = await reconcile(mailer, { ...send, provider: error.provider as string }, later);
    expect(shared.outcome).toBe('sent');

    const before = emu.requestCount({ provider: 'tencent-ses' });
    const second = await reconcile(mailer, { ...send, provider: 'tencent-ses#2' }, later);
    expect(second.outcome).toBe('sent');
    expect(emu.requestCount({ provider: 'tencent-ses' })).toBe(before);

    const counts = [emu.requestCount(), other.requestCount()];
    const refused = await failure(reconcile(mailer, { ...send, provider: 'aliyun-dm' }, later));
    expect(refused).toMatchObject({ code: 'invalid_input', issues: [{ path: ['provider'] }] });
    expect([emu.requestCount(), other.requestCount()]).toEqual(counts);
    // A member's own mailer is one provider: another provider's id is refused there too.
    const single = mailer.raw['tencent-ses#2'] as Mailer;
    const elsewhere = await failure(reconcile(single, { ...send, provider: 'aliyun-dm' }, later));
    expect(elsewhere).toMatchObject({ code: 'invalid_input', issues: [{ path: ['provider'] }] });
    expect([emu.requestCount(), other.requestCount()]).toEqual(counts);
  } finally {
    await mailer.close();
  }
});
