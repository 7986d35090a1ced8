/**
 * zod issues as mailbridge `Issue`s: the one converter every schema's failure goes through
 * (messages, configs, provider options, adapter request schemas). Core validates with
 * `zod/mini`, which loads no locale, so every word a user reads comes from here or from a
 * schema's own `error`, never from zod's default text ("Invalid input").
 */
import * as z from 'zod/mini';
import type { Issue } from '../errors.js';
import type { ActionSchema } from './action-schema.js';

type ZodIssue = z.core.$ZodIssue;
type Path = readonly (string | number)[];

/** How `issuesFromZod` words and locates the issues. */
export interface IssuesFromZodOptions {
  /** Prepended to every issue's path (`['providerOptions', 'tencent-ses']`). */
  readonly path?: Path;
  /**
   * What an unknown key is called: `field` in a message (`unknown field "nme"`), `key` in a
   * config (`unknown key 'retrys'`). Default `field`.
   */
  readonly unknown?: 'field' | 'key';
}

const ARTICLE: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  bigint: 'a bigint',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  record: 'an object',
  date: 'a valid Date',
  function: 'a function',
};

/** What the value is, for "expected X, got Y". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
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

function shown(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'bigint' ? `${value}` : JSON.stringify(value);
}

type Bound = { origin: string; inclusive?: boolean; value: unknown };

/** "must be at least 1", "must be at most 256 characters", "must have at least 1 item". */
function bound(side: 'least' | 'most', { origin, inclusive, value }: Bound): string {
  const limit = shown(value);
  if (origin === 'string')
    return `must be at ${side} ${limit} character${limit === '1' ? '' : 's'}`;
  if (origin === 'array' || origin === 'set' || origin === 'file')
    return `must have at ${side} ${limit} item${limit === '1' ? '' : 's'}`;
  if (origin === 'date')
    return side === 'least' ? `must not be before ${limit}` : `must not be after ${limit}`;
  if (inclusive === false) return `must be ${side === 'least' ? 'greater' : 'less'} than ${limit}`;
  return `must be at ${side} ${limit}`;
}

/** The words for one zod issue whose code needs no recursion. */
function wordsFor(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = `expected ${ARTICLE[issue.expected] ?? issue.expected}`;
      // `input` is there only when the parse ran with `reportInput`.
      if (!('input' in issue)) return expected;
      return issue.input === undefined ? 'is required' : `${expected}, got ${kindOf(issue.input)}`;
    }
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return bound('least', { ...issue, value: issue.minimum });
    case 'too_big':
      return bound('most', { ...issue, value: issue.maximum });
    case 'invalid_format':
      return issue.format === 'regex'
        ? 'does not have the expected format'
        : `expected a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${shown(issue.divisor)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${shown(issue.values[0])}`
        : `expected one of ${issue.values.map(shown).join(', ')}`;
    default:
      return issue.message;
  }
}

/** Append the mailbridge issues for one zod issue to `out`. */
function convert(issue: ZodIssue, prefix: Path, unknown: 'field' | 'key', out: Issue[]): void {
  const path = pathOf(prefix, issue.path);
  // A schema's own `error` (zod sets `message` from it) wins over our generic words, except for
  // a wrong type, where "expected X, got Y" says more.
  const own = issue.message !== GENERIC && issue.code !== 'invalid_type';
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys)
        out.push({
          path: [...path, key],
          message: unknown === 'key' ? `unknown key '${key}'` : `unknown field "${key}"`,
        });
      return;
    case 'invalid_union': {
      const branch = intendedBranch(issue.errors);
      if (branch) for (const inner of branch) convert(inner, path, unknown, out);
      else {
        const missing = 'input' in issue && issue.input === undefined;
        out.push({ path, message: missing ? 'is required' : issue.message });
      }
      return;
    }
    case 'invalid_key':
    case 'invalid_element': {
      const inner = issue.issues[0];
      if (inner) convert({ ...inner, path: [] } as ZodIssue, path, unknown, out);
      else out.push({ path, message: issue.message });
      return;
    }
    default:
      out.push({
        path,
        message: own ? issue.message : wordsFor(issue),
      });
  }
}

/**
 * mailbridge `Issue`s for a zod error (or its `issues`), each with its full path from the top of
 * the input, worded for the person who wrote it ("is required", "expected a string, got a
 * number", `unknown field "nme"`), unknown keys first. Parse with `{ reportInput: true }` for
 * "got ..." wording, or let `schemaIssues` parse.
 *
 * @example
 * ```ts
 * const parsed = z.safeParse(schema, value, { reportInput: true });
 * if (!parsed.success)
 *   throw invalidInput(issuesFromZod(parsed.error, { path: ['providerOptions', 'acme'] }), 'acme');
 * ```
 */
export function issuesFromZod(
  error: { readonly issues: readonly ZodIssue[] } | readonly ZodIssue[],
  options: IssuesFromZodOptions = {},
): Issue[] {
  const issues = 'issues' in error ? error.issues : (error as readonly ZodIssue[]);
  const out: Issue[] = [];
  // Unknown keys first: a misspelt key ("TagNam") is usually why a required one is missing.
  const ordered = [
    ...issues.filter((issue) => issue.code === 'unrecognized_keys'),
    ...issues.filter((issue) => issue.code !== 'unrecognized_keys'),
  ];
  for (const issue of ordered) convert(issue, options.path ?? [], options.unknown ?? 'field', out);
  return out;
}

/** zod's text for an issue no schema worded; ours replaces it (see `convert`). */
const GENERIC = 'Invalid input';
const generic = () => GENERIC;

/**
 * The issues of `input` against `schema` (`[]` when it passes), parsed with the input reported
 * (for "got a number") and with zod's locale set aside, so the words are ours whether or not
 * something in the process loaded zod's classic API and its English messages.
 */
export function schemaIssues(
  schema: z.core.$ZodType | ActionSchema,
  input: unknown,
  options: IssuesFromZodOptions = {},
): Issue[] {
  // An `ActionSchema` is a zod schema behind a zod-free published type (action-schema.ts).
  const zodSchema = schema as z.core.$ZodType;
  const parsed = z.safeParse(zodSchema, input, { reportInput: true, error: generic });
  return parsed.success ? [] : issuesFromZod(parsed.error, options);
}
