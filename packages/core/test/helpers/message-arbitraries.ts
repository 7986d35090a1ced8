/**
 * fast-check generators of message inputs for normalizeMessage's property test: mostly the
 * common shapes, with every field sometimes wrong (blank, CR/LF, NUL, lone surrogates, wrong
 * types, unknown or `__proto__` keys, other prototypes, accessors).
 */
import fc from 'fast-check';

const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, [], {}, new Date(0), Symbol('s'), 10n),
  fc.object({ maxDepth: 1, maxKeys: 2 }),
);

/** `arb` most of the time, otherwise one of `odd` values. */
function mostly<T, U>(arb: fc.Arbitrary<T>, odd: fc.Arbitrary<U>, weight = 30) {
  return fc.oneof({ arbitrary: arb, weight }, { arbitrary: odd, weight: 1 });
}

/** Good values `weight` times as often as bad ones. */
function goodOrBad<T>(good: readonly T[], bad: readonly T[], weight = 30) {
  return mostly(fc.constantFrom(...good), fc.constantFrom(...bad), weight);
}

/** An optional field: absent (or present as `undefined`) `absent` times to `present`. */
function optional<T>(arb: fc.Arbitrary<T>, absent: number, present = 1) {
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: absent },
    { arbitrary: arb, weight: present },
  );
}

