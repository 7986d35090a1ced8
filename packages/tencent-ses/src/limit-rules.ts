/**
 * The building blocks of the raw request limits (limits.ts): each returns a rule, a function
 * from an action's params (already shaped by its request schema in actions.ts) to the issues
 * it finds. Every message states the limit and, where Tencent documents one, the error code
 * the server would answer, so a caller sees the same reason before any request is made.
 */
import type { Issue } from '@mailbridge/core';
import { formatChinaTime, parseChinaTime } from './time.js';

/** An action's params, after the request schema accepted their shape. */
export type Params = Readonly<Record<string, unknown>>;

/** One documented limit, or a few that belong together. */
export type Rule = (params: Params) => Issue[];

type Path = readonly (string | number)[];

/** The value at `path` (undefined when any step is absent). */
export function at(params: Params, path: Path): unknown {
  let value: unknown = params;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

const issue = (path: Path, message: string): Issue[] => [{ path: [...path], message }];

/** A string of `min`-`max` characters (code points, as the provider counts them). */
export function chars(path: Path, min: number, max: number, code: string): Rule {
  return (params) => {
    const value = at(params, path);
    if (typeof value !== 'string') return [];
    const length = [...value].length;
    if (length >= min && length <= max) return [];
    const range = min === 0 ? `at most ${max}` : `${min}-${max}`;
    return issue(path, `must be ${range} characters, got ${length} (${code})`);
  };
}

/** A number or digit string among the documented values. */
export function oneOf(path: Path, values: readonly number[], meaning: string): Rule {
  return (params) => {
    const value = at(params, path);
    if (value === undefined) return [];
    // A digit string in its plain form ("7", not "07"), as the pages write the values.
    const n = typeof value === 'string' && /^(0|[1-9]\d*)$/.test(value) ? Number(value) : value;
    if (typeof n === 'number' && values.includes(n)) return [];
    return issue(path, `must be one of ${values.join(', ')} (${meaning}), got ${String(value)}`);
  };
}

/** A digit string holding an integer of `min`-`max` (ListAddressUnsubscribeConfig.Limit). */
export function digitsRange(path: Path, min: number, max: number): Rule {
  return (params) => {
    const value = at(params, path);
    if (typeof value !== 'string') return [];
    const n = Number(value);
    if (n >= min && n <= max) return [];
    return issue(path, `must be ${min}-${max}, got ${value} (FailedOperation.InvalidLimit)`);
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` calendar date (the API's `Date` type). */
export function date(path: Path): Rule {
  return (params) => {
    const value = at(params, path);
    if (typeof value !== 'string' || isDate(value)) return [];
    return issue(
      path,
      `must be a date YYYY-MM-DD, got "${value}" (InvalidParameterValue.WrongDate)`,
    );
  };
}

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

/** `StartDate` not after `EndDate` (both `YYYY-MM-DD`, so they compare as strings). */
export function dateOrder(start: string, end: string): Rule {
  return (params) => {
    const from = params[start];
    const to = params[end];
    if (typeof from !== 'string' || typeof to !== 'string') return [];
    if (!isDate(from) || !isDate(to) || from <= to) return [];
    return issue([end], `must not be before ${start} (${from}) (InvalidParameterValue.WrongDate)`);
  };
}

/** A `YYYY-MM-DD HH:mm:ss` time (TimedEmailParam / CycleEmailParam BeginTime). */
export function dateTime(path: Path): Rule {
  return (params) => {
    const value = at(params, path);
    if (typeof value !== 'string' || isDateTime(value)) return [];
    return issue(path, `must be a time YYYY-MM-DD HH:mm:ss, got "${value}"`);
  };
}

/** Parsed and formatted back unchanged: a real calendar time (no 2030-13-01 rolling over). */
function isDateTime(text: string): boolean {
  const parsed = parseChinaTime(text);
  return parsed !== undefined && formatChinaTime(parsed) === text;
}

/**
 * Standard base64 with its padding. A loop, not a regex: bodies reach megabytes, and a
 * repeated regex group over them overflows V8's backtracking stack.
 */
export function isBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  for (let i = 0; i < text.length - padding; i++) {
    const c = text.charCodeAt(i);
    const ok =
      (c >= 65 && c <= 90) || // A-Z
      (c >= 97 && c <= 122) || // a-z
      (c >= 48 && c <= 57) || // 0-9
      c === 43 || // +
      c === 47; // /
    if (!ok) return false;
  }
  return true;
}

/** Standard base64 (template and Simple bodies, attachment content). */
export function base64(path: Path, code: string): Rule {
  return (params) => {
    const value = at(params, path);
    if (typeof value !== 'string' || isBase64(value)) return [];
    return issue(path, `must be base64 (${code})`);
  };
}

/** The byte length base64 text decodes to, without decoding it. */
export function decodedBytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/**
 * A string holding a JSON object whose values are strings (Template.TemplateData); `''` too
 * where `allowEmpty` (a batch to a group filled with per-recipient data needs none).
 */
export function templateDataJson(path: Path, allowEmpty = false): Rule {
  return (params) => {
    const value = at(params, path);
    if (typeof value !== 'string' || isStringRecord(value)) return [];
    if (allowEmpty && value === '') return [];
    return issue(
      path,
      'must be a JSON object of string values, serialised to a string (FailedOperation.WrongContentJson)',
    );
  };
}

/** Whether `text` is a JSON object of string values. */
export function isStringRecord(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => typeof v === 'string');
}

/** A field that must be present when another one holds a given value. */
export function requiredWhen(field: string, when: string, value: unknown, code: string): Rule {
  return (params) =>
    params[when] === value && params[field] === undefined
      ? issue([field], `is required when ${when} is ${String(value)} (${code})`)
      : [];
}

/** At least one of `fields` present (and, for arrays, not empty). */
export function anyOf(fields: readonly string[], code: string): Rule {
  return (params) => {
    const given = fields.some((f) => {
      const v = params[f];
      return Array.isArray(v) ? v.length > 0 : v !== undefined;
    });
    return given ? [] : issue([fields[0] ?? ''], `needs one of ${fields.join(', ')} (${code})`);
  };
}
