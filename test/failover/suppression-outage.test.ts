/**
 * A suppression store that fails for a while (its database briefly down) is the caller's
 * trouble, not an account's: every member shares the store, so the check is made once before
 * any member is called, and it never counts towards a member's circuit breaker. It counted as an
 * account fault on every member in turn, so after five failed checks every circuit was open
 * and, once the store was back, sends still failed "no member is available" for the cooldown.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, failover, isMailError, type SuppressionStore } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, expect, it } from 'vitest';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

it('after a suppression store outage the next send goes out, no circuit opened', async () => {
  let down = true;
  let asked = 0;
  const store: SuppressionStore = {
    suppressed() {
      asked += 1;
      if (down) throw new Error('connection refused');
      return [];
    },
    add() {},
    remove() {},
  };
  const tencent = emu.credentials.tencent[0] as { id: string; secret: string };
  const aliyun = emu.credentials.aliyun[0] as { id: string; secret: string };
  const mailer = createMailer(
    failover(
      [
        aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: aliyun }),
        tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: tencent }),
      ],
      { breaker: { failures: 3, cooldownMs: 60_000 } },
    ),
    { suppression: store },
  );
  const message = (i: number) => ({
    from: 'noreply@mail.example.com',
    to: `outage-${Date.now()}-${i}@example.com`,
    subject: 'Hi',
    html: '<p>hi</p>',
  });
  try {
    for (let i = 0; i < 4; i++) {
      const error = await mailer.send(message(i)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isMailError(error) && error.delivery).toBe('not_sent');
    }
    expect(emu.outbox).toHaveLength(0);
    expect(asked).toBe(4);
    down = false;
    const result = await mailer.send(message(9));
    expect(result.route, JSON.stringify(result.route)).toHaveLength(1);
    expect(result.member).toBe('aliyun-dm');
  } finally {
    await mailer.close();
  }
});
