/**
 * DirectMail events (docs/providers/events.md §3): every documented type and field of the
 * EventBridge CloudEvent, the bare `data` object (MNS queue target), the legacy MNS form body,
 * zone-less local times, and clear errors for bad bodies.
 */
import { thrownMailError } from '@mailbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, parseEvents } from '../src/events.js';
import { localTimeToDate, offsetOf } from '../src/time.js';

/** The documented delivery-failure sample, restated. */
const failData = {
  header: { 'X-Notify-Message-ID': 'order-42', 'X-User-Notify-Campaign': 'winter' },
  env_id: '600000000000000123',
  msg_id: '<20240429110704.1@mail.example.com>',
  account: 'noreply@mail.example.com',
  from: 'noreply@mail.example.com',
  rcpt: 'nobody@example.org',
  channel_name: 'api',
  outbound_ip: '203.0.113.9',
  send_time: '2024-04-29T11:07:04',
  deliver_time: '2024-04-29T11:07:05',
  status: '2',
  event: 'dm:Deliver:Fail',
  region: 'cn-hangzhou',
  err_code: '554',
  err_msg: '554 5.1.1 mailbox not found',
  failed_type: 'SmtpNxBox',
  esp: 'example.org',
  ip_pool_id: '',
  is_dedicated_ip: false,
  tag: 'welcome',
};

function cloudEvent(type: string, data: object, time = '2024-04-29T11:07:12+08:00') {
  return {
    specversion: '1.0',
    id: `evt-${type}`,
    source: 'acs:dm',
    type,
    subject: 'acs:dm:cn-hangzhou:1234567890:*',
    time,
    aliyunaccountid: '1234567890',
    aliyunpublishtime: '2024-04-29T03:07:12.123Z',
    data,
  };
}

describe('DirectMail event types', () => {
  it.each([
    ['dm:Deliver:Succeed', 'delivered'],
    ['dm:Deliver:Fail', 'bounced'],
    ['dm:Feedback:FblReport', 'complained'],
    ['dm:Feedback:UnSubscribe', 'unsubscribed'],
    ['dm:Feedback:Subscribe', 'subscribed'],
    ['dm:Trace:Open', 'opened'],
    ['dm:Trace:Click', 'clicked'],
    ['dm:Validator:GrayListResult', 'unknown'],
    ['dm:Something:New', 'unknown'],
  ])('CloudEvent %s → %s', (type, kind) => {
    const [event] = parseEvents(JSON.stringify(cloudEvent(type, { ...failData, event: type })));
    expect(event).toMatchObject({
      provider: 'aliyun-dm',
      kind,
      providerType: type,
      id: `evt-${type}`,
    });
  });

  it.each([
    ['Deliver:SendSuccessfully', 'delivered'],
    ['Deliver:SendFailed', 'bounced'],
    ['Deliver:Open', 'opened'],
    ['Deliver:Click', 'clicked'],
  ])('legacy MNS %s → %s', (type, kind) => {
    const body = `X-Notify-Message-ID=m1&env_id=12769055421&msg_id=m1%40example.com&account=a%40example.com&from=a%40example.com&rcpt=b%40example.com&recv_time=2017-03-29%2014%3A22%3A01&event=${encodeURIComponent(type)}`;
    const [event] = parseEvents(body);
    expect(event).toMatchObject({
      kind,
      providerType: type,
      recipient: 'b@example.com',
      messageId: '12769055421',
      at: new Date('2017-03-29T06:22:01Z'),
    });
  });

  it('legacy MNS form: + is a space and %2B a plus, as in any form body', () => {
    const body =
      'env_id=1&rcpt=b%2Btag%40example.com&recv_time=2017-03-29+14%3A22%3A01&event=Deliver%3AOpen';
    const [event] = parseEvents(body);
    expect(event).toMatchObject({
      kind: 'opened',
      recipient: 'b+tag@example.com',
      at: new Date('2017-03-29T06:22:01Z'),
    });
  });

  it('the kind table covers the documented types (Validator has no neutral meaning: unknown)', () => {
    expect(Object.keys(EVENT_KINDS)).toHaveLength(11);
  });
});

