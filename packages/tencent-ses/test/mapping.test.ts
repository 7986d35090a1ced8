import type { Batch, Message } from '@mailbridge/core';
import { prepareBatch, prepareMessage } from '@mailbridge/core/provider';
import { thrownMailError as fails } from '@mailbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { TENCENT_SES_ACTIONS } from '../src/actions.js';
import { batchParams, sendParams } from '../src/mapping.js';
import { tencentSes } from '../src/provider.js';
import { formatChinaTime, parseChinaTime } from '../src/time.js';

type Over = { readonly [K in keyof Message]?: Message[K] | undefined };

const message = (over: Over = {}): Message => {
  const merged: Record<string, unknown> = { ...base, ...over };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as unknown as Message;
};

const base: Message = {
  from: { address: 'noreply@mail.example.com' },
  to: [{ address: 'a@example.com' }],
  cc: [],
  bcc: [],
  replyTo: [],
  subject: 'Hello',
  template: { id: 100001, data: { name: 'Ann' } },
  attachments: [],
  headers: {},
  tags: [],
  tracking: {},
  providerOptions: {},
};

const batch = (over: Partial<Batch> = {}): Batch => ({
  from: { address: 'noreply@mail.example.com', name: 'Shop' },
  group: '42',
  template: { id: 100002 },
  subject: 'News',
  tags: [],
  tracking: {},
  providerOptions: {},
  ...over,
});

const credentials = { id: 'AKIDtest', secret: 'test-key' };

/** Every check core and the adapter run before a send: what `mailer.send` meets. */
function validateMessage(m: Message, allowRawContent: boolean): void {
  prepareMessage(tencentSes({ region: 'ap-guangzhou', credentials, allowRawContent }), m);
}

/** Every check before a batch at `now`: what `mailer.sendBatch` meets (a native schedule kept). */
function validateBatch(b: Batch, now = Date.now()): void {
  const { schedule, ...rest } = b;
  prepareBatch(tencentSes({ region: 'ap-guangzhou', credentials }), rest, now, schedule);
}

