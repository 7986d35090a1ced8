/**
 * Random bodies at both adapters' event parsers: each answer is a list of neutral events or a
 * `MailError` with code `invalid_input`, never a throw of another kind (a receiver relies on this
 * to answer 400 and carry on). Bodies are random JSON, random text, and objects built from the
 * documented field names with random values, so the typed paths are exercised, not just the
 * "not an object" one.
 */
import { parseEvents as parseDm } from '@mailbridge/aliyun-dm';
import { isMailError, MAIL_EVENT_KINDS, type MailEvent } from '@mailbridge/core';
import { parseEvents as parseTc } from '@mailbridge/tencent-ses';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const TC_KEYS = [
  'event',
  'email',
  'bulkId',
  'bulkid',
  'timestamp',
  'reason',
  'bounceType',
  'link',
  'useragent',
  'username',
  'from',
  'fromDomain',
  'templateId',
  'subject',
  'messageId',
  'eventid',
  'taskId',
  'sentTimestamp',
  'X-Tencentcloudses-Cb-Custom',
];
const DM_DATA_KEYS = [
  'header',
  'env_id',
  'envid',
  'msg_id',
  'account',
  'from',
  'rcpt',
  'channel_name',
  'outbound_ip',
  'send_time',
  'deliver_time',
  'status',
  'event',
  'region',
  'err_code',
  'err_msg',
  'failed_type',
  'esp',
  'ip_pool_id',
  'is_dedicated_ip',
  'tag',
  'block_email',
  'block_time',
  'operate_time',
  'recv_time',
  'url',
  'user_agent',
];
const DM_ENVELOPE_KEYS = [
  'specversion',
  'id',
  'source',
  'type',
  'subject',
  'time',
  'aliyunaccountid',
  'aliyunpublishtime',
  'data',
];

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    'delivered',
    'bounce',
    'dm:Deliver:Fail',
    '2024-04-29T11:07:04',
    '2024-04-29T11:07:12+08:00',
    'acs:dm:eu-central-1:1:*',
    '1.0',
    'hard_bounce',
  ),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double(),
);

/** An object with some of `keys` set to random values. */
const objectOf = (keys: readonly string[]) =>
  fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });

const tencentBody = fc.oneof(objectOf(TC_KEYS), fc.array(objectOf(TC_KEYS), { maxLength: 3 }));
const aliyunBody = fc.oneof(
  objectOf(DM_DATA_KEYS),
  fc
    .record({
      specversion: fc.constant('1.0'),
      rest: objectOf(DM_ENVELOPE_KEYS),
      data: objectOf(DM_DATA_KEYS),
    })
    .map(({ rest, data, specversion }) => ({ ...rest, specversion, data })),
);
const anyBody = fc.oneof(fc.jsonValue(), fc.string(), fc.anything());

/** A body either parses into well-formed events or is refused with invalid_input. */
function holds(
  parse: (body: unknown) => MailEvent[],
  provider: string,
  body: unknown,
  asText: boolean,
): void {
  const input = asText && body !== undefined ? JSON.stringify(body) : body;
  let events: MailEvent[];
  try {
    events = parse(input);
  } catch (error) {
    expect(isMailError(error), String(error)).toBe(true);
    expect((error as { code: string }).code).toBe('invalid_input');
    return;
  }
  for (const event of events) {
    expect(event.provider).toBe(provider);
    expect(MAIL_EVENT_KINDS).toContain(event.kind);
    expect(typeof event.providerType).toBe('string');
    expect(typeof event.id).toBe('string');
    if (event.at !== undefined) expect(Number.isNaN(event.at.getTime())).toBe(false);
  }
}

describe.each([
  ['tencent-ses', parseTc, tencentBody],
  ['aliyun-dm', parseDm, aliyunBody],
] as const)('%s parser under random bodies', (provider, parse, shaped) => {
  const runs = 500;
  it('documented keys with random values, as values and as JSON text', () => {
    fc.assert(
      fc.property(shaped, fc.boolean(), (body, asText) => holds(parse, provider, body, asText)),
      { numRuns: runs },
    );
  });

  it('any value, any string', () => {
    fc.assert(
      fc.property(anyBody, (body) => holds(parse, provider, body, false)),
      { numRuns: runs },
    );
  });
});
