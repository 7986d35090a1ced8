/**
 * Strict, tolerant reading of an untrusted event payload: unknown keys are ignored (providers
 * add fields), a known key of the wrong type is an `invalid_input` error naming it (a string
 * where a number belongs is not guessed at). `null` counts as absent. Both adapters' event
 * parsers read through this, so the rule is written once.
 */
import { parseJson } from '../run/json.js';
import { eventError } from './event.js';

/** Typed getters over one JSON object of an event payload. */
export interface EventFields {
  /** The object itself (for the raw payload). */
  readonly raw: Readonly<Record<string, unknown>>;
  /** Where this object sits in the body, for error paths. */
  readonly path: readonly (string | number)[];
  /** A string field; with several names, the first present (spelling drift, `bulkId`/`bulkid`). */
  string(...names: string[]): string | undefined;
  /** An integer field (JSON number without a fraction). */
  integer(...names: string[]): number | undefined;
  /** An integer of Unix seconds as a Date; out of the Date range is an error. */
  seconds(...names: string[]): Date | undefined;
  boolean(...names: string[]): boolean | undefined;
  /** A nested object. */
  object(...names: string[]): EventFields | undefined;
  /** A nested object of string values (headers). */
  strings(...names: string[]): Readonly<Record<string, string>> | undefined;
}

/** Bodies above this many nesting levels are refused rather than walked. */
const MAX_DEPTH = 64;

/**
 * Parse an event body: a string is read as JSON (ids above 2^53 keep their digits), anything
 * else is taken as already parsed. A body that is not JSON is an `invalid_input` error.
 */
export function parseEventBody(provider: string, body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return parseJson(body);
  } catch {
    throw eventError(provider, [], 'the body is not JSON');
  }
}

/** Read `value` as an object, or throw an `invalid_input` error naming `path`. */
export function eventFields(
  provider: string,
  value: unknown,
  path: readonly (string | number)[] = [],
): EventFields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw eventError(provider, path, `expected an object, got ${describe(value)}`);
  }
  if (path.length > MAX_DEPTH) throw eventError(provider, path, 'nested too deeply');
  const raw = value as Readonly<Record<string, unknown>>;
  const pick = (names: string[]): [string, unknown] | undefined => {
    for (const name of names) {
      const v = Object.hasOwn(raw, name) ? raw[name] : undefined;
      if (v !== undefined && v !== null) return [name, v];
    }
    return undefined;
  };
  const typed = <T>(names: string[], ok: (v: unknown) => v is T, what: string): T | undefined => {
    const hit = pick(names);
    if (hit === undefined) return undefined;
    if (!ok(hit[1])) {
      throw eventError(provider, [...path, hit[0]], `expected ${what}, got ${describe(hit[1])}`);
    }
    return hit[1];
  };
  return {
    raw,
    path,
    string: (...names) => typed(names, isString, 'a string'),
    integer: (...names) =>
      typed(names, Number.isSafeInteger as (v: unknown) => v is number, 'an integer'),
    boolean: (...names) => typed(names, isBoolean, 'a boolean'),
    seconds(...names) {
      const n = this.integer(...names);
      if (n === undefined) return undefined;
      const at = new Date(n * 1000);
      if (Number.isNaN(at.getTime())) {
        const name = names.find((k) => raw[k] === n) ?? names[0] ?? '';
        throw eventError(provider, [...path, name], `${n} is not a time in Unix seconds`);
      }
      return at;
    },
    object(...names) {
      const hit = pick(names);
      return hit === undefined ? undefined : eventFields(provider, hit[1], [...path, hit[0]]);
    },
    strings(...names) {
      const inner = this.object(...names);
      if (inner === undefined) return undefined;
      const out: Record<string, string> = {};
      for (const key of Object.keys(inner.raw)) {
        const v = inner.string(key);
        if (v !== undefined) out[key] = v;
      }
      return out;
    },
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
