/**
 * `@mailbridge/core/testing` as an application's unit tests use it: an outbox to assert on,
 * capabilities to narrow, faults to inject, and a reset between tests.
 */
import { describe, expect, it } from 'vitest';
import { createMailer } from '../src/index.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { createTestingProvider, TESTING_CAPABILITIES } from '../src/testing/testing.js';

const message = {
  from: 'Shop <noreply@example.com>',
  to: ['ann@example.com', 'bob@example.com'],
  cc: 'carol@example.com',
  subject: 'Order 42',
  html: '<p>Thanks</p>',
  text: 'Thanks',
  tags: ['orders'],
};

describe('createTestingProvider', () => {
  it('records each accepted send in the outbox, with every recipient', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    const result = await mailer.send(message);
    expect(result).toMatchObject({ provider: 'testing', attempts: 1 });
    expect(testing.outbox).toEqual([
      {
        action: 'send',
        messageId: result.messageId,
        from: 'noreply@example.com',
        to: ['ann@example.com', 'bob@example.com', 'carol@example.com'],
        subject: 'Order 42',
        html: '<p>Thanks</p>',
        text: 'Thanks',
        tags: ['orders'],
      },
    ]);
    expect(testing.delivered).toBe(1);
    expect(testing.requests).toEqual({ send: 1 });
  });

  it('records a template send with its data', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    await mailer.send({
      from: 'noreply@example.com',
      to: 'ann@example.com',
      subject: 'Welcome',
      template: { id: 7, data: { name: 'Ann' } },
    });
    expect(testing.outbox[0]?.template).toEqual({ id: 7, data: { name: 'Ann' } });
  });

  it('narrowed capabilities turn a field into `unsupported` before any request', async () => {
    const testing = createTestingProvider({
      id: 'strict',
      capabilities: {
        attachments: false,
        recipients: { ...TESTING_CAPABILITIES.recipients, cc: 0 },
      },
    });
    const mailer = createMailer(testing);
    const cc = await rejectedMailError(mailer.send(message));
    expect(cc).toMatchObject({ code: 'unsupported', provider: 'strict' });
    expect(cc.message).toContain('cc');
    const attachment = await rejectedMailError(
      mailer.send({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: [{ filename: 'a.txt', content: 'x' }],
      }),
    );
    expect(attachment.message).toContain('attachments');
    expect(testing.requests).toEqual({});
    expect(mailer.capabilities.provider).toBe('strict');
  });

  it('injects an error for the next N requests of one action, then behaves again', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: { retries: 0 } });
    testing.inject({ action: 'send', count: 2, kind: 'error', code: 'invalid_recipient' });
    const first = await rejectedMailError(mailer.send(message));
    expect(first).toMatchObject({
      code: 'invalid_recipient',
      retryable: false,
      delivery: 'not_sent',
      provider: 'testing',
      action: 'send',
      providerCode: 'invalid_recipient',
    });
    expect(first.requestId).toEqual(expect.any(String));
    await rejectedMailError(mailer.send(message));
    await expect(mailer.send(message)).resolves.toMatchObject({ attempts: 1 });
    expect(testing.delivered).toBe(1);
  });

  it('injects a fault for any action when no action is named', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: { retries: 0 } });
    testing.inject({ kind: 'error', code: 'auth' });
    expect((await rejectedMailError(mailer.groups.create({ name: 'g' }))).code).toBe('auth');
    await expect(mailer.groups.create({ name: 'g' })).resolves.toMatchObject({ name: 'g' });
  });

  it('a dropped answer delivers the message yet reports delivery unknown', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    testing.inject({ action: 'send', kind: 'drop' });
    const error = await rejectedMailError(mailer.send(message));
    expect(error).toMatchObject({ code: 'network', delivery: 'unknown' });
    expect(testing.delivered).toBe(1);
  });

  it('reset() forgets outbox, counts, groups and pending faults', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: { retries: 0 } });
    await mailer.send(message);
    await mailer.groups.create({ name: 'g' });
    testing.inject({ action: 'send', kind: 'error', code: 'rejected' });
    testing.reset();
    expect([testing.outbox.length, testing.delivered, testing.requests]).toEqual([0, 0, {}]);
    await expect(mailer.send(message)).resolves.toBeDefined();
    const groups = [];
    for await (const g of mailer.groups.list()) groups.push(g);
    expect(groups).toEqual([]);
  });

  it('keepOutbox: false counts deliveries without keeping them', async () => {
    const testing = createTestingProvider({ keepOutbox: false });
    const mailer = createMailer(testing);
    await mailer.send(message);
    await mailer.send(message);
    expect(testing.delivered).toBe(2);
    expect(testing.outbox).toEqual([]);
  });

  it('refuses a request signed with another secret, so fresh signing is really checked', async () => {
    const testing = createTestingProvider();
    const other = createTestingProvider();
    // A request built by another instance does not verify against this one.
    const op = other.send({
      from: { address: 'a@example.com' },
      to: [{ address: 'b@example.com' }],
      cc: [],
      bcc: [],
      replyTo: [],
      subject: 's',
      text: 't',
      attachments: [],
      headers: {},
      tags: [],
      tracking: {},
      providerOptions: {},
    });
    const request = await op.build({
      attempt: 1,
      signal: new AbortController().signal,
      now: Date.now,
      execute: () => Promise.reject(new Error('no pipeline in this unit test')),
    });
    const response = await testing.dispatch?.(request, undefined);
    expect(response?.status).toBe(401);
    expect(testing.delivered).toBe(0);
    expect(testing.secret).not.toBe(other.secret);
  });
});
