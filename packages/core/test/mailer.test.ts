/**
 * The Mailer's calls beyond a single send: sendMany under abort, sendBatch with schedules,
 * rate limits per action, the raw client, timeouts and the endpoint rule at construction.
 */
import { describe, expect, it } from 'vitest';
import {
  collect,
  createMailer,
  isMailError,
  type MessageInput,
  type RequestEvent,
} from '../src/index.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { createTestingProvider, TESTING_CAPABILITIES } from '../src/testing/testing.js';
import { echoProvider } from './helpers/http-provider.js';

function message(i: number): MessageInput {
  return { from: 'noreply@example.com', to: `u${i}@example.com`, subject: `Hi ${i}`, text: 'x' };
}

const HOUR = 3_600_000;

describe('sendMany and abort', () => {
  it('stops pulling input once aborted, yields what started, then rejects with aborted', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    testing.inject({ action: 'send', count: 1_000, kind: 'delay', ms: 10 });
    let pulled = 0;
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; i < 1_000; i++) {
          pulled += 1;
          yield message(i);
        }
      } finally {
        closed = true;
      }
    }
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await (async () => {
      for await (const result of mailer.sendMany(source(), {
        concurrency: 4,
        signal: controller.signal,
      })) {
        seen.push(result.index);
        if (seen.length === 8) controller.abort();
      }
    })().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isMailError(error) && error.code).toBe('aborted');
    expect(seen).toEqual(seen.map((_, i) => i));
    expect(pulled).toBeLessThan(8 + 4 * 4 + 2);
    expect(testing.delivered).toBeLessThan(30);
    expect(closed).toBe(true);
  });

  it('an abort after the last input still yields every result and ends normally', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    const controller = new AbortController();
    const results = await collect(
      mailer.sendMany([message(0), message(1)], { signal: controller.signal }),
    );
    controller.abort();
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
  });

  it('refuses a concurrency that is not a positive integer', () => {
    const mailer = createMailer(createTestingProvider());
    expect(() => mailer.sendMany([], { concurrency: 0 })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        issues: [expect.objectContaining({ path: ['options', 'concurrency'] })],
      }),
    );
  });
});

describe('sendBatch', () => {
  const batch = {
    from: 'Shop <noreply@example.com>',
    template: { id: 42 },
    subject: 'News',
  };

  it('sends a stored template to a stored group', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    const group = await mailer.groups.create({ name: 'g' });
    await mailer.groups.addRecipients(group.id, ['a@example.com', 'b@example.com']);
    const result = await mailer.sendBatch({ ...batch, group: group.id });
    expect(result).toMatchObject({ provider: 'testing', attempts: 1, scheduled: false });
    expect(result.batchId).toEqual(expect.any(String));
    expect(testing.outbox.map((e) => e.to[0])).toEqual(['a@example.com', 'b@example.com']);
  });

  it('schedules a timed and a recurring batch where the provider can', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    const group = await mailer.groups.create({ name: 'g' });
    await mailer.groups.addRecipients(group.id, ['a@example.com']);
    const at = new Date(Date.now() + HOUR);
    const timed = await mailer.sendBatch({ ...batch, group: group.id, schedule: { at } });
    const recurring = await mailer.sendBatch({
      ...batch,
      group: group.id,
      schedule: { at, every: { days: 7 }, times: 4 },
    });
    expect([timed.scheduled, recurring.scheduled]).toEqual([true, true]);
    expect(testing.delivered).toBe(0);
  });

  it('a schedule the provider cannot honour is unsupported, naming field and provider', async () => {
    const testing = createTestingProvider({
      id: 'notimer',
      capabilities: { schedule: { timed: true, recurring: false } },
    });
    const mailer = createMailer(testing);
    const at = new Date(Date.now() + HOUR);
    const error = await rejectedMailError(
      mailer.sendBatch({ ...batch, group: 'g', schedule: { at, every: { days: 1 } } }),
    );
    expect(error).toMatchObject({ code: 'unsupported', provider: 'notimer' });
    expect(error.message).toContain('schedule');
    expect(testing.requests['sendBatch']).toBeUndefined();
  });
});

describe('rate limits through the mailer', () => {
  const limited = (requests: number, perMs: number) =>
    createTestingProvider({
      capabilities: { rateLimits: { send: { requests, perMs, source: 'test' } } },
    });

  it('spaces sends by the capability limit of their action', async () => {
    const mailer = createMailer(limited(2, 400));
    const started = performance.now();
    for (let i = 0; i < 4; i++) await mailer.send(message(i));
    // Two go at once, the next two wait a refill of 200 ms each.
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('applies to sendMany, and a per-action override replaces the default', async () => {
    const slow = createMailer(limited(1, 200));
    const startedSlow = performance.now();
    await collect(slow.sendMany([message(0), message(1), message(2)], { concurrency: 3 }));
    expect(performance.now() - startedSlow).toBeGreaterThanOrEqual(350);

    const fast = createMailer(limited(1, 60_000), {
      rateLimits: { send: { requests: 1_000, perMs: 1_000, source: 'override' } },
    });
    const started = performance.now();
    await collect(fast.sendMany([message(0), message(1), message(2)]));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('aborting while waiting for a token fails at once and sends nothing more', async () => {
    const testing = limited(1, 60_000);
    const mailer = createMailer(testing);
    await mailer.send(message(0));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    const error = await rejectedMailError(mailer.send(message(1), { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(testing.requests['send']).toBe(1);
  });
});

describe('the rest of the Mailer', () => {
  it('runs raw calls through the same pipeline: hooks, retries, attempts', async () => {
    const testing = createTestingProvider();
    const requests: RequestEvent[] = [];
    const mailer = createMailer(testing, {
      retry: { minDelayMs: 1, maxDelayMs: 2 },
      hooks: { onRequest: (e) => requests.push(e) },
    });
    testing.inject({ action: 'listGroups', kind: 'drop' });
    const page = await mailer.raw.call('listGroups', { pageSize: 5 });
    expect(page).toMatchObject({ items: [] });
    expect(requests.map((r) => [r.action, r.attempt])).toEqual([
      ['listGroups', 1],
      ['listGroups', 2],
    ]);
  });

  it('times out an in-process provider the same way as HTTP', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { timeoutMs: 50, retry: { retries: 0 } });
    testing.inject({ action: 'send', kind: 'delay', ms: 5_000 });
    const started = performance.now();
    const error = await rejectedMailError(mailer.send(message(0)));
    expect(error).toMatchObject({ code: 'timeout', delivery: 'unknown', attempts: 1 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('an abort while an in-process provider is answering is unknown, the same as HTTP', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: { retries: 0 } });
    testing.inject({ action: 'send', kind: 'delay', ms: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await rejectedMailError(mailer.send(message(0), { signal: controller.signal }));
    // The request was handed over: it may have been acted on, so a resend is not safe.
    expect(error).toMatchObject({ code: 'aborted', delivery: 'unknown', attempts: 1 });
    expect(testing.requests['send']).toBe(1);
  });

  it('exposes capabilities and the provider id; close() may be called twice', async () => {
    const mailer = createMailer(echoProvider('http://127.0.0.1:9'));
    expect(mailer.provider).toBe('echo');
    expect(mailer.capabilities.recipients.to).toBe(TESTING_CAPABILITIES.recipients.to);
    await mailer.close();
    await expect(mailer.close()).resolves.toBeUndefined();
  });

  it('refuses a plain-http endpoint off loopback at construction', () => {
    let error: unknown;
    try {
      createMailer(echoProvider('http://mail.example.com'));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'invalid_input', provider: 'echo' });
  });
});
