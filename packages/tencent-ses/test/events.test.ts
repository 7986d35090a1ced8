/**
 * Tencent SES callbacks (docs/providers/events.md §2): every documented event type and every
 * documented field, read into the neutral event; wrong types and bad bodies are clear errors.
 */
import { thrownMailError } from '@mailbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, parseEvents } from '../src/events.js';

const MESSAGE_ID = 'qcloudses-30-4123414323-date-20210101094334-syNARhMTbKI1';
const base = { email: 'ann@example.com', bulkId: MESSAGE_ID, timestamp: 1714360024 };

describe('Tencent event types', () => {
  it.each([
    ['processed', 'processed'],
    ['deferred', 'deferred'],
    ['delivered', 'delivered'],
    ['dropped', 'dropped'],
    ['bounce', 'bounced'],
    ['open', 'opened'],
    ['click', 'clicked'],
    ['spamreport', 'complained'],
    ['unsubscribe', 'unsubscribed'],
    ['some_new_type', 'unknown'],
  ])('%s → %s, provider type kept verbatim', (type, kind) => {
    const [event] = parseEvents(JSON.stringify({ ...base, event: type }));
    expect(event).toMatchObject({
      provider: 'tencent-ses',
      kind,
      providerType: type,
      recipient: 'ann@example.com',
      messageId: MESSAGE_ID,
      at: new Date(1714360024 * 1000),
    });
  });

  it('the kind table covers exactly the documented types', () => {
    expect(Object.keys(EVENT_KINDS).sort()).toEqual([
      'bounce',
      'click',
      'deferred',
      'delivered',
      'dropped',
      'open',
      'processed',
      'spamreport',
      'unsubscribe',
    ]);
  });
});

describe('Tencent event fields', () => {
  it.each([
    ['hard_bounce', 'hard'],
    ['soft_bounce', 'soft'],
    ['hard', 'hard'],
    ['soft', 'soft'],
  ])('bounceType %s → %s', (bounceType, bounce) => {
    const [event] = parseEvents({ ...base, event: 'bounce', bounceType });
    expect(event?.bounce).toBe(bounce);
  });

  it('an unknown bounceType leaves the bounce unqualified, not guessed', () => {
    const [event] = parseEvents({ ...base, event: 'bounce', bounceType: 'weird' });
    expect(event?.kind).toBe('bounced');
    expect(event?.bounce).toBeUndefined();
  });

  it('reads the bulkid spelling of the doc table as the message id', () => {
    const [event] = parseEvents({
      event: 'delivered',
      email: 'a@example.com',
      bulkid: MESSAGE_ID,
      timestamp: 1,
    });
    expect(event?.messageId).toBe(MESSAGE_ID);
  });

  it('carries reason with its SMTP code, link, user agent and the custom callback value', () => {
    const body = {
      ...base,
      event: 'click',
      reason: '551 5.1.1 user unknown',
      link: 'https://shop.example.com/p/1',
      useragent: 'Mozilla/5.0',
      'X-Tencentcloudses-Cb-Custom': 'order-42',
    };
    const [event] = parseEvents(body);
    expect(event).toMatchObject({
      reason: '551 5.1.1 user unknown',
      smtpCode: '551',
      url: 'https://shop.example.com/p/1',
      userAgent: 'Mozilla/5.0',
      headers: { 'X-Tencentcloudses-Cb-Custom': 'order-42' },
    });
  });

  it('keeps every other documented field in raw and checks its type', () => {
    const body = {
      ...base,
      event: 'delivered',
      username: '1250000000',
      from: 'noreply@mail.example.com',
      fromDomain: 'mail.example.com',
      templateId: 12345,
      subject: 'Welcome',
      messageId: '<abc@mail.example.com>',
      eventid: 1,
      taskId: 77,
      sentTimestamp: 1714360000,
      someFieldNotDocumentedYet: { nested: true },
    };
    const [event] = parseEvents(JSON.stringify(body));
    expect(event?.raw).toEqual(body);
    // The RFC 5322 Message-ID is not the API id.
    expect(event?.messageId).toBe(MESSAGE_ID);
  });

  it('redeliveries of one event share an id; different events do not', () => {
    const a = parseEvents({ ...base, event: 'open' })[0]?.id;
    const b = parseEvents({ ...base, event: 'open' })[0]?.id;
    const c = parseEvents({ ...base, event: 'click', link: 'https://x.example' })[0]?.id;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('two clicks on different links in the same second are two events, not one redelivery', () => {
    const click = (link: string) => parseEvents({ ...base, event: 'click', link })[0]?.id;
    expect(click('https://shop.example.com/a')).not.toBe(click('https://shop.example.com/b'));
    expect(click('https://shop.example.com/a')).toBe(click('https://shop.example.com/a'));
  });

  it('reads an array of events', () => {
    const events = parseEvents([
      { ...base, event: 'delivered' },
      { ...base, event: 'open' },
    ]);
    expect(events.map((e) => e.kind)).toEqual(['delivered', 'opened']);
  });
});

describe('bad Tencent bodies are clear invalid_input errors', () => {
  it.each([
    ['not JSON', '{"event":', []],
    ['not an object', '"delivered"', []],
    ['no event', { email: 'a@example.com' }, ['event']],
    ['event not a string', { event: 3 }, ['event']],
    ['timestamp as a string', { ...base, event: 'open', timestamp: '1714360024' }, ['timestamp']],
    ['timestamp with a fraction', { ...base, event: 'open', timestamp: 1.5 }, ['timestamp']],
    [
      'timestamp out of the Date range',
      { ...base, event: 'open', timestamp: 2 ** 52 },
      ['timestamp'],
    ],
    ['templateId as a string', { ...base, event: 'open', templateId: '5' }, ['templateId']],
    ['bad array item', [{ ...base, event: 'open' }, 7], [1]],
  ])('%s', (_name, body, path) => {
    const error = thrownMailError(() => parseEvents(body));
    expect(error).toMatchObject({ code: 'invalid_input', provider: 'tencent-ses' });
    expect(error.issues[0]?.path).toEqual(path.map(String));
  });
});