const local = goodOrBad(
  ['ann', 'ANN', 'user123', 'first.last', 'user+tag', "o'brien", '用户', 'josé', 'x'.repeat(64)],
  ['"quoted local"', '"a\\"b"', '"a@b"', '""', 'a..b', '.a', 'a b', 'a\0b', 'a,b', '\uD800', ''],
);
const domain = goodOrBad(
  [
    'example.com',
    'EXAMPLE.com',
    'mail.example.co.uk',
    '例子.中国',
    'xn--fsqu00a.xn--fiqs8s',
  ].concat(['bücher.de', 'xn--bcher-kva.de', 'xn--r8jz45g.jp', 'ünï.example', 'xn--a.com']),
  [
    'localhost',
    '-bad.com',
    'a..com',
    '123.456',
    '[192.0.2.1]',
    'ex_ample.com',
    'example.com.',
  ].concat([`${'d'.repeat(64)}.com`, 'a\r\n.com', 'ex\u00ADample.com', `${'d.'.repeat(130)}c`]),
);
/** A small pool too, so that recipients repeat (duplicates, case and IDN forms). */
const spec = fc.oneof(
  { arbitrary: fc.constantFrom('ann@example.com', 'Ann@EXAMPLE.com', 'bob@例子.中国'), weight: 4 },
  { arbitrary: fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`), weight: 30 },
  fc.constantFrom('no-at-sign', 'a@@b.com', 'a@', '@b.com', ''),
  fc.string({ maxLength: 12 }),
);
const name = goodOrBad(
  ['Ann', '张三', '山田 太郎', 'Zoë Ünïcødé', '😀', 'Doe, John', ' Ann ', '  ', '', 'a<b>', 'Shop'],
  ['A\nB', 'A\rB', 'nul\0', 'lone \uDC00'],
);
const pad = fc.constantFrom('', '', '', ' ', '\t', ' \n');
const quoted = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

const addressString = fc.oneof(
  { arbitrary: fc.tuple(pad, spec, pad).map(([a, s, b]) => `${a}${s}${b}`), weight: 20 },
  { arbitrary: fc.tuple(name, spec).map(([n, s]) => `${n} <${s}>`), weight: 5 },
  { arbitrary: fc.tuple(name, spec).map(([n, s]) => `${quoted(n)} <${s}>`), weight: 5 },
  fc.oneof(
    fc.tuple(name, spec).map(([n, s]) => `"${n}" <${s}>`),
    spec.map((s) => `<${s}>`),
    fc.tuple(name, spec).map(([n, s]) => `${n} <${s}`),
    spec.map((s) => `${s}>`),
  ),
);

/**
 * The same object made unusual now and then: another prototype, an unknown, symbol,
 * `__proto__` or `constructor` key, a hidden key, accessors (one of them throwing), frozen.
 */
export function reshaped<T extends object>(arb: fc.Arbitrary<T>, odds = 10) {
  const hows = fc.constantFrom(
    ...['nullProto', 'extraKey', 'protoKey', 'classInstance', 'symbolKey', 'hiddenKey'],
    ...['getters', 'throwingGetter', 'frozen', 'constructorKey'],
  );
  const how = fc.oneof({ arbitrary: fc.constant('none'), weight: odds }, hows);
  return fc.tuple(arb, how).map(([value, h]) => reshape(value, h));
}

class Box {}

function reshape(value: object, how: string): object {
  const copy: Record<PropertyKey, unknown> = { ...value };
  const define = (key: string, descriptor: PropertyDescriptor) =>
    Object.defineProperty(copy, key, { configurable: true, ...descriptor });
  switch (how) {
    case 'nullProto':
      return Object.assign(Object.create(null), value);
    case 'extraKey':
      return { ...value, extra: 1 };
    case 'protoKey':
      return define('__proto__', { value: {}, enumerable: true, writable: true });
    case 'classInstance':
      return Object.assign(new Box(), value);
    case 'symbolKey':
      copy[Symbol('s')] = 'x';
      return copy;
    case 'hiddenKey':
      return define('hidden', { value: 1, enumerable: false });
    case 'getters':
      for (const [key, item] of Object.entries(value)) define(key, { get: () => item });
      return copy;
    case 'throwingGetter': {
      const key = Object.keys(value)[0] ?? 'subject';
      return define(key, {
        enumerable: true,
        get: () => {
          throw new Error(`getter of ${key}`);
        },
      });
    }
    case 'frozen':
      return Object.freeze(copy);
    case 'constructorKey':
      return { ...value, constructor: () => value };
    default:
      return value;
  }
}

const addressObject = reshaped(
  fc.record(
    {
      address: mostly(
        fc.tuple(pad, spec).map(([p, s]) => `${p}${s}${p}`),
        wrongType,
      ),
      name: mostly(name, wrongType),
    },
    { requiredKeys: ['address'] },
  ),
);
const address = fc.oneof(
  { arbitrary: addressString, weight: 25 },
  { arbitrary: addressObject, weight: 10 },
  wrongType,
);
const addressList = fc.oneof(
  { arbitrary: address, weight: 12 },
  { arbitrary: fc.array(address, { minLength: 1, maxLength: 3 }), weight: 12 },
  fc.constant([]),
  fc.constant(Object.assign(new Array<string>(2), { 1: 'ann@example.com' })),
);

const text = (maxLength: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength });
const line = mostly(
  fc.oneof(text(30), fc.constantFrom('Your code', '件名 😀', ' padded ', 'Welcome')),
  fc.oneof(fc.constantFrom('', '  ', '\t', 'Hi\r\nBcc: evil@x.com', 'nul\0', '\uD800'), wrongType),
  20,
);
const body = mostly(
  fc.oneof(text(60), fc.constantFrom('<p>Hello</p>', 'line one\nline two', 'x'.repeat(500))),
  fc.oneof(fc.constantFrom('', ' \n\n ', 'lone \uD800'), wrongType),
  20,
);

const dataKey = mostly(
  fc.oneof(
    fc.constantFrom('name', 'code', '0', '10', 'toString'),
    fc.string({ minLength: 1, maxLength: 6 }),
  ),
  fc.constantFrom('', ' ', 'a\nb', '\uD800'),
);
const dataValue = mostly(
  fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.double()),
  fc.constantFrom('\uD800', Number.NaN, Number.POSITIVE_INFINITY, null, undefined, {}),
);
const templateId = mostly(
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 10_000_000 }), weight: 4 },
    fc.constantFrom('welcome', '12345', '模板', 'Welcome Email', 0, -0, 2 ** 53 - 1),
  ),
  fc.oneof(
    fc.integer({ min: -5, max: -1 }),
    fc.constantFrom(2 ** 53, 2 ** 60, 1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY),
    fc.constantFrom('', ' ', 'a\nb', '\uD800'),
    wrongType,
  ),
  6,
);
const template = mostly(
  reshaped(
    fc.record(
      {
        id: templateId,
        data: mostly(reshaped(fc.dictionary(dataKey, dataValue, { maxKeys: 4 })), wrongType),
      },
      { requiredKeys: ['id'] },
    ),
  ),
  wrongType,
);

const tag = goodOrBad(['welcome', 'otp', '标签', ' spaced '], ['', ' ', 'a\nb', '\uD800'], 30);
const tags = mostly(fc.array(tag, { maxLength: 3 }), fc.oneof(tag, wrongType));
const flag = mostly(fc.boolean(), wrongType, 20);
const tracking = mostly(
  reshaped(fc.record({ opens: flag, clicks: flag }, { requiredKeys: [] })),
  wrongType,
);

function nested(depth: number): object {
  let value: object = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const providerOptions = mostly(
  reshaped(
    fc.oneof(
      fc.constant({ 'tencent-ses': { triggerType: 1 } }),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.anything({ maxDepth: 2 }), { maxKeys: 3 }),
      fc.constantFrom({ deep: nested(40) }, { at: new Date(0), bytes: new Uint8Array([1]) }),
    ),
  ),
  wrongType,
);

/** Fields the fast path leaves to zod, now and then. */
const rare = optional(
  fc.record(
    {
      headers: fc.constantFrom({ 'X-Campaign': 'spring' }, { 'X-Bad\r\n': 'x' }),
      attachments: fc.constant([{ filename: 'a.txt', content: 'hello' }]),
    },
    { requiredKeys: [] },
  ),
  15,
);

/** The body: mostly one kind, sometimes both kinds or none (cross-field issues). */
const content = fc.oneof(
  { arbitrary: fc.record({ text: body }), weight: 4 },
  { arbitrary: fc.record({ html: body }), weight: 2 },
  { arbitrary: fc.record({ text: body, html: body }), weight: 2 },
  { arbitrary: fc.record({ template }), weight: 6 },
  fc.oneof(fc.record({ template, text: body }), fc.constant({})),
);

/** A message input: the common shapes, every field sometimes wrong, the whole sometimes odd. */
export const messageInput: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 20,
    arbitrary: reshaped(
      fc
        .tuple(
          fc.record({
            from: address,
            to: optional(addressList, 1, 15),
            cc: optional(addressList, 4),
            bcc: optional(addressList, 6),
            replyTo: optional(addressList, 6),
            subject: line,
            tags: optional(tags, 4),
            tracking: optional(tracking, 4),
            providerOptions: optional(providerOptions, 4),
          }),
          content,
          rare,
          fc.boolean(),
        )
        .map(([fields, body, extra, keepUndefined]) => {
          const out: Record<string, unknown> = { ...extra, ...body };
          // Absent or present as undefined: users write either.
          for (const [key, value] of Object.entries(fields))
            if (value !== undefined || keepUndefined) out[key] = value;
          return out;
        }),
      25,
    ),
  },
  fc.anything({ maxDepth: 2 }),
);
