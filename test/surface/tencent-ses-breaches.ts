/**
 * Random raw SES requests that each break exactly one documented limit of
 * docs/providers/tencent-ses-limits.md, starting from the valid samples: what the limit is
 * called (`param`) and the figure or rule the error must state (`limit`).
 */
import fc from 'fast-check';
import { TENCENT_SAMPLES } from './tencent-ses-samples.js';

/** One request that breaks one limit. */
export interface Breach {
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly param: string;
  readonly limit: string;
}

const send = TENCENT_SAMPLES.SendEmail ?? {};
const batch = TENCENT_SAMPLES.BatchSendEmail ?? {};
const addresses = (n: number, prefix = 'u') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
/** `n` characters of mixed widths: 1-4 UTF-8 bytes, 1-2 UTF-16 units, one code point each. */
const text = (min: number, max: number) =>
  fc
    .array(fc.constantFrom('a', 'é', '中', '😀', ' '), { minLength: min, maxLength: max })
    .map((cs) => cs.join(''));
const b64 = (s: string) => Buffer.from(s).toString('base64');
const attachment = { FileName: 'a.txt', Content: b64('hello') };

const breach = (
  action: string,
  param: string,
  limit: string,
  params: fc.Arbitrary<Readonly<Record<string, unknown>>>,
): [string, fc.Arbitrary<Breach>] => [
  `${action}.${param}: ${limit}`,
  params.map((p) => ({ action, params: p, param, limit })),
];

