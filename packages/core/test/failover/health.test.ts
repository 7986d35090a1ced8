/**
 * Health memory of a composite, driven by a fake clock: the circuit opens after the configured
 * consecutive not_sent failures, sends skip the member during the cooldown, a half-open probe
 * closes it (or opens it again); a spent daily quota sets the member aside until midnight in
 * its provider's zone (UTC+8 for DirectMail and Tencent SES).
 */
import { describe, expect, it } from 'vitest';
import { createMailer, failover } from '../../src/index.js';
import { rejectedMailError } from '../../src/testing/mail-errors.js';
import { createTestingProvider } from '../../src/testing/testing.js';

const message = (n: number) => ({
  from: 'noreply@example.com',
  to: `r${n}@example.com`,
  subject: 'Hi',
  text: 'Hello',
});

function setup(breaker = { failures: 3, cooldownMs: 60_000 }) {
  let time = Date.UTC(2026, 11, 7, 3, 0, 0);
  const a = createTestingProvider({ id: 'a' });
  const b = createTestingProvider({ id: 'b' });
  const mailer = createMailer(failover([a, b], { breaker, now: () => time }), {
    retry: { retries: 0 },
  });
  const advance = (ms: number) => {
    time += ms;
  };
  return { a, b, mailer, advance, now: () => time };
}

const unavailable = { kind: 'error', code: 'provider_unavailable', retryable: true } as const;

describe('failover: circuit breaker (fake clock)', () => {
  it('opens after the configured failures, skips A during the cooldown, a probe closes it', async () => {
    const { a, b, mailer, advance } = setup();
    a.inject({ ...unavailable, action: 'send', count: 3 });
    for (let n = 0; n < 3; n++) {
      const result = await mailer.send(message(n));
      expect(result.member).toBe('b');
      expect(result.route?.[0]).toMatchObject({ member: 'a', outcome: 'failed', attempts: 1 });
    }
    expect(a.requests['send']).toBe(3);

    // Open: A is not called at all while the cooldown runs, even though it would succeed now.
    for (let n = 3; n < 8; n++) {
      const result = await mailer.send(message(n));
      expect(result.member).toBe('b');
      expect(result.route?.[0]).toMatchObject({ member: 'a', outcome: 'skipped', attempts: 0 });
      expect(result.route?.[0]?.reason).toMatch(/circuit open until/);
    }
    expect(a.requests['send']).toBe(3);
    advance(59_999);
    expect((await mailer.send(message(8))).member).toBe('b');
    expect(a.requests['send']).toBe(3);

    // Half-open after the cooldown: one probe goes to A; it succeeds and the circuit closes.
    advance(1);
    const probe = await mailer.send(message(9));
    expect(probe.member).toBe('a');
    expect(a.requests['send']).toBe(4);
    for (let n = 10; n < 13; n++) expect((await mailer.send(message(n))).member).toBe('a');
    expect(a.delivered).toBe(4);
    expect(b.delivered).toBe(9);
  });

  it('a failed probe opens the circuit again for a full cooldown', async () => {
    const { a, mailer, advance } = setup({ failures: 2, cooldownMs: 10_000 });
    a.inject({ ...unavailable, action: 'send', count: 3 });
    await mailer.send(message(0));
    await mailer.send(message(1));
    advance(10_000);
    const probe = await mailer.send(message(2));
    expect(probe.member).toBe('b');
    expect(probe.route?.[0]).toMatchObject({ member: 'a', outcome: 'failed' });
    advance(9_999);
    expect((await mailer.send(message(3))).route?.[0]?.outcome).toBe('skipped');
    advance(1);
    expect((await mailer.send(message(4))).member).toBe('a');
    expect(a.requests['send']).toBe(4);
  });

  it('while the half-open probe is in flight, other sends skip A', async () => {
    const { a, mailer, advance } = setup({ failures: 1, cooldownMs: 1_000 });
    a.inject({ ...unavailable, action: 'send' });
    await mailer.send(message(0));
    advance(1_000);
    a.inject({ kind: 'delay', ms: 300, action: 'send' });
    const probe = mailer.send(message(1));
    const during = await mailer.send(message(2));
    expect(during.member).toBe('b');
    expect(during.route?.[0]?.reason).toBe('circuit half-open, a probe is in flight');
    expect((await probe).member).toBe('a');
    expect((await mailer.send(message(3))).member).toBe('a');
  });

  it('failures about the message (rejected) pass over without opening the circuit', async () => {
    const { a, mailer } = setup({ failures: 1, cooldownMs: 60_000 });
    a.inject({ kind: 'error', code: 'rejected', action: 'send' });
    expect((await mailer.send(message(0))).member).toBe('b');
    expect((await mailer.send(message(1))).member).toBe('a');
  });

  it('a quota error sets the member aside until midnight UTC+8, then it is used again', async () => {
    const a = createTestingProvider({ id: 'a' });
    const b = createTestingProvider({ id: 'b' });
    // 2026-12-07 15:30 UTC = 23:30 in UTC+8: the quota day ends in 30 minutes.
    let time = Date.UTC(2026, 11, 7, 15, 30);
    const mailer = createMailer(
      failover([{ provider: a, quotaDayOffsetMinutes: 480 }, b], { now: () => time }),
      { retry: { retries: 0 } },
    );
    a.inject({ kind: 'error', code: 'quota_exceeded', action: 'send' });
    expect((await mailer.send(message(0))).member).toBe('b');
    const aside = await mailer.send(message(1));
    expect(aside.route?.[0]?.reason).toBe('daily quota spent until 2026-12-07T16:00:00.000Z');
    time = Date.UTC(2026, 11, 7, 15, 59, 59);
    expect((await mailer.send(message(2))).member).toBe('b');
    time = Date.UTC(2026, 11, 7, 16, 0, 0);
    expect((await mailer.send(message(3))).member).toBe('a');
  });

  it('every member set aside: provider_unavailable, retryable, retryAfterMs until the first returns', async () => {
    const { a, b, mailer } = setup({ failures: 1, cooldownMs: 5_000 });
    a.inject({ ...unavailable, action: 'send' });
    b.inject({ ...unavailable, action: 'send' });
    const first = await rejectedMailError(mailer.send(message(0)));
    expect(first).toMatchObject({ code: 'provider_unavailable', delivery: 'not_sent' });
    const error = await rejectedMailError(mailer.send(message(1)));
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      delivery: 'not_sent',
      retryAfterMs: 5_000,
    });
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(['members.a', 'members.b']);
    expect(a.requests['send']).toBe(1);
    expect(b.requests['send']).toBe(1);
  });
});
