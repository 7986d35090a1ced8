/**
 * zod pieces for DirectMail's documented request limits, checked by the raw client before any
 * request. Each error message states the limit, and the issue path names the parameter, so a
 * caller reads "Invalid input: Subject: at most 256 characters". The numbers and where they come
 * from are in docs/providers/aliyun-dm-limits.md; each use cites its row there.
 */
import { z } from '@mailbridge/core/schema';
import { jsonParam } from './action.js';

/** Length in code points, as DirectMail counts characters (a CJK character is one). */
const length = (value: string) => [...value].length;

/** A string of `min` to `max` characters (code points). */
export const chars = (min: number, max: number) =>
  z.string().check(
    z.refine((value) => length(value) >= min, `at least ${min} character${min === 1 ? '' : 's'}`),
    z.refine((value) => length(value) <= max, `at most ${max} characters`),
  );

// TextEncoder, not Buffer: the package also runs outside Node (test/runtimes).
const utf8 = new TextEncoder();

/** A string whose UTF-8 encoding is at most `max` bytes (`label` says it in words). */
export const bytes = (max: number, label: string) =>
  z
    .string()
    .check(z.refine((value) => utf8.encode(value).length <= max, `at most ${label} (UTF-8)`));

/** A comma-separated address list of 1 to `max` entries (`ToAddress`, `BccAddress`). */
export const addressList = (max: number) =>
  z.string().check(
    z.minLength(1),
    z.refine(
      (value) => value.split(',').filter((a) => a.trim() !== '').length <= max,
      `at most ${max} comma-separated addresses`,
    ),
  );

/**
 * `TagName`: 1 to 128 of letters, digits, `_` and `-` (docs/providers/aliyun-dm-limits.md
 * "Recipient lists and tags").
 */
export const tagName = z.pipe(
  z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]*$/, 'only letters, digits, _ and - (at most 128 characters)')),
  chars(1, 128),
);

/** A sender or mailbox password: 10 to 20 characters with a digit, an upper- and a lower-case letter. */
export const password = z.string().check(
  z.refine((value) => {
    const n = length(value);
    return n >= 10 && n <= 20 && /\d/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value);
  }, '10 to 20 characters including a digit, an upper-case and a lower-case letter'),
);

/** A JSON object parameter (`Headers`) of at most `max` keys, given as a value or a string. */
export const jsonObjectOf = (max: number, what: string) =>
  jsonParam.check(
    z.refine((json) => {
      const parsed = safeJson(json);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
      return Object.keys(parsed).length <= max;
    }, `a JSON object of at most ${max} ${what}`),
  );

/** A JSON array parameter (`Detail`) of 1 to `max` entries, given as a value or a string. */
export const jsonArrayOf = (max: number, what: string) =>
  jsonParam.check(
    z.refine((json) => {
      const parsed = safeJson(json);
      return Array.isArray(parsed) && parsed.length >= 1 && parsed.length <= max;
    }, `a JSON array of 1 to ${max} ${what}`),
  );

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** An integer from `min` to `max`. */
export const intRange = (min: number, max: number) =>
  z.number().check(
    z.int(),
    z.refine((n) => n >= min && n <= max, `an integer from ${min} to ${max}`),
  );

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of `yyyy-MM-dd[ HH:mm]` read as UTC, or undefined. */
function dateOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0'] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
}

/**
 * A `StartTime`..`EndTime` window of at most `days` days (the statistics queries). Only dates
 * this can read are compared; the format itself is the server's to judge.
 */
export function spanAtMost(days: number, start = 'StartTime', end = 'EndTime') {
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    const from = dateOf(value[start]);
    const to = dateOf(value[end]);
    if (from === undefined || to === undefined) return;
    if (to < from) ctx.addIssue({ code: 'custom', path: [end], message: `not before ${start}` });
    else if (to - from > days * DAY_MS) {
      ctx.addIssue({ code: 'custom', path: [end], message: `at most ${days} days after ${start}` });
    }
  };
}

/** The same as `spanAtMost` for epoch-second pairs (ListUserSuppression). */
export function secondsSpanAtMost(days: number, start: string, end: string) {
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    const from = value[start];
    const to = value[end];
    if (typeof from !== 'number' || typeof to !== 'number') return;
    if (to - from > days * 86_400) {
      ctx.addIssue({ code: 'custom', path: [end], message: `at most ${days} days after ${start}` });
    }
  };
}

/**
 * Tracking needs a tag: with `ClickTrace` `'1'`, `TagName` is required (SingleSendMail and
 * BatchSendMail `TagName`: "If email tracking is enabled, you must specify an email tag").
 */
export function tagWithClickTrace(
  value: Record<string, unknown>,
  ctx: z.core.$RefinementCtx,
): void {
  if (value['ClickTrace'] === '1' && value['TagName'] === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['TagName'],
      message: 'required when ClickTrace is 1 (tracking needs a tag)',
    });
  }
}

/** Run several object checks in order. */
export function all(
  ...checks: ((value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => void)[]
): (value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => void {
  return (value, ctx) => {
    for (const check of checks) check(value, ctx);
  };
}
