/**
 * Reading action parameters from the JSON body with Tencent's common error codes (docs/providers/tencent-ses.md "Error classification"):
 * an absent required field is `MissingParameter`, a field of the wrong JSON type is
 * `InvalidParameter`, a field the action does not define is `UnknownParameter`.
 */
import { fail } from './errors.js';

/** The parsed JSON body of one request. */
export type Params = Readonly<Record<string, unknown>>;

/** Parse the body: a JSON object (an empty body or `null` counts as `{}`). */
export function parseParams(body: Buffer): Params {
  const text = body.toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail('InvalidParameter', 'the request body is not valid JSON');
  }
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail('InvalidParameter', 'the request body must be a JSON object of action parameters');
  }
  return value as Params;
}

/** Refuse fields the action does not define (catches misspelt or wrongly nested fields). */
export function checkKnown(params: Params, allowed: readonly string[], where = ''): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) fail('UnknownParameter', `unknown parameter ${where}${key}`);
  }
}

function wrongType(name: string, type: string): never {
  fail('InvalidParameter', `parameter ${name} must be ${type}`);
}

/** An optional string; `null` counts as absent (the SDK drops nulls before sending). */
export function optString(params: Params, key: string, where = ''): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') wrongType(where + key, 'a String');
  return value;
}

export function reqString(params: Params, key: string, where = ''): string {
  const value = optString(params, key, where);
  if (value === undefined) fail('MissingParameter', `missing required parameter ${where}${key}`);
  return value;
}

/** An optional integer (JSON number without fraction). */
export function optInt(params: Params, key: string, where = ''): number | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    wrongType(where + key, 'an Integer');
  }
  return value;
}

export function reqInt(params: Params, key: string, where = ''): number {
  const value = optInt(params, key, where);
  if (value === undefined) fail('MissingParameter', `missing required parameter ${where}${key}`);
  return value;
}

/** An optional array of strings. */
export function optStrings(params: Params, key: string): readonly string[] | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    wrongType(key, 'an Array of String');
  }
  return value as string[];
}

/** An optional array of objects. */
export function optObjects(params: Params, key: string): readonly Params[] | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => !isObject(v))) {
    wrongType(key, 'an Array of objects');
  }
  return value as Params[];
}

/** An optional nested object. */
export function optObject(params: Params, key: string): Params | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) wrongType(key, 'an object');
  return value;
}

function isObject(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Offset/Limit of a List* action: both required, Limit at most 100 (docs/providers/tencent-ses-limits.md "The limits"). */
export function paging(params: Params): { offset: number; limit: number } {
  const offset = reqInt(params, 'Offset');
  const limit = reqInt(params, 'Limit');
  if (limit > 100) fail('FailedOperation.InvalidLimit', `Limit must be at most 100, got ${limit}`);
  if (offset < 0 || limit < 0) fail('InvalidParameterValue', 'Offset and Limit must be >= 0');
  return { offset, limit };
}
