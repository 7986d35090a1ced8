/**
 * fast-check generators for the reliability fuzzing: message inputs that are valid, subtly
 * invalid or of the wrong type; signer parameter values; provider error bodies.
 */

import type { ProviderId } from '@mailbridge/emulator';
import fc from 'fast-check';

/** Local parts every provider takes: dot-atoms of letters, digits, `. _ - +`. */
const local = fc.constantFrom(
  'a',
  'first.last',
  'user+tag',
  'under_score',
  'dash-ed',
  'UPPER',
  'x'.repeat(64),
);
const domain = fc.constantFrom(
  'example.com',
  'mail.example.com',
  'xn--r8jz45g.jp',
  'sub.example.co.uk',
  'EXAMPLE.COM',
);
/** Addresses both providers document as deliverable. */
export const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);

/**
 * Internationalised and quoted forms that the core accepts as RFC 5322/6531 addresses but
 * neither provider takes (see intl.test.ts): IDN domains, UTF-8 local parts, quoted local parts.
 */
export const intlAddress = fc.oneof(
  fc
    .tuple(local, fc.constantFrom('例え.jp', 'bücher.de', '邮件.中国'))
    .map(([l, d]) => `${l}@${d}`),
  fc.tuple(fc.constantFrom('用户', 'ünïcode', 'José'), domain).map(([l, d]) => `${l}@${d}`),
  fc
    .tuple(fc.constantFrom('"quoted local"', '"a\\"b"', '"a@b"'), domain)
    .map(([l, d]) => `${l}@${d}`),
);

/** Addresses that are not addresses: empty, split, injected, NUL, oversize. */
const badAddress = fc.constantFrom(
  'not-an-address',
  'a@',
  '@b.com',
  'a@b..com',
  'a@@b.com',
  'a b@c.com',
  'a@b.com\r\nBcc: victim@example.com',
  'a\0@b.com',
  '',
  `${'x'.repeat(300)}@example.com`,
  `a@${'d'.repeat(70)}.com`,
  'a@-b.com',
);

/** Any value of any type: the "wrong types" cases. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.object({ maxDepth: 1, maxKeys: 2 }),
);

/** A recipient with a display name: RFC 5322 allows it, neither provider's API takes it. */
const namedAddressInput = fc.oneof(
  fc.record({ address, name: goodName() }),
  fc.tuple(goodName(), address).map(([n, a]) => `"${n}" <${a}>`),
);

function goodName() {
  return fc.oneof(
    fc.constantFrom('张三', '李 四', '山田太郎', '김철수', 'Zoë Ünïcødé', "O'Brien", 'Emoji 😀🎉'),
    fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })
      .filter((n) => !/["\\]/.test(n)),
  );
}

/** Valid free text: any script, emoji, no control characters. */
const goodText = (maxLength: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength })
    .filter((t) => !/[\p{Cc}]/u.test(t) && t.trim() !== '');

/** Text that must be refused: injections, NUL, lone surrogates, oversize, empty, wrong type. */
const badText = fc.oneof(
  fc.constantFrom('Hi\r\nBcc: victim@example.com', 'Nul\0', '', 'lone \uD800 surrogate'),
  fc.constant('长'.repeat(1_000)),
  wrongType,
);

/** A message each provider accepts as it stands. */
function validMessage(provider: ProviderId) {
  const from = fc.oneof(
    fc.constant('noreply@mail.example.com'),
    goodName().map((name) => ({ address: 'noreply@mail.example.com', name })),
  );
  const to = fc.oneof(address, fc.array(address, { minLength: 1, maxLength: 3 }));
  const content =
    provider === 'aliyun-dm'
      ? fc.oneof(
          fc.record({ html: goodText(200) }),
          fc.record({ text: goodText(200) }),
          fc.record({ html: goodText(50), text: goodText(50) }),
          fc.constant({ html: `<p>${'长文'.repeat(10_000)}</p>` }),
        )
      : fc.oneof(
          fc.record({
            template: fc.record({
              id: fc.constant(100001),
              data: fc.record({ name: goodText(40) }),
            }),
          }),
          fc.record({
            template: fc.record({
              id: fc.constantFrom(100002, '100002'),
              data: fc.record({ title: goodText(40), body: goodText(200) }),
            }),
          }),
        );
  return fc
    .record({ from, to, subject: goodText(80), content })
    .map(({ content: c, ...rest }) => ({ ...rest, ...c }) as Record<string, unknown>);
}

