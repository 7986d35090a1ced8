import { fail, invalid, missing } from './errors.js';
import type { DmParams } from './params.js';

/**
 * An address as the 2019 manual describes it (docs/providers/aliyun-dm.md "Sending"): `@`, a local
 * part and a domain of letters, digits, `_ - .` (the domain with at least one dot). `+` is also
 * accepted in the local part: sub-addressing is common and the signing vectors use it.
 */
const EMAIL = /^[A-Za-z0-9_.+-]+@[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

/** TagName: 1–128 characters of `[A-Za-z0-9_-]` (SDK); InvalidTagName.Malformed otherwise. */
export function checkTagName(tag: string): void {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(tag)) {
    fail('InvalidTagName.Malformed', 'Use 1-128 of A-Z a-z 0-9 _ -.');
  }
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Does `address` satisfy the documented address syntax? */
export function isEmail(address: string): boolean {
  return address.length <= 192 && EMAIL.test(address);
}

/** The domain part of an address, lowercased. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * A required parameter: absent or empty gives `Missing{Name}` (docs/providers/aliyun-dm.md
 * "Error codes").
 */
export function required(params: DmParams, name: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') missing(name);
  return value;
}

/** An optional integer parameter within [min, max]; `fallback` when absent. */
export function intParam(
  params: DmParams,
  name: string,
  range: { readonly min: number; readonly max: number; readonly fallback: number },
): number {
  const value = params.opt(name);
  if (value === undefined) return range.fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < range.min || n > range.max) {
    invalid(name, `expected an integer from ${range.min} to ${range.max}, got "${value}".`);
  }
  return n;
}

/** A parameter that must be one of a few literal strings (e.g. AddressType `0`/`1`). */
export function oneOf<T extends string>(
  params: DmParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = params.opt(name);
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) invalid(name, `expected one of ${allowed.join(', ')}.`);
  return value as T;
}

/** Length in characters (code points), as the documented limits count. */
export function charLength(text: string): number {
  return [...text].length;
}

/** One page of `items` for PageNo/PageSize paging (1-based). */
export function paginate<T>(items: readonly T[], pageNo: number, pageSize: number): T[] {
  const start = (pageNo - 1) * pageSize;
  return items.slice(start, start + pageSize);
}

/** Read PageNo/PageSize with the action's default page size. */
export function paging(
  params: DmParams,
  defaultSize: number,
): { pageNo: number; pageSize: number } {
  return {
    pageNo: intParam(params, 'PageNo', { min: 1, max: 1_000_000, fallback: 1 }),
    pageSize: intParam(params, 'PageSize', { min: 1, max: 100, fallback: defaultSize }),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2019-09-29T13:28Z`: the CreateTime format of DirectMail list answers (no seconds). */
export function createTimeOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}Z`;
}

/** Epoch seconds, the `Utc…Time` fields. */
export function utcSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** The address inside a `Name <address>` outbox `from`, or the whole value. */
export function addressOf(from: string): string {
  const m = /<([^>]+)>$/.exec(from);
  return (m?.[1] ?? from).toLowerCase();
}