describe('DirectMail event fields', () => {
  it('reads every field of the failure sample', () => {
    const envelope = cloudEvent('dm:Deliver:Fail', failData);
    const [event] = parseEvents(envelope);
    expect(event).toEqual({
      provider: 'aliyun-dm',
      kind: 'bounced',
      providerType: 'dm:Deliver:Fail',
      id: 'evt-dm:Deliver:Fail',
      recipient: 'nobody@example.org',
      messageId: '600000000000000123',
      // 11:07:05 local at +08:00 (the envelope's offset).
      at: new Date('2024-04-29T03:07:05Z'),
      bounce: 'hard',
      reason: '554 5.1.1 mailbox not found',
      smtpCode: '554',
      tags: ['welcome'],
      headers: { 'X-Notify-Message-ID': 'order-42', 'X-User-Notify-Campaign': 'winter' },
      raw: envelope,
    });
  });

  it('a failure that is not about the address is a soft bounce', () => {
    const data = { ...failData, status: '4', failed_type: 'SmtpTimeout' };
    expect(parseEvents(cloudEvent('dm:Deliver:Fail', data))[0]?.bounce).toBe('soft');
  });

  it('accepts source acs.dm, envid, an integer env_id above 2^53 and one below', () => {
    const { env_id: _drop, ...rest } = failData;
    const a = parseEvents({
      ...cloudEvent('dm:Deliver:Succeed', { ...rest, envid: '77' }),
      source: 'acs.dm',
    });
    expect(a[0]?.messageId).toBe('77');
    const big = JSON.stringify(cloudEvent('dm:Deliver:Succeed', rest)).replace(
      '"data":{',
      '"data":{"env_id":600000000000000123,',
    );
    expect(parseEvents(big)[0]?.messageId).toBe('600000000000000123');
    expect(
      parseEvents(cloudEvent('dm:Deliver:Succeed', { ...rest, env_id: 12 }))[0]?.messageId,
    ).toBe('12');
  });

  it('reads the bare data object an MNS queue target carries', () => {
    const [event] = parseEvents(
      JSON.stringify({ ...failData, event: 'dm:Deliver:Succeed', status: '0' }),
    );
    expect(event).toMatchObject({
      kind: 'delivered',
      recipient: 'nobody@example.org',
      // No envelope: the data's region (cn-hangzhou, UTC+8) gives the zone.
      at: new Date('2024-04-29T03:07:05Z'),
    });
    expect(event?.id).toContain('600000000000000123');
  });

  it('complaint fields (unconfirmed shape): block_email, block_time in epoch seconds', () => {
    const data = {
      block_email: 'ann@example.com',
      send_email: 'noreply@mail.example.com',
      block_time: 1714360024,
      message_id: '<x@y>',
    };
    const [event] = parseEvents(cloudEvent('dm:Feedback:FblReport', data));
    expect(event).toMatchObject({
      kind: 'complained',
      recipient: 'ann@example.com',
      at: new Date(1714360024 * 1000),
    });
  });

  it('subscribe operate_time: a local string or epoch seconds', () => {
    const a = parseEvents(
      cloudEvent('dm:Feedback:Subscribe', {
        rcpt: 'a@example.com',
        operate_time: '2024-04-29 12:00:00',
      }),
    );
    expect(a[0]?.at).toEqual(new Date('2024-04-29T04:00:00Z'));
    const b = parseEvents(
      cloudEvent('dm:Feedback:UnSubscribe', { rcpt: 'a@example.com', operate_time: 1714360024 }),
    );
    expect(b[0]).toMatchObject({ kind: 'unsubscribed', at: new Date(1714360024 * 1000) });
  });

  it('click url and user agent when present', () => {
    const data = {
      rcpt: 'a@example.com',
      env_id: '5',
      url: 'https://shop.example.com',
      user_agent: 'UA/1',
    };
    expect(parseEvents(cloudEvent('dm:Trace:Click', data))[0]).toMatchObject({
      url: 'https://shop.example.com',
      userAgent: 'UA/1',
    });
  });

  it('falls back to the envelope time when data has none', () => {
    const [event] = parseEvents(cloudEvent('dm:Trace:Open', { rcpt: 'a@example.com' }));
    expect(event?.at).toEqual(new Date('2024-04-29T03:07:12Z'));
  });
});

