/**
 * A hand-written fast path for `normalizeMessage` (validate.ts), which runs on every send. It
 * parses the common message shapes into exactly what `messageSchema` outputs, with the same
 * checks (address.ts, schema.ts), and steps aside with `undefined` on anything else: another
 * field (attachments, headers), another type or prototype, an accessor that throws, or any
 * problem at all. zod then parses the input as it always has, so the issues reported for
 * invalid input do not change. test/fast-message.test.ts holds it to both promises.
 */
import { parseAddressResult, textProblem } from './address.js';
import { expandAddressList } from './address-list.js';
import type { Address } from './message.js';
import { mailbox, requiredLineProblem, requiredTextProblem } from './schema.js';
import type { MessageData } from './validate.js';

type Fields = Record<string, unknown>;

/**
 * A plain object (`{}` or `Object.create(null)`): zod takes more for its objects (any non-array
 * object) and its records (`isPlainObject`), so this is the narrower test on both counts.
 */
function isPlain(value: unknown): value is Fields {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether each key zod's strict objects see (`for...in`, so inherited too) is `a` or `b`. */
function hasOnly(value: Fields, a: string, b: string): boolean {
  for (const key in value) if (key !== a && key !== b) return false;
  return true;
}

function addressOf(value: unknown): Address | undefined {
  if (typeof value === 'string') {
    const result = parseAddressResult(value);
    return typeof result === 'string' ? undefined : Object.freeze(result);
  }
  if (!isPlain(value) || !hasOnly(value, 'address', 'name')) return undefined;
  const { address, name } = value;
  if (typeof address !== 'string') return undefined;
  if (name !== undefined && typeof name !== 'string') return undefined;
  return mailbox(address, name);
}

/** One address as it was given, or a fresh array of them. */
function addressListOf(given: unknown): Address | Address[] | undefined {
  const value = expandAddressList(given);
  if (!Array.isArray(value)) return addressOf(value);
  const out: Address[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = addressOf(value[i]);
    if (item === undefined) return undefined;
    out.push(item);
  }
  return out;
}

function isTemplateId(id: unknown): id is string | number {
  if (typeof id === 'string') return requiredLineProblem(id) === undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
}

function isTemplateValue(value: unknown): value is string | number | boolean {
  if (typeof value === 'string') return textProblem(value) === undefined;
  return typeof value === 'boolean' || Number.isFinite(value);
}

/**
 * A fresh copy of a record (template data, provider options), each key and value accepted by
 * `accept`. zod reads enumerable own keys too (`Object.keys` order), but refuses symbol keys
 * and `__proto__`, and an own `constructor` changes what its `isPlainObject` says: all three
 * are left to zod.
 */
function recordOf<V>(
  value: unknown,
  accept: (key: string, item: unknown) => item is V,
): Record<string, V> | undefined {
  if (!isPlain(value) || Object.getOwnPropertySymbols(value).length > 0) return undefined;
  const out: Record<string, V> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'constructor') return undefined;
    const item = value[key];
    if (!accept(key, item)) return undefined;
    out[key] = item;
  }
  return out;
}

const isTemplateEntry = (key: string, item: unknown): item is string | number | boolean =>
  requiredLineProblem(key) === undefined && isTemplateValue(item);

function templateOf(value: unknown): MessageData['template'] {
  if (!isPlain(value) || !hasOnly(value, 'id', 'data')) return undefined;
  const { id, data } = value;
  if (!isTemplateId(id)) return undefined;
  if (data === undefined) return { id };
  const copy = recordOf<string | number | boolean>(data, isTemplateEntry);
  return copy === undefined ? undefined : { id, data: copy };
}

function tagsOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const tag: unknown = value[i];
    if (typeof tag !== 'string' || requiredLineProblem(tag) !== undefined) return undefined;
    out.push(tag);
  }
  return out;
}

function trackingOf(value: unknown): MessageData['tracking'] {
  if (!isPlain(value) || !hasOnly(value, 'opens', 'clicks')) return undefined;
  const { opens, clicks } = value;
  if (opens !== undefined && typeof opens !== 'boolean') return undefined;
  if (clicks !== undefined && typeof clicks !== 'boolean') return undefined;
  return { opens, clicks };
}

function bodyOf(value: unknown): string | undefined {
  return typeof value === 'string' && requiredTextProblem(value) === undefined ? value : undefined;
}

const optionsOf = (value: unknown) => recordOf(value, (_key, _item): _item is unknown => true);

/** Every field of a message: another key is an issue, which only zod words. */
const FIELDS = new Set<string>([
  ...['from', 'to', 'cc', 'bcc', 'replyTo', 'subject', 'html', 'text', 'template'],
  ...['attachments', 'headers', 'tags', 'tracking', 'providerOptions'],
]);

const NOT_PLAIN: unique symbol = Symbol('not plain');

/** An optional field parsed by `parse`, `undefined` when absent, `NOT_PLAIN` for zod. */
function optional<T>(value: unknown, parse: (value: unknown) => T | undefined) {
  return value === undefined ? undefined : (parse(value) ?? NOT_PLAIN);
}

// Named reads and one result shape (absent fields undefined): V8 keeps every access here
// monomorphic, which a loop over field names would not.
function parse(input: unknown): MessageData | undefined {
  if (!isPlain(input)) return undefined;
  for (const key in input) if (!FIELDS.has(key)) return undefined;
  const { attachments, headers, subject } = input;
  if (attachments !== undefined || headers !== undefined) return undefined;
  if (typeof subject !== 'string' || requiredLineProblem(subject) !== undefined) return undefined;
  const from = addressOf(input.from);
  const to = optional(input.to, addressListOf);
  const cc = optional(input.cc, addressListOf);
  const bcc = optional(input.bcc, addressListOf);
  const replyTo = optional(input.replyTo, addressListOf);
  const html = optional(input.html, bodyOf);
  const text = optional(input.text, bodyOf);
  const template = optional(input.template, templateOf);
  const tags = optional(input.tags, tagsOf);
  const tracking = optional(input.tracking, trackingOf);
  const providerOptions = optional(input.providerOptions, optionsOf);
  if (from === undefined || to === NOT_PLAIN || cc === NOT_PLAIN) return undefined;
  if (bcc === NOT_PLAIN || replyTo === NOT_PLAIN || html === NOT_PLAIN) return undefined;
  if (text === NOT_PLAIN || template === NOT_PLAIN || tags === NOT_PLAIN) return undefined;
  if (tracking === NOT_PLAIN || providerOptions === NOT_PLAIN) return undefined;
  return {
    from,
    to,
    cc,
    bcc,
    replyTo,
    subject,
    html,
    text,
    template,
    tags,
    tracking,
    providerOptions,
  };
}

/**
 * The common message shapes parsed as `messageSchema` would parse them (deep-equal output,
 * addresses frozen, every array and record a fresh copy), or `undefined` to let zod parse the
 * input. It never throws: an input whose reading throws goes to zod, which reads it again.
 */
export function fastMessageData(input: unknown): MessageData | undefined {
  try {
    return parse(input);
  } catch {
    return undefined;
  }
}
