/**
 * The fast path of `normalizeMessage` (src/fast-message.ts) against the zod schema it stands
 * in for. On thousands of generated inputs it either steps aside or gives what zod gives:
 * deep-equal, equally frozen, the same shared empty values, the same issues; zod accepts
 * whatever it accepts; and neither path freezes or hands back the caller's objects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMailError } from '../src/errors.js';
import { fastMessageData } from '../src/message/fast-message.js';
import type { Message } from '../src/message/message.js';
import { messageSchema, normalizeMessage, normalizeMessageWith } from '../src/message/validate.js';
import { messageInput } from './helpers/message-arbitraries.js';

const sym = Symbol('key');

function base(): Record<string, unknown> {
  return { from: 'shop@example.com', to: 'ann@example.com', subject: 'Hi', text: 'Hello' };
}

function explode(): never {
  throw new Error('getter exploded');
}

type Outcome = { readonly value: Message } | { readonly error: unknown };

function outcome(run: () => Message): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

const show = (value: unknown) => (typeof value === 'symbol' ? String(value) : `${value}`);

function keysOf(value: object, loose: boolean): PropertyKey[] {
  const keys = Reflect.ownKeys(value);
  if (!loose) return keys;
  const defined = keys.filter((key) => (value as Record<PropertyKey, unknown>)[key] !== undefined);
  return defined.sort((x, y) => show(x).localeCompare(show(y)));
}

/**
 * The first difference between `a` and `b` in values (`Object.is`), prototypes, frozenness,
 * own keys in order and property flags, or `undefined`. `loose` (for the parsed data, whose
 * key order `buildMessage` does not keep) ignores undefined properties and the key order.
 */
