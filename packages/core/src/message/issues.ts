/**
 * Parsing with a schema into mailbridge `Issue`s (worded by the kit's one converter,
 * provider/zod-issues.ts), and the guard that makes every validation entry point
 * throw nothing but a `MailError`.
 */
import * as z from 'zod/mini';
import { type Issue, invalidInput, isMailError, MailError } from '../errors.js';
import { schemaIssues } from '../provider/zod-issues.js';

type Path = readonly (string | number)[];

/**
 * Run `parse`, turning anything it throws that is not a `MailError` (a throwing getter, a
 * revoked Proxy, a stack overflow on a cyclic value) into `invalid_input`, so callers can rely
 * on one error type.
 */
export function guard<T>(what: string, parse: () => T, input?: unknown): T {
  try {
    return parse();
  } catch (error) {
    if (isMailError(error)) throw error;
    return unreadable(what, error, input);
  }
}

/** `invalid_input` naming the first property whose read throws (a getter, a Proxy trap). */
function unreadable(what: string, error: unknown, input?: unknown): never {
  const path = input === undefined ? [] : (throwingPath(input, [], new Set(), 0) ?? []);
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  throw new MailError(`Invalid input: ${where}the ${what} could not be read`, {
    code: 'invalid_input',
    issues: [{ path, message: `the ${what} could not be read (a property access threw)` }],
    cause: error,
  });
}

/**
 * The path of the first property whose read throws, searched depth-first; bounded in depth and
 * in properties visited, so a huge or cyclic input cannot make the search itself the problem.
 */
function throwingPath(
  value: unknown,
  path: Path,
  seen: Set<object>,
  visited: number,
): Path | undefined {
  if (typeof value !== 'object' || value === null || seen.has(value) || path.length > 8) {
    return undefined;
  }
  seen.add(value);
  let keys: (string | symbol)[];
  try {
    keys = Reflect.ownKeys(value);
  } catch {
    return path;
  }
  for (const key of keys.slice(0, 1_000 - visited)) {
    if (typeof key === 'symbol') continue;
    const at = [...path, Array.isArray(value) && /^\d+$/.test(key) ? Number(key) : key];
    let child: unknown;
    try {
      child = (value as Record<string, unknown>)[key];
    } catch {
      return at;
    }
    const found = throwingPath(child, at, seen, visited + keys.length);
    if (found) return found;
  }
  return undefined;
}

/**
 * The parsed value, or `invalid_input` with every issue. The common case parses without
 * `reportInput` (which roughly halves zod's speed); only a failure parses again to word the
 * issues ("expected a string, got a number", "is required").
 */
export function parse<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  prefix: Path = [],
): z.output<S> {
  const fast = z.safeParse(schema, input);
  if (fast.success) return fast.data;
  throw invalidInput(detailedIssues(schema, input, prefix));
}

/** The issues of an input known to fail, parsed again with the input reported for wording. */
export function detailedIssues(
  schema: z.core.$ZodType,
  input: unknown,
  prefix: Path = [],
): Issue[] {
  return schemaIssues(schema, input, { path: prefix });
}

/** Throw `invalid_input` when there are issues. */
export function throwIfAny(issues: readonly Issue[]): void {
  if (issues.length > 0) throw invalidInput(issues);
}

const MAX_DEPTH = 32;

/**
 * A deeply frozen copy of plain data (objects and arrays); other objects (a `Date`, a
 * `Uint8Array`) are kept as they are, since freezing cannot make them immutable. Copying
 * leaves the caller's objects unfrozen.
 */
export function frozenCopy(value: unknown, path: Path, issues: Issue[], depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) {
    issues.push({ path, message: `is nested more than ${MAX_DEPTH} levels deep` });
    return value;
  }
  if (Array.isArray(value)) {
    return Object.freeze(
      value.map((item, index) => frozenCopy(item, [...path, index], issues, depth + 1)),
    );
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty, so a "__proto__" key stays data instead of replacing the prototype.
    Object.defineProperty(copy, key, {
      value: frozenCopy(item, [...path, key], issues, depth + 1),
      enumerable: true,
    });
  }
  return Object.freeze(copy);
}
