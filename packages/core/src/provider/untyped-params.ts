/**
 * The parameters of a raw `call` to an action an adapter does not type: a plain object of JSON
 * values, checked before any request. Without this check `JSON.stringify` decides: a function,
 * a symbol or an `undefined` array item is dropped or becomes `null`, `NaN` and `Infinity`
 * become `null`, a `Date` or a `Map` changes shape, and a `BigInt` or a cycle throws a bare
 * `TypeError` from inside the build step.
 */
import type { Issue } from '../errors.js';

type Path = readonly (string | number)[];

/** Deeper than any provider parameter, shallow enough that the walk cannot exhaust the stack. */
const MAX_DEPTH = 32;

/** At most this many issues are listed: enough to fix the call, never a wall of text. */
const MAX_ISSUES = 10;

const EXPECTED =
  'a JSON value: a string, a finite number, a boolean, null, an array or a plain object';

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null) {
    return `a ${Object.getPrototypeOf(value)?.constructor?.name ?? 'non-plain object'}`;
  }
  return `a ${typeof value}`;
}

/**
 * Every place in `params` a JSON request could not carry as given, each with its path under
 * `at`; `params` itself must be a plain object. An object property set to `undefined` is
 * allowed: it means the parameter is absent, as in JSON.
 *
 * @example
 * ```ts
 * const issues = untypedParamsIssues(params, ['params']);
 * if (issues.length > 0) throw invalidInput(issues, 'my-provider');
 * ```
 */
export function untypedParamsIssues(params: unknown, at: Path): Issue[] {
  if (
    typeof params !== 'object' ||
    params === null ||
    Array.isArray(params) ||
    !isPlainObject(params)
  ) {
    return [{ path: at, message: 'the action parameters as a plain object (JSON)' }];
  }
  const issues: Issue[] = [];
  const ancestors = new Set<object>();
  const visit = (value: unknown, path: Path, inArray: boolean): void => {
    if (issues.length >= MAX_ISSUES) return;
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(value)) issues.push({ path, message: `${EXPECTED}; got ${value}` });
        return;
      case 'undefined':
        if (inArray) issues.push({ path, message: `${EXPECTED}; got undefined in an array` });
        return;
      case 'object':
        break;
      default:
        issues.push({ path, message: `${EXPECTED}; got ${describe(value)}` });
        return;
    }
    if (value === null) return;
    if (ancestors.has(value)) {
      issues.push({ path, message: 'refers to an object that contains it (a cycle)' });
      return;
    }
    if (path.length - at.length > MAX_DEPTH) {
      issues.push({ path, message: `nested deeper than ${MAX_DEPTH} levels` });
      return;
    }
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) {
      issues.push({ path, message: `${EXPECTED}; got ${describe(value)}` });
      return;
    }
    ancestors.add(value);
    // An index loop, not forEach: a hole is `null` in JSON, so it is reported like `undefined`.
    if (isArray) for (let i = 0; i < value.length; i++) visit(value[i], [...path, i], true);
    else for (const [key, item] of Object.entries(value)) visit(item, [...path, key], false);
    ancestors.delete(value);
  };
  visit(params, at, false);
  return issues;
}