function difference(a: unknown, b: unknown, path = '$', loose = false): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return Object.is(a, b) ? undefined : `${path}: ${show(a)} differs from ${show(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  if (Object.isFrozen(a) !== Object.isFrozen(b)) return `${path}: frozen in one result only`;
  if (a instanceof Date && b instanceof Date)
    return Object.is(a.getTime(), b.getTime()) ? undefined : `${path}: dates differ`;
  const keys = keysOf(a, loose);
  const other = keysOf(b, loose);
  if (keys.map(show).join() !== other.map(show).join()) return `${path}: keys ${keys.map(show)}`;
  for (const key of keys) {
    const x = Object.getOwnPropertyDescriptor(a, key) as PropertyDescriptor;
    const y = Object.getOwnPropertyDescriptor(b, key) as PropertyDescriptor;
    const at = `${path}.${show(key)}`;
    if (x.enumerable !== y.enumerable || x.writable !== y.writable) return `${at}: flags differ`;
    if (x.configurable !== y.configurable) return `${at}: flags differ`;
    const inner = difference(x.value, y.value, at, loose);
    if (inner) return inner;
  }
  return undefined;
}

/** Top-level values one result shares with the other exactly when zod's shares across calls. */
function sharingDifference(fast: Message, ref: Message, again: Message): string | undefined {
  for (const key of Object.keys(ref) as (keyof Message)[]) {
    if (typeof ref[key] !== 'object') continue;
    if ((fast[key] === ref[key]) !== (ref[key] === again[key])) return `${key}: sharing differs`;
  }
  return undefined;
}

function errorFacts(error: unknown) {
  if (!isMailError(error)) return { notMailError: String(error) };
  const cause = error.cause instanceof Error ? error.cause.message : error.cause;
  return { code: error.code, message: error.message, issues: error.issues, cause };
}

function outcomeDifference(fast: Outcome, ref: Outcome, again: Outcome): string | undefined {
  if ('error' in fast || 'error' in ref || 'error' in again) {
    if (!('error' in fast && 'error' in ref)) return 'one path threw, the other did not';
    return difference(errorFacts(fast.error), errorFacts(ref.error), 'error');
  }
  if ('error' in again) return 'zod threw on a second call';
  return difference(fast.value, ref.value) ?? sharingDifference(fast.value, ref.value, again.value);
}

/** Every object reachable through data properties, with whether it is frozen. */
function objectsOf(value: unknown, out = new Map<object, boolean>()): Map<object, boolean> {
  if (typeof value !== 'object' || value === null || out.has(value)) return out;
  out.set(value, Object.isFrozen(value));
  for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(value)))
    if ('value' in descriptor) objectsOf(descriptor.value, out);
  return out;
}

const isPlainOrArray = (value: object) =>
  Array.isArray(value) || [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** Why the call changed or handed back one of the caller's objects, or `undefined`. */
function inputDifference(before: Map<object, boolean>, result: Outcome): string | undefined {
  for (const [object, frozen] of before)
    if (Object.isFrozen(object) !== frozen) return 'a caller object was frozen';
  if (!('value' in result)) return undefined;
  for (const object of objectsOf(result.value).keys())
    if (before.has(object) && isPlainOrArray(object)) return 'a caller object was handed back';
  return undefined;
}

describe('the fast path of normalizeMessage', () => {
  // 1,000 cases per run (FAST_MESSAGE_RUNS for more: 100,000 have passed); CI runs every
  // package's tests at once on two cores, so the time bound is generous.
  it('steps aside or matches zod exactly, on a thousand generated inputs', {
    timeout: 120_000,
  }, () => {
    const runs = Number(process.env['FAST_MESSAGE_RUNS'] ?? 1000);
    const seen = { fast: 0, fastThenIssues: 0, zodOnlyValid: 0, invalid: 0 };
    const fields = new Set<string>();
    fc.assert(
      fc.property(messageInput, (input) => {
        const before = objectsOf(input);
        const data = fastMessageData(input);
        const fast = outcome(() => normalizeMessage(input));
        const ref = outcome(() => normalizeMessageWith(input, false));
        const again = outcome(() => normalizeMessageWith(input, false));
        expect(outcomeDifference(fast, ref, again)).toBeUndefined();
        expect(inputDifference(before, fast) ?? inputDifference(before, ref)).toBeUndefined();
        if (data === undefined) {
          if ('value' in ref) seen.zodOnlyValid++;
          else seen.invalid++;
          return;
        }
        seen.fast++;
        if ('error' in fast) seen.fastThenIssues++;
        for (const [key, value] of Object.entries(data)) if (value !== undefined) fields.add(key);
        const zod = messageSchema.safeParse(input);
        expect(zod.success, 'zod accepts what the fast path accepts').toBe(true);
        expect(difference(data, zod.data, 'data', true)).toBeUndefined();
      }),
      { numRuns: runs },
    );
    // The generator must keep reaching every branch, or the property proves little.
    expect(seen.fast).toBeGreaterThan(runs * 0.25);
    expect(seen.fastThenIssues).toBeGreaterThan(runs * 0.02);
    expect(seen.zodOnlyValid).toBeGreaterThan(0);
    expect(seen.invalid).toBeGreaterThan(runs * 0.2);
    expect([...fields].sort()).toEqual(
      ['bcc', 'cc', 'from', 'html', 'providerOptions', 'replyTo', 'subject', 'tags']
        .concat(['template', 'text', 'to', 'tracking'])
        .sort(),
    );
  });

  const common: readonly (readonly [string, Record<string, unknown>])[] = [
    [
      'a templated code',
      {
        from: 'Shop <noreply@example.com>',
        to: 'user123@example.com',
        subject: 'Your code',
        template: { id: 12345, data: { name: 'Ann' } },
      },
    ],
    [
      'text and html to a list, with tags and tracking',
      {
        from: { address: 'noreply@example.com', name: '  ' },
        to: ['"Doe, John" <john@example.com>', { address: '用户@例子.中国', name: '用户' }],
        cc: [],
        subject: 'Welcome',
        text: 'Hello',
        html: '<p>Hello</p>',
        tags: ['welcome'],
        tracking: { opens: true },
        providerOptions: { 'tencent-ses': { triggerType: 1 } },
      },
    ],
    ['a null-prototype message', Object.assign(Object.create(null), { ...base(), bcc: undefined })],
  ];

  /** How `normalizeMessage` (fast path first) differs from the zod-only path, if at all. */
  const differenceFromZod = (input: unknown) =>
    outcomeDifference(
      outcome(() => normalizeMessage(input)),
      outcome(() => normalizeMessageWith(input, false)),
      outcome(() => normalizeMessageWith(input, false)),
    );

  it.each(common)('takes %s, with the output zod gives', (_, input) => {
    expect(fastMessageData(input)).toBeDefined();
    expect(differenceFromZod(input)).toBeUndefined();
  });

  const unusual: readonly (readonly [string, unknown])[] = [
    ['headers', { ...base(), headers: { 'X-Campaign': 'spring' } }],
    ['attachments', { ...base(), attachments: [{ filename: 'a.txt', content: 'hi' }] }],
    ['an unknown field', { ...base(), Bcc: 'b@example.com' }],
    ['a "__proto__" key', JSON.parse('{"from":"a@example.com","subject":"s","__proto__":{}}')],
    ['a class instance', Object.assign(new (class Draft {})(), base())],
    ['an invalid address', { ...base(), to: 'not an address' }],
    ['a blank subject', { ...base(), subject: ' ' }],
    ['a negative template id', { ...base(), text: undefined, template: { id: -1 } }],
    ['a float template id', { ...base(), text: undefined, template: { id: 1.5 } }],
    ['a symbol data key', { ...base(), text: undefined, template: { id: 1, data: { [sym]: 1 } } }],
    [
      'a getter that throws',
      Object.defineProperty(base(), 'to', { get: explode, enumerable: true }),
    ],
  ];

  it.each(unusual)('leaves a message with %s to zod, which reports as before', (_, input) => {
    expect(fastMessageData(input)).toBeUndefined();
    expect(differenceFromZod(input)).toBeUndefined();
  });

  it('leaves cross-field problems to the same crossCheck, with the same issues', () => {
    const input = { ...base(), to: ['a@example.com', 'A@EXAMPLE.COM'], template: { id: 1 } };
    expect(fastMessageData(input)).toBeDefined();
    const ref = outcome(() => normalizeMessageWith(input, false));
    expect('error' in ref).toBe(true);
    const again = outcome(() => normalizeMessageWith(input, false));
    expect(
      outcomeDifference(
        outcome(() => normalizeMessage(input)),
        ref,
        again,
      ),
    ).toBeUndefined();
  });
});
