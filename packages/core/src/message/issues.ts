/**
 * Turning zod's issues into mailbridge `Issue`s (one per problem, located by path, worded for
 * the person who wrote the message), and the guard that makes every validation entry point
 * throw nothing but a `MailError`.
 */
import type { z } from 'zod';
import { type Issue, invalidInput, isMailError, MailError } from '../errors.js';

type ZodIssue = z.core.$ZodIssue;
type Path = readonly (string | number)[];

const ARTICLE: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  record: 'an object',
  date: 'a valid Date',
};

/** What the value is, for "expected X, got Y". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  return ARTICLE[typeof value] ?? typeof value;
}

function pathOf(prefix: Path, path: readonly PropertyKey[]): (string | number)[] {
  const out: (string | number)[] = [...prefix];
  for (const key of path) out.push(typeof key === 'symbol' ? String(key) : key);
  return out;
}

/**
 * The union branch the input was meant for: the first whose failure is not a plain type
 * mismatch at its root. `undefined` when the value fits no branch at all.
 */
function intendedBranch(
  branches: readonly (readonly ZodIssue[])[],
): readonly ZodIssue[] | undefined {
  return branches.find(
    (issues) => !issues.every((issue) => issue.code === 'invalid_type' && issue.path.length === 0),
  );
}

/** Append the mailbridge issues for one zod issue to `out`. */
function convert(issue: ZodIssue, prefix: Path, out: Issue[]): void {
  const path = pathOf(prefix, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      out.push({
        path,
        message:
          issue.input === undefined
            ? 'is required'
            : `expected ${ARTICLE[issue.expected] ?? issue.expected}, got ${kindOf(issue.input)}`,
      });
      return;
    case 'unrecognized_keys':
      for (const key of issue.keys)
        out.push({ path: [...path, key], message: `unknown field "${key}"` });
      return;
    case 'invalid_union': {
      const branch = intendedBranch(issue.errors);
      if (branch) for (const inner of branch) convert(inner, path, out);
      else out.push({ path, message: issue.input === undefined ? 'is required' : issue.message });
      return;
    }
    case 'invalid_key':
      out.push({ path, message: issue.issues[0]?.message ?? issue.message });
      return;
    default:
      out.push({ path, message: issue.message });
  }
}

/** mailbridge issues for zod's, each with its full path from the top of the input. */
export function toIssues(issues: readonly ZodIssue[], prefix: Path = []): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) convert(issue, prefix, out);
  return out;
}

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
 * The parsed value, or `invalid_input` with every issue. The fast path parses without
 * `reportInput` (which roughly halves zod's speed); only a failure parses again to word the
 * issues ("expected a string, got a number", "is required").
 */
export function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: Path = [],
): z.output<S> {
  const fast = schema.safeParse(input);
  if (fast.success) return fast.data;
  throw invalidInput(detailedIssues(schema, input, prefix));
}

/** The issues of an input known to fail, parsed again with the input reported for wording. */
export function detailedIssues(schema: z.ZodType, input: unknown, prefix: Path = []): Issue[] {
  const detailed = schema.safeParse(input, { reportInput: true });
  return detailed.success ? [] : toIssues(detailed.error.issues, prefix);
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