describe('send -> SendEmail', () => {
  it('maps every field to the exact JSON body', () => {
    const params = sendParams(
      message({
        from: { address: 'noreply@mail.example.com', name: '商店 Shop 😀' },
        to: [{ address: 'a@example.com' }, { address: 'b@example.com' }],
        cc: [{ address: 'c@example.com' }],
        bcc: [{ address: 'd@example.com' }],
        replyTo: [{ address: 'help@example.com' }],
        subject: '欢迎 😀',
        template: { id: '100001', data: { name: '安', n: 3, ok: true } },
        attachments: [{ filename: 'a.txt', content: new TextEncoder().encode('hi 你好') }],
        providerOptions: {
          'tencent-ses': {
            unsubscribe: 'en',
            triggerType: 'transactional',
            smtpMessageId: '<x@y>',
          },
        },
      }),
    );
    expect(JSON.stringify(params)).toBe(
      JSON.stringify({
        FromEmailAddress: '商店 Shop 😀 <noreply@mail.example.com>',
        Destination: ['a@example.com', 'b@example.com'],
        Subject: '欢迎 😀',
        ReplyToAddresses: 'help@example.com',
        Cc: ['c@example.com'],
        Bcc: ['d@example.com'],
        Template: { TemplateID: 100001, TemplateData: '{"name":"安","n":"3","ok":"true"}' },
        Attachments: [{ FileName: 'a.txt', Content: Buffer.from('hi 你好').toString('base64') }],
        Unsubscribe: '2',
        TriggerType: 1,
        SmtpMessageId: '<x@y>',
      }),
    );
    expect(typeof params.Template?.TemplateData).toBe('string');
  });

  it('sends raw html and text as base64 Simple', () => {
    const params = sendParams(message({ template: undefined, html: '<p>你好</p>', text: '你好' }));
    expect(params.Simple).toEqual({
      Html: Buffer.from('<p>你好</p>').toString('base64'),
      Text: Buffer.from('你好').toString('base64'),
    });
    expect(params.Template).toBeUndefined();
  });

  it.each([
    ['zh-CN', '1'],
    ['en', '2'],
    ['none', '0'],
  ] as const)('unsubscribe %s is the string digit %s', (unsubscribe, digit) => {
    expect(
      sendParams(message({ providerOptions: { 'tencent-ses': { unsubscribe } } })).Unsubscribe,
    ).toBe(digit);
  });

  it('bulk trigger type is 0', () => {
    expect(
      sendParams(message({ providerOptions: { 'tencent-ses': { triggerType: 'bulk' } } }))
        .TriggerType,
    ).toBe(0);
  });

  it('refuses raw content unless the account is allowed it, naming field and provider', () => {
    const raw = message({ template: undefined, html: '<p>x</p>' });
    const error = fails(() => validateMessage(raw, false));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('html');
    expect(error.message).toContain('tencent-ses');
    expect(error.message).toContain('set allowRawContent');
    expect(() => validateMessage(raw, true)).not.toThrow();
  });

  it.each([
    [
      'an alias with a colon',
      { from: { address: 'n@mail.example.com', name: 'a:b' } },
      'from.name',
    ],
    ['bcc repeating to', { bcc: [{ address: 'A@example.com' }] }, 'bcc.0'],
    ['a template name', { template: { id: 'welcome' } }, 'template.id'],
    ['a template id of 20 digits', { template: { id: '12345678901234567890' } }, 'template.id'],
    ['no content', { template: undefined }, ''],
    [
      'an unknown provider option',
      { providerOptions: { 'tencent-ses': { unsubscribe: 'xx' } } },
      'providerOptions',
    ],
  ] as const)('rejects %s as invalid_input', (_what, over, path) => {
    const error = fails(() => validateMessage(message(over), false));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((i) => i.path.join('.')).join(' ')).toContain(path);
  });

  it('bounds attachment names and the whole email, attachments included, to 4 MB', () => {
    const mb = (n: number) => new Uint8Array(n * 1024 * 1024);
    const long = fails(() =>
      validateMessage(
        message({
          attachments: [{ filename: `${'名'.repeat(252)}.txt`, content: new Uint8Array(1) }],
        }),
        false,
      ),
    );
    expect(long.issues[0]?.path).toEqual(['attachments', 0, 'filename']);
    const raw = {
      template: undefined,
      html: `<p>${'x'.repeat(3 * 1024 * 1024)}</p>`,
      attachments: [{ filename: 'a.bin', content: mb(1) }],
    };
    const big = fails(() => validateMessage(message(raw), true));
    expect(big.code).toBe('invalid_input');
    expect(big.issues[0]?.path).toEqual(['attachments']);
    expect(() =>
      validateMessage(
        message({ ...raw, attachments: [{ filename: 'a.bin', content: new Uint8Array(1) }] }),
        true,
      ),
    ).not.toThrow();
  });

  it('cannot carry display names of recipients', () => {
    const error = fails(() =>
      validateMessage(message({ cc: [{ address: 'c@example.com', name: 'Cy' }] }), false),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('cc.name');
  });

  it('rejects batch-only options on a message', () => {
    const error = fails(() =>
      validateMessage(
        message({ providerOptions: { 'tencent-ses': { adLocation: 'after' } } }),
        false,
      ),
    );
    expect(error.code).toBe('unsupported');
  });
});

describe('sendBatch -> BatchSendEmail', () => {
  it('sends now as TaskType 1', () => {
    expect(batchParams(batch({ replyTo: { address: 'r@example.com' } }))).toEqual({
      FromEmailAddress: 'Shop <noreply@mail.example.com>',
      ReceiverId: 42,
      Subject: 'News',
      TaskType: 1,
      ReplyToAddresses: 'r@example.com',
      Template: { TemplateID: 100002, TemplateData: '{}' },
    });
  });

  it('schedules {at} as TaskType 2 in UTC+8, across midnight UTC', () => {
    const params = batchParams(batch({ schedule: { at: new Date('2024-03-01T17:30:05Z') } }));
    expect(params).toMatchObject({ TaskType: 2, TimedParam: { BeginTime: '2024-03-02 01:30:05' } });
    expect(params.CycleParam).toBeUndefined();
  });

  it('rounds a fractional second up, so `at` never lands before itself', () => {
    const params = batchParams(batch({ schedule: { at: new Date('2024-03-01T17:30:05.100Z') } }));
    expect(params.TimedParam).toEqual({ BeginTime: '2024-03-02 01:30:06' });
  });

  it('sends a recurring schedule of one run (`times: 1`) as a timed task', () => {
    const at = new Date('2024-03-01T00:00:00Z');
    const schedule = { at, every: { days: 7 }, times: 1 };
    expect(() => validateBatch(batch({ schedule }))).not.toThrow();
    const params = batchParams(batch({ schedule }));
    expect(params).toMatchObject({ TaskType: 2, TimedParam: { BeginTime: '2024-03-01 08:00:00' } });
    expect(params.CycleParam).toBeUndefined();
  });

  it('repeats {at, every} as TaskType 3 with IntervalTime in hours', () => {
    const params = batchParams(
      batch({
        schedule: { at: new Date('2024-12-31T16:00:00Z'), every: { days: 2 } },
        providerOptions: {
          'tencent-ses': {
            unsubscribe: 'zh-CN',
            adLocation: 'before',
            templateData: { title: 'T' },
          },
        },
      }),
    );
    expect(params).toMatchObject({
      TaskType: 3,
      CycleParam: { BeginTime: '2025-01-01 00:00:00', IntervalTime: 48, TermCycle: 0 },
      Template: { TemplateID: 100002, TemplateData: '{"title":"T"}' },
      Unsubscribe: '1',
      ADLocation: 1,
    });
  });

  it('repeats {at, every: {hours}} with IntervalTime in hours as given', () => {
    const params = batchParams(
      batch({ schedule: { at: new Date('2024-12-31T16:00:00Z'), every: { hours: 6 } } }),
    );
    expect(params).toMatchObject({ TaskType: 3, CycleParam: { IntervalTime: 6, TermCycle: 0 } });
  });

  it.each([
    ['a non-numeric group', { group: 'news' }, 'group'],
    ['a missing subject', { subject: undefined }, 'subject'],
    ['a template id of 20 digits', { template: { id: '12345678901234567890' } }, 'template.id'],
    ['a subject over 100 characters', { subject: 'x'.repeat(101) }, 'subject'],
  ] as const)('rejects %s', (_what, over, path) => {
    const error = fails(() => validateBatch(batch(over as Partial<Batch>)));
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path.join('.')).toBe(path);
  });

  it('has no run count: `times` is unsupported', () => {
    const at = new Date(Date.now() + 1e6);
    const error = fails(() =>
      validateBatch(batch({ schedule: { at, every: { days: 1 }, times: 3 } })),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('schedule.times');
  });
});

