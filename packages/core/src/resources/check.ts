/**
 * Input checks of the resource views, run before any request. Each failure is an
 * `invalid_input` MailError naming the field.
 */

import { invalidInput } from '../errors.js';
import { parseAddressResult } from '../message/address.js';
import type { StatsQuery, TemplateInput } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A non-empty id string (`id` names the field). */
export function requireId(value: unknown, field: string, provider: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  throw invalidInput([{ path: [field], message: 'expected a non-empty id' }], provider);
}

/**
 * A template id: numeric where the provider references templates by id
 * (`capabilities.content.template`, the rule check.ts applies to sends), else non-empty.
 */
export function requireTemplateId(value: unknown, provider: string, byId: boolean): string {
  const id = requireId(value, 'id', provider);
  if (byId && !/^[0-9]+$/.test(id)) {
    const message = `${provider} references templates by numeric id`;
    throw invalidInput([{ path: ['id'], message }], provider);
  }
  return id;
}

/** One bare address (no display name), checked with the message address rules. */
export function requireAddress(value: unknown, path: (string | number)[], provider: string) {
  const parsed = typeof value === 'string' ? parseAddressResult(value) : 'expected a string';
  if (typeof parsed === 'string') throw invalidInput([{ path, message: parsed }], provider);
  if (parsed.name !== undefined) {
    throw invalidInput([{ path, message: 'expected a bare address, without a name' }], provider);
  }
  return parsed.address;
}

/** A non-empty array of bare addresses, de-duplicated case-insensitively. */
export function requireAddresses(value: unknown, field: string, provider: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalidInput([{ path: [field], message: 'expected a non-empty array' }], provider);
  }
  const seen = new Map<string, string>();
  value.forEach((v, i) => {
    const address = requireAddress(v, [field, i], provider);
    if (!seen.has(address.toLowerCase())) seen.set(address.toLowerCase(), address);
  });
  return [...seen.values()];
}

/**
 * Refuse a key `input` has beyond those of `T`: a misspelt option (`domian`) would otherwise be
 * ignored, and the call answered as if it had not been given. `known` names every key of `T`
 * (checked by the compiler, so a key added to the type is not refused here).
 */
export function rejectUnknownKeys<T extends object>(
  input: unknown,
  known: { readonly [K in keyof Required<T>]: true },
  provider: string,
): void {
  if (typeof input !== 'object' || input === null) return;
  const unknown = Object.keys(input).find((key) => !Object.hasOwn(known, key));
  if (unknown !== undefined) {
    throw invalidInput([{ path: [unknown], message: 'unknown key' }], provider);
  }
}

/** A template's name and bodies: a name within the limit and at least one body. */
export function checkTemplateInput(
  input: unknown,
  provider: string,
  nameMaxLength: number | undefined,
): TemplateInput {
  if (typeof input !== 'object' || input === null) {
    throw invalidInput([{ path: ['template'], message: 'expected an object' }], provider);
  }
  rejectUnknownKeys<TemplateInput>(input, { name: true, html: true, text: true }, provider);
  const { name, html, text } = input as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') {
    throw invalidInput([{ path: ['name'], message: 'expected a non-empty string' }], provider);
  }
  if (nameMaxLength !== undefined && [...name].length > nameMaxLength) {
    const message = `at most ${nameMaxLength} characters on ${provider}`;
    throw invalidInput([{ path: ['name'], message }], provider);
  }
  for (const [key, body] of [
    ['html', html],
    ['text', text],
  ] as const) {
    if (body !== undefined && (typeof body !== 'string' || body === '')) {
      throw invalidInput([{ path: [key], message: 'expected a non-empty string' }], provider);
    }
  }
  if (html === undefined && text === undefined) {
    throw invalidInput([{ path: ['html'], message: 'give html, text or both' }], provider);
  }
  return {
    name,
    ...(html === undefined ? {} : { html: html as string }),
    ...(text === undefined ? {} : { text: text as string }),
  };
}

/** Parse `YYYY-MM-DD` as a UTC day (ms), or undefined. */
export function parseDay(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = DATE.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip is not a date.
  return new Date(ms).toISOString().slice(0, 10) === text ? ms : undefined;
}

/** Format a UTC day (ms) as `YYYY-MM-DD`. */
export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A stats range: two valid dates in order, the start within the provider's retention. The
 * provider counts days in its own zone, so "today" is allowed to be a day ahead of UTC.
 */
export function checkStatsQuery(
  query: unknown,
  provider: string,
  maxAgeDays: number,
  now: number,
): { from: number; to: number; domain?: string } {
  if (typeof query !== 'object' || query === null) {
    throw invalidInput([{ path: ['query'], message: 'expected { from, to }' }], provider);
  }
  rejectUnknownKeys<StatsQuery>(query, { from: true, to: true, domain: true }, provider);
  const { from, to, domain } = query as StatsQuery;
  const start = parseDay(from);
  const end = parseDay(to);
  if (start === undefined) {
    throw invalidInput([{ path: ['from'], message: 'expected a YYYY-MM-DD date' }], provider);
  }
  if (end === undefined) {
    throw invalidInput([{ path: ['to'], message: 'expected a YYYY-MM-DD date' }], provider);
  }
  if (end < start) throw invalidInput([{ path: ['to'], message: 'before from' }], provider);
  const today = now - (now % DAY_MS) + DAY_MS;
  if (start < today - (maxAgeDays + 1) * DAY_MS) {
    const message = `more than ${maxAgeDays} days ago: ${provider} keeps no older statistics`;
    throw invalidInput([{ path: ['from'], message }], provider);
  }
  if (domain !== undefined && (typeof domain !== 'string' || domain.trim() === '')) {
    throw invalidInput([{ path: ['domain'], message: 'expected a domain name' }], provider);
  }
  return { from: start, to: end, ...(domain === undefined ? {} : { domain }) };
}
