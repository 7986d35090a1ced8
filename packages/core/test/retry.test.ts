import { describe, expect, it } from 'vitest';
import { createMailer, type RetryEvent } from '../src/index.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { createTestingProvider } from '../src/testing/testing.js';

const message = {
  from: 'Shop <noreply@example.com>',
  to: 'ann@example.com',
  subject: 'Hi',
  text: 'Hello',
};
const fast = { minDelayMs: 1, maxDelayMs: 5 };
// The testing provider's `drop` and `refuse` faults throw already-classified errors: these
// tests check the retry decisions; HTTP classification is tested on real sockets
// (http-written.test.ts, http-failures.test.ts, test/reliability/socket-faults.test.ts).

describe('retry rules', () => {
  it('retries throttling and honours retryAfterMs', async () => {
    const testing = createTestingProvider();
    const retries: RetryEvent[] = [];
    const mailer = createMailer(testing, {
      retry: fast,
      hooks: { onRetry: (e) => retries.push(e) },
    });
    testing.inject({
      action: 'send',
      count: 2,
      kind: 'error',
      code: 'rate_limited',
      retryAfterMs: 30,
    });
    const result = await mailer.send(message);
    expect(result.attempts).toBe(3);
    expect(testing.delivered).toBe(1);
    expect(retries.map((r) => r.delayMs)).toEqual([30, 30]);
    expect(
      retries.every((r) => r.error.code === 'rate_limited' && r.error.delivery === 'not_sent'),
    ).toBe(true);
  });

  it('waits the retryAfterMs the provider asked for before the next attempt', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: fast });
    testing.inject({ action: 'send', kind: 'error', code: 'rate_limited', retryAfterMs: 300 });
    const started = Date.now();
    const result = await mailer.send(message);
    expect(result.attempts).toBe(2);
    // The backoff alone is at most 10 ms (fast): only the provider's wait takes this long.
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('stops at once when the provider asks for a wait longer than maxRetryAfterMs', async () => {
    const testing = createTestingProvider();
    const retries: RetryEvent[] = [];
    const mailer = createMailer(testing, {
      retry: { ...fast, maxRetryAfterMs: 1_000 },
      hooks: { onRetry: (e) => retries.push(e) },
    });
    testing.inject({ action: 'send', kind: 'error', code: 'rate_limited', retryAfterMs: 2_000 });
    const error = await rejectedMailError(mailer.send(message));
    expect(error).toMatchObject({
      code: 'rate_limited',
      delivery: 'not_sent',
      retryAfterMs: 2_000,
      attempts: 1,
    });
    expect(retries).toEqual([]);
    expect(testing.delivered).toBe(0);
  });

  it('reports a send the provider accepted, even when the caller aborts as its answer arrives', async () => {
    const testing = createTestingProvider();
    const controller = new AbortController();
    const mailer = createMailer(testing, {
      retry: fast,
      hooks: { onResponse: () => controller.abort() },
    });
    const result = await mailer.send(message, { signal: controller.signal });
    expect(controller.signal.aborted).toBe(true);
    expect(result.attempts).toBe(1);
    expect(testing.delivered).toBe(1);
  });

  it('does not retry a send whose outcome is unknown and says so', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: fast });
    testing.inject({ action: 'send', kind: 'drop' });
    const error = await rejectedMailError(mailer.send(message));
    expect(error).toMatchObject({
      code: 'network',
      delivery: 'unknown',
      attempts: 1,
      provider: 'testing',
      action: 'send',
    });
    expect(testing.requests['send']).toBe(1);
    expect(testing.delivered).toBe(1);
  });

  it('retries a refused connection (certainly not sent) and delivers once', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: fast });
    testing.inject({ action: 'send', kind: 'refuse' });
    const result = await mailer.send(message);
    expect(result.attempts).toBe(2);
    expect(testing.delivered).toBe(1);
  });

  it('retries an ambiguous failure of a read', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: fast });
    testing.inject({ action: 'listGroups', kind: 'drop' });
    const groups = [];
    for await (const g of mailer.groups.list()) groups.push(g);
    expect(groups).toEqual([]);
    expect(testing.requests['listGroups']).toBe(2);
  });

  it('stops after the retry budget with the attempts counted', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: { ...fast, retries: 2 } });
    testing.inject({ action: 'send', count: 10, kind: 'error', code: 'rate_limited' });
    const error = await rejectedMailError(mailer.send(message));
    expect(error).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      delivery: 'not_sent',
      attempts: 3,
    });
    expect(testing.delivered).toBe(0);
  });

  it('does not retry a non-retryable error', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: fast });
    testing.inject({ action: 'send', kind: 'error', code: 'rejected' });
    const error = await rejectedMailError(mailer.send(message));
    expect(error).toMatchObject({ code: 'rejected', attempts: 1 });
  });

  it('stops waiting at once when aborted during backoff', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    testing.inject({ action: 'send', kind: 'error', code: 'rate_limited', retryAfterMs: 60_000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    const error = await rejectedMailError(mailer.send(message, { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent', attempts: 1 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(testing.delivered).toBe(0);
  });

  it('signs every attempt afresh', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: fast });
    testing.inject({
      action: 'send',
      count: 2,
      kind: 'error',
      code: 'provider_unavailable',
      delivery: 'not_sent',
    });
    await mailer.send(message);
    expect(testing.signatures).toHaveLength(3);
    expect(new Set(testing.signatures).size).toBe(3);
  });

  it('turns a malformed body into a MailError, never a SyntaxError', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: fast });
    testing.inject({ action: 'send', kind: 'malformed' });
    const error = await rejectedMailError(mailer.send(message));
    expect(error).toMatchObject({ code: 'provider_unavailable', delivery: 'unknown', attempts: 1 });
  });
});