/** Each documented limit with a generator of requests that break it. */
export const BREACHES: readonly [string, fc.Arbitrary<Breach>][] = [
  breach(
    'SendEmail',
    'Destination',
    '50',
    fc.integer({ min: 51, max: 120 }).map((n) => ({ ...send, Destination: addresses(n) })),
  ),
  breach(
    'SendEmail',
    'Cc',
    '20',
    fc.integer({ min: 21, max: 60 }).map((n) => ({ ...send, Cc: addresses(n, 'c') })),
  ),
  breach(
    'SendEmail',
    'Bcc',
    '20',
    fc.integer({ min: 21, max: 60 }).map((n) => ({ ...send, Bcc: addresses(n, 'b') })),
  ),
  breach(
    'SendEmail',
    'Destination',
    'Destination, Cc, Bcc',
    fc.constantFrom([], undefined).map((d) => ({ ...send, Destination: d })),
  ),
  breach(
    'SendEmail',
    'Bcc',
    'must not repeat',
    fc.tuple(fc.integer({ min: 1, max: 50 }), fc.nat(), fc.boolean()).map(([n, pick, upper]) => {
      const to = addresses(n);
      const dup = to[pick % n] ?? '';
      return { ...send, Destination: to, Bcc: [upper ? dup.toUpperCase() : dup] };
    }),
  ),
  breach(
    'SendEmail',
    'Subject',
    '998',
    text(999, 1100).map((Subject) => ({ ...send, Subject })),
  ),
  breach('SendEmail', 'Subject', '1-998', fc.constant({ ...send, Subject: '' })),
  breach(
    'SendEmail',
    'FromEmailAddress',
    'no : in the alias',
    fc
      .tuple(text(0, 10), text(0, 10))
      .map(([a, b]) => ({ ...send, FromEmailAddress: `${a}:${b} <noreply@mail.example.com>` })),
  ),
  breach(
    'SendEmail',
    'Template',
    'MissingEmailContent',
    fc.constant({ ...send, Template: undefined }),
  ),
  breach(
    'SendEmail',
    'TemplateData',
    'JSON object',
    fc
      .oneof(fc.constantFrom('[1]', 'null', '"x"', '{"n":1}', '{'), text(1, 20))
      .map((TemplateData) => ({
        ...send,
        Template: { TemplateID: 100001, TemplateData },
      })),
  ),
  breach(
    'SendEmail',
    'Attachments',
    '10',
    fc
      .integer({ min: 11, max: 20 })
      .map((n) => ({ ...send, Attachments: Array(n).fill(attachment) })),
  ),
  breach(
    'SendEmail',
    'FileName',
    '255',
    text(256, 400).map((FileName) => ({ ...send, Attachments: [{ ...attachment, FileName }] })),
  ),
  breach(
    'SendEmail',
    'Content',
    'base64',
    fc
      .constantFrom('not base64!', 'abc', '====', 'YQ=')
      .map((Content) => ({ ...send, Attachments: [{ ...attachment, Content }] })),
  ),
  breach(
    'SendEmail',
    'Unsubscribe',
    '12',
    fc
      .oneof(
        fc.integer({ min: 13, max: 99 }).map(String),
        // Zero-padded ("07"): the pages write the plain digit.
        fc.integer({ min: 0, max: 9 }).map((n) => `0${n}`),
      )
      .map((Unsubscribe) => ({ ...send, Unsubscribe })),
  ),
  breach(
    'BatchSendEmail',
    'Subject',
    '1-100',
    text(101, 300).map((Subject) => ({ ...batch, Subject })),
  ),
  breach('BatchSendEmail', 'TimedParam', 'TaskType is 2', fc.constant({ ...batch, TaskType: 2 })),
  breach('BatchSendEmail', 'CycleParam', 'TaskType is 3', fc.constant({ ...batch, TaskType: 3 })),
  breach(
    'BatchSendEmail',
    'BeginTime',
    'YYYY-MM-DD HH:mm:ss',
    fc
      .constantFrom('2030-01-01', '2030-01-01T10:00:00Z', '2030-13-01 10:00:00', 'tomorrow')
      .map((BeginTime) => ({
        ...batch,
        TaskType: 2,
        TimedParam: { BeginTime },
      })),
  ),
  breach(
    'BatchSendEmail',
    'Attachments',
    'at most 0',
    fc
      .integer({ min: 1, max: 3 })
      .map((n) => ({ ...batch, Attachments: Array(n).fill(attachment) })),
  ),
  breach(
    'CreateReceiver',
    'Desc',
    '300',
    text(301, 400).map((Desc) => ({ ReceiversName: 'g', Desc })),
  ),
  breach(
    'CreateReceiverDetail',
    'Emails',
    '20000',
    fc.integer({ min: 20_001, max: 20_005 }).map((n) => ({ ReceiverId: 1, Emails: addresses(n) })),
  ),
  breach(
    'CreateReceiverDetailWithData',
    'TemplateData',
    '800',
    text(800, 1200).map((v) => ({
      ReceiverId: 1,
      Datas: [{ Email: 'a@example.com', TemplateData: JSON.stringify({ v }) }],
    })),
  ),
  breach(
    'ListReceiverDetails',
    'Email',
    '50',
    text(51, 80).map((Email) => ({ ReceiverId: 1, Offset: 0, Limit: 10, Email })),
  ),
  breach(
    'ListEmailTemplates',
    'Limit',
    '100',
    fc.integer({ min: 101, max: 100_000 }).map((Limit) => ({ Offset: 0, Limit })),
  ),
  breach(
    'ListAddressUnsubscribeConfig',
    'Limit',
    '1-100',
    fc
      .oneof(fc.constant(0), fc.integer({ min: 101, max: 99_999 }))
      .map((n) => ({ Offset: 0, Limit: String(n) })),
  ),
  breach(
    'UpdateEmailSmtpPassWord',
    'Password',
    '10-20',
    fc
      .oneof(
        fc.string({ maxLength: 9 }),
        fc.string({ minLength: 21, maxLength: 64 }),
        fc.constant('abcdefghij'),
      )
      .map((Password) => ({
        EmailAddress: 'noreply@mail.example.com',
        Password,
      })),
  ),
  breach(
    'GetStatisticsReport',
    'EndDate',
    'StartDate',
    fc.integer({ min: 1, max: 365 }).map((days) => ({
      StartDate: '2026-12-31',
      EndDate: new Date(Date.UTC(2026, 11, 31) - days * 86_400_000).toISOString().slice(0, 10),
    })),
  ),
  breach(
    'CreateAddressUnsubscribeConfig',
    'UnsubscribeConfig',
    '10',
    fc.integer({ min: 11, max: 99 }).map((n) => ({
      Address: 'noreply@mail.example.com',
      UnsubscribeConfig: String(n),
      Status: 1,
    })),
  ),
];