// The neutral operations skip the request schema (client.ts `mappedOperation`): whatever the
// mapping builds from a message or batch its checks accepted must satisfy that schema.
describe('mapped params satisfy the request schemas', () => {
  const many = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ address: `${prefix}${i}@example.com` }));
  const messages: Message[] = [
    message(),
    message({ template: { id: '7' } }),
    message({ template: undefined, html: '<p>hi</p>', text: 'hi' }),
    message({
      from: { address: 'noreply@mail.example.com', name: '商店' },
      to: many(50, 't'),
      cc: many(20, 'c'),
      bcc: many(20, 'b'),
      replyTo: [{ address: 'r@example.com' }],
      attachments: Array.from({ length: 10 }, (_, i) => ({
        filename: `${'名'.repeat(250)}${i}.txt`,
        content: new Uint8Array([i + 1]),
      })),
      providerOptions: {
        'tencent-ses': {
          unsubscribe: 'zh-CN',
          triggerType: 'bulk',
          smtpMessageId: '<a@b>',
          smtpHeaders: '{"X-A":"1"}',
          headerFrom: 'Shop <noreply@mail.example.com>',
        },
      },
    }),
  ];
  it.each(messages.map((m, i) => [i, m] as const))('SendEmail, message %i', (_i, m) => {
    validateMessage(m, true);
    const checked = TENCENT_SES_ACTIONS.SendEmail.request.safeParse(sendParams(m));
    expect(checked.error?.issues).toBeUndefined();
  });

  const at = new Date(Date.now() + 3_600_000);
  it.each([
    ['now', batch()],
    ['timed', batch({ schedule: { at } })],
    ['recurring', batch({ schedule: { at, every: { days: 2 } } })],
    [
      'with options',
      batch({
        providerOptions: {
          'tencent-ses': { unsubscribe: 'en', adLocation: 'before', templateData: { a: '1' } },
        },
      }),
    ],
  ] as const)('BatchSendEmail, %s', (_name, b) => {
    validateBatch(b);
    const checked = TENCENT_SES_ACTIONS.BatchSendEmail.request.safeParse(batchParams(b));
    expect(checked.error?.issues).toBeUndefined();
  });
});

describe('China Standard Time', () => {
  it('formats and parses UTC+8 wall time', () => {
    expect(formatChinaTime(new Date('2024-01-01T00:00:00Z'))).toBe('2024-01-01 08:00:00');
    expect(formatChinaTime(new Date('2023-12-31T16:00:00Z'))).toBe('2024-01-01 00:00:00');
    expect(formatChinaTime(new Date('2023-12-31T15:59:59Z'))).toBe('2023-12-31 23:59:59');
    expect(parseChinaTime('2024-01-01 00:00:00')?.toISOString()).toBe('2023-12-31T16:00:00.000Z');
    expect(parseChinaTime('2024-01-01T00:00:00')).toBeUndefined();
  });
});