/** One change to a valid message: a broken field, a wrong type, an unknown or unsupported field. */
const mutation = fc.oneof(
  fc.record({ key: fc.constantFrom('from', 'to', 'cc', 'bcc', 'replyTo'), value: badAddress }),
  fc.record({ key: fc.constantFrom('from', 'to', 'subject', 'html', 'text'), value: wrongType }),
  fc.record({ key: fc.constantFrom('subject', 'html', 'text'), value: badText }),
  fc.record({ key: fc.constantFrom('to'), value: fc.constantFrom([], undefined) }),
  fc.record({
    key: fc.constantFrom('to'),
    value: fc.constant(Array.from({ length: 101 }, (_, i) => `many-${i}@example.com`)),
  }),
  fc.record({
    key: fc.constantFrom('unknownField', 'Bcc', 'priority', 'constructor', 'template'),
    value: fc.anything({ maxDepth: 1 }),
  }),
  fc.record({ key: fc.constantFrom('to', 'cc', 'bcc', 'replyTo'), value: namedAddressInput }),
  fc.record({ key: fc.constantFrom('cc', 'bcc', 'replyTo'), value: address }),
  fc.record({
    key: fc.constant('headers'),
    value: fc.dictionary(fc.constantFrom('X-Campaign', 'Bcc', 'X-Bad\r\n'), goodText(20), {
      maxKeys: 2,
    }),
  }),
  fc.record({
    key: fc.constant('tags'),
    value: fc.array(fc.constantFrom('demo', 'bad tag!', '', '标签'), { maxLength: 2 }),
  }),
  fc.record({ key: fc.constant('tracking'), value: fc.record({ opens: fc.boolean() }) }),
);

/** A whole message input for `provider`: half valid, half with one to three mutations. */
export function messageInput(provider: ProviderId) {
  return fc.oneof(
    validMessage(provider),
    fc
      .tuple(validMessage(provider), fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([message, changes]) => {
        const out: Record<string, unknown> = { ...message };
        for (const { key, value } of changes) out[key] = value;
        return out;
      }),
  );
}

/** A valid message whose recipient is one of the internationalised or quoted forms. */
export function intlMessage(provider: ProviderId) {
  return fc.tuple(validMessage(provider), intlAddress).map(([message, to]) => ({ ...message, to }));
}

/** Parameter values for the signers: CJK, emoji, RFC 3986 reserved characters, empty. */
export const paramValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    "!'()*",
    ":/?#[]@!$&'()*+,;=",
    '%20%2A%',
    '~-._',
    '+ +',
    '中文 测试',
    '😀👍🏽🇨🇳',
    'a=b&c=d',
  ),
  fc.string({ unit: fc.constantFrom(...":/?#[]@!$&'()*+,;=%~ 中😀"), maxLength: 30 }),
);

/** A provider error body: a JSON envelope with odd fields, or not JSON at all. */
export function errorBody(provider: ProviderId) {
  const field = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('Throttling.User', 'InternalError', 'RequestLimitExceeded', 'Unknown.Code'),
    fc.constantFrom('AuthFailure.SignatureExpire', 'FailedOperation', 'SignatureNonceUsed', ''),
    wrongType,
  );
  const envelope =
    provider === 'aliyun-dm'
      ? fc.record(
          { Code: field, Message: field, RequestId: field, HostId: field, EnvId: field },
          { requiredKeys: [] },
        )
      : fc.oneof(
          fc.record(
            {
              Response: fc.oneof(
                fc.record(
                  { Error: fc.record({ Code: field, Message: field }), RequestId: field },
                  { requiredKeys: [] },
                ),
                fc.record(
                  { MessageId: field, TaskId: field, RequestId: field },
                  { requiredKeys: [] },
                ),
                wrongType,
              ),
            },
            { requiredKeys: [] },
          ),
          wrongType,
        );
  return fc.record({
    status: fc.constantFrom(200, 200, 200, 400, 403, 404, 429, 500, 502, 503),
    body: fc.oneof(
      { weight: 8, arbitrary: envelope.map((v) => JSON.stringify(v) ?? 'undefined') },
      { weight: 1, arbitrary: fc.string({ maxLength: 50 }) },
      { weight: 1, arbitrary: fc.constantFrom('', '{', '<html>502</html>', '{"Code":1e999}') },
    ),
    retryAfter: fc.option(fc.constantFrom('5', '-1', 'abc', '99999999999999999999'), { freq: 4 }),
  });
}
