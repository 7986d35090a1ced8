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
import { z } from 'zod';
import { parse } from '../issues.js';

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

const positiveInt = z.number().int().positive({ error: 'expected a positive integer' });
const validDate = z.date({ error: 'expected a valid Date' });

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const interval = z.union(
  [z.strictObject({ hours: positiveInt }), z.strictObject({ days: positiveInt })],
  { error: 'expected { hours } or { days }, a positive integer' },
);

const ruleSchema = z.union(
  [
    z.strictObject({ at: validDate }),
    z.strictObject({ at: validDate, every: interval, times: positiveInt.optional() }),
    z.strictObject({
      cron: z.string().trim().min(1, { error: 'expected a cron expression' }),
      tz: z
        .string()
        .refine(validTimeZone, { error: 'expected an IANA time zone such as Asia/Shanghai' })
        .optional(),
      times: positiveInt.optional(),
    }),
  ],
  { error: 'expected { at }, { at, every, times? } or { cron, tz?, times? }' },
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
  if ('cron' in data) {
    const rule: CronRule = { cron: data.cron.trim() };
    return Object.freeze({
      ...rule,
      ...(data.tz === undefined ? {} : { tz: data.tz }),
      ...(data.times === undefined ? {} : { times: data.times }),
    });
  }
  const at = new Date(data.at.getTime());
  if (!('every' in data)) return Object.freeze({ at });
  const every: Interval = Object.freeze(
    'hours' in data.every ? { hours: data.every.hours } : { days: data.every.days },
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