describe('zone-less DirectMail times', () => {
  it.each([
    // Envelope offsets win: the same clock wrote both.
    ['2024-04-29T11:07:04', 480, '2024-04-29T03:07:04.000Z'],
    ['2024-04-29 11:07:04', 0, '2024-04-29T11:07:04.000Z'],
    ['2024-04-29T11:07:04', -300, '2024-04-29T16:07:04.000Z'],
    // Region zones, DST included.
    ['2024-07-01T12:00:00', 'Europe/Berlin', '2024-07-01T10:00:00.000Z'],
    ['2024-01-15T12:00:00', 'Europe/Berlin', '2024-01-15T11:00:00.000Z'],
    ['2024-07-01T12:00:00', 'America/New_York', '2024-07-01T16:00:00.000Z'],
    ['2024-01-15T12:00:00', 'Asia/Singapore', '2024-01-15T04:00:00.000Z'],
    // Within hours of a DST switch, the offset is the one in force at the instant itself.
    ['2024-03-10T03:30:00', 'America/New_York', '2024-03-10T07:30:00.000Z'],
    ['2024-10-27T01:30:00', 'Europe/Berlin', '2024-10-26T23:30:00.000Z'],
  ])('%s at %s → %s', (text, zone, iso) => {
    expect(localTimeToDate(text, zone)?.toISOString()).toBe(iso);
  });

  it('a region in the subject picks its zone when the envelope time has no offset', () => {
    const envelope = {
      ...cloudEvent('dm:Deliver:Succeed', failData, ''),
      subject: 'acs:dm:eu-central-1:1:*',
    };
    delete (envelope as { time?: string }).time;
    const data = { ...failData, region: undefined };
    const [event] = parseEvents({ ...envelope, data });
    expect(event?.at?.toISOString()).toBe('2024-04-29T09:07:05.000Z');
  });

  it('reads offsets of ISO times', () => {
    expect(offsetOf('2024-04-29T11:07:12+08:00')).toBe(480);
    expect(offsetOf('2024-04-29T11:07:12Z')).toBe(0);
    expect(offsetOf('2024-04-29T11:07:12-0330')).toBe(-210);
    expect(offsetOf('2024-04-29T11:07:12')).toBeUndefined();
  });
});

describe('bad DirectMail bodies are clear invalid_input errors', () => {
  it.each([
    ['not JSON', '{"specversion":', []],
    ['a number', '42', []],
    ['no type', { specversion: '1.0', data: {} }, ['type']],
    ['data not an object', { specversion: '1.0', type: 'dm:Trace:Open', data: 'x' }, ['data']],
    [
      'is_dedicated_ip as a string',
      cloudEvent('dm:Deliver:Fail', { ...failData, is_dedicated_ip: 'false' }),
      ['data', 'is_dedicated_ip'],
    ],
    [
      'status as a number',
      cloudEvent('dm:Deliver:Fail', { ...failData, status: 2 }),
      ['data', 'status'],
    ],
    [
      'header values not strings',
      cloudEvent('dm:Deliver:Fail', { ...failData, header: { a: 1 } }),
      ['data', 'header', 'a'],
    ],
    [
      'a time that is not one',
      cloudEvent('dm:Deliver:Fail', { ...failData, deliver_time: 'yesterday' }),
      ['data', 'deliver_time'],
    ],
  ])('%s', (_name, body, path) => {
    const error = thrownMailError(() => parseEvents(body));
    expect(error).toMatchObject({ code: 'invalid_input', provider: 'aliyun-dm' });
    expect(error.issues[0]?.path).toEqual(path);
  });
});
