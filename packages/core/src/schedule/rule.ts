/**
 * Schedule rules: when a scheduled send or batch fires. Three forms, one type:
 * - `{ at }`: once;
 * - `{ at, every: { hours } | { days }, times? }`: from `at`, every interval (`times` runs in all,
 *   unbounded without it);
 * - `{ cron, tz?, times? }`: a five- or six-field cron expression in an IANA time zone (default
 *   UTC), evaluated by the scheduler engine (cron syntax is checked there, at schedule time).
 * Each occurrence is computed from the rule (`at + k × interval`, or the next cron time after the
 * previous *due* time), never from when the previous run happened, so a schedule does not drift.
 */
import * as z from 'zod/mini';
import type { Capabilities } from '../capabilities/capabilities.js';
import { parse } from '../message/issues.js';

/** Fire once at `at`. */
export interface AtRule {
  readonly at: Date;
}

/** An interval between runs: whole hours or whole days (a day is 24 hours, UTC-free). */
export type Interval = { readonly hours: number } | { readonly days: number };

/** Fire at `at`, then every `every`; `times` runs in all (unbounded when absent). */
export interface EveryRule {
  readonly at: Date;
  readonly every: Interval;
  readonly times?: number;
}

/** Fire at each time a cron expression matches in `tz` (IANA name, default `UTC`). */
export interface CronRule {
  readonly cron: string;
  readonly tz?: string;
  readonly times?: number;
}

/** When a scheduled send or batch fires. */
export type ScheduleRule = AtRule | EveryRule | CronRule;

const POSITIVE_INT = 'expected a positive integer';
/** A positive integer, with `checks` after (a maximum). */
const positiveInt = (...checks: z.core.$ZodCheck<number>[]) =>
  z.int({ error: POSITIVE_INT }).check(z.positive({ error: POSITIVE_INT }), ...checks);

/**
 * The latest `at`: 9999-12-31 23:59:59 in UTC+8. Wire formats write four-digit years (Tencent's
 * `BeginTime` is `YYYY-MM-DD hh:mm:ss` China time, https://cloud.tencent.com/document/api/1288/63481),
 * so a later Date would go out as a five-digit or signed year.
 */
export const LATEST_AT_MS = Date.UTC(9999, 11, 31, 15, 59, 59);

/** Intervals are sent as an integer of hours (Tencent `IntervalTime`, same page): at most 2^31 - 1. */
const MAX_HOURS = 2 ** 31 - 1;

const validDate = z.date({ error: 'expected a valid Date' }).check(
  z.maximum(new Date(LATEST_AT_MS), {
    error: 'at most 9999-12-31 23:59:59 UTC+8 (four-digit year)',
  }),
);

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const MAX_DAYS = Math.floor(MAX_HOURS / 24);

type IntervalData = { hours?: number | undefined; days?: number | undefined };

const interval = z
  .strictObject({
    hours: z.optional(positiveInt(z.maximum(MAX_HOURS, { error: `at most ${MAX_HOURS} hours` }))),
    days: z.optional(
      positiveInt(z.maximum(MAX_DAYS, { error: `at most ${MAX_DAYS} days (an integer of hours)` })),
    ),
  })
  .check(
    z.superRefine((value: IntervalData, ctx) => {
      if ((value.hours === undefined) === (value.days === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'expected { hours } or { days }', input: value });
      }
    }),
  );

const ruleFields = z.strictObject({
  at: z.optional(validDate),
  every: z.optional(interval),
  times: z.optional(positiveInt()),
  cron: z.optional(
    z.string().check(z.trim(), z.minLength(1, { error: 'expected a cron expression' })),
  ),
  tz: z.optional(
    z
      .string()
      .check(
        z.refine(validTimeZone, { error: 'expected an IANA time zone such as Asia/Shanghai' }),
      ),
  ),
});

const ruleSchema = ruleFields.check(
  z.superRefine((value: z.output<typeof ruleFields>, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message, input: value });
    if (value.cron !== undefined) {
      if (value.at !== undefined) issue('at', 'a cron schedule has no at (it starts now)');
      if (value.every !== undefined) issue('every', 'use cron or every, not both');
      return;
    }
    if (value.at === undefined) issue('at', 'is required (or give a cron expression)');
    if (value.tz !== undefined) issue('tz', 'tz applies only to a cron schedule');
    if (value.times !== undefined && value.every === undefined)
      issue('times', 'times applies only to a recurring schedule (set every)');
  }),
);

/**
 * Validate a schedule rule's shape and return a frozen copy (the caller may mutate its `Date`
 * afterwards). `invalid_input` names the field (`schedule.every.hours`). Whether `at` lies in
 * the past is the caller's check: it owns the clock.
 */
export function normalizeRule(
  input: unknown,
  path: readonly string[] = ['schedule'],
): ScheduleRule {
  const data = parse(ruleSchema, input, [...path]);
  if (data.cron !== undefined) {
    return Object.freeze({
      cron: data.cron,
      ...(data.tz === undefined ? {} : { tz: data.tz }),
      ...(data.times === undefined ? {} : { times: data.times }),
    });
  }
  // A copy of the Date: the caller may reuse and mutate theirs after the call.
  const at = new Date((data.at as Date).getTime());
  if (data.every === undefined) return Object.freeze({ at });
  const every: Interval = Object.freeze(
    data.every.hours !== undefined
      ? { hours: data.every.hours }
      : { days: data.every.days as number },
  );
  return Object.freeze(data.times === undefined ? { at, every } : { at, every, times: data.times });
}

/** True for `{ cron }` rules. */
export function isCronRule(rule: ScheduleRule): rule is CronRule {
  return 'cron' in rule;
}

/** True for `{ at, every }` rules. */
export function isEveryRule(rule: ScheduleRule): rule is EveryRule {
  return 'every' in rule;
}

const HOUR_MS = 3_600_000;

/** The interval in milliseconds (`{ days: 1 }` is 24 hours). */
export function intervalMs(every: Interval): number {
  return 'hours' in every ? every.hours * HOUR_MS : every.days * 24 * HOUR_MS;
}

/** The interval in whole hours (Tencent's `CycleParam.IntervalTime` unit). */
export function intervalHours(every: Interval): number {
  return 'hours' in every ? every.hours : every.days * 24;
}

/** Rules the provider holds itself: timed and interval rules its capabilities name. */
export function nativeFits(rule: ScheduleRule, caps: Capabilities): rule is AtRule | EveryRule {
  if (isCronRule(rule)) return false;
  if (!('every' in rule) || rule.times === 1) return caps.schedule.timed;
  return caps.schedule.recurring && (rule.times === undefined || caps.schedule.runCount === true);
}
