/**
 * Occurrences of a schedule rule, each computed from the rule itself: `{ at, every }` gives
 * `at + k × interval` for the k-th run, and a cron rule gives the first match after the previous
 * occurrence's *due* time. Neither looks at when a run actually happened, so a late run never
 * shifts the ones after it. Cron expressions are evaluated by croner (Vixie-cron DST rules: a
 * time inside a spring-forward gap runs at the first valid time after it; an hour repeated at
 * fall-back runs once), see https://github.com/Hexagon/croner.
 */
import type { CronRule, Occurrence, ScheduleRule } from '@mailbridge/core';
import { intervalMs, invalidInput, isCronRule, isEveryRule } from '@mailbridge/core/provider';
import { Cron } from 'croner';

const cronCache = new Map<string, Cron>();
const MAX_CACHED = 256;

/** The croner instance of a cron rule (paused: it only computes times, it never fires). */
function cronOf(rule: CronRule): Cron {
  const key = `${rule.tz ?? 'UTC'} ${rule.cron}`;
  let cron = cronCache.get(key);
  if (cron === undefined) {
    cron = new Cron(rule.cron, { timezone: rule.tz ?? 'UTC', paused: true });
    if (cronCache.size >= MAX_CACHED) cronCache.clear();
    cronCache.set(key, cron);
  }
  return cron;
}

/**
 * Check what only the engine can: that a cron expression parses and ever fires. Throws
 * `invalid_input` at `schedule.cron`; other rules pass through (core checked their shape).
 */
export function validateRule(rule: ScheduleRule, now: number): void {
  if (!isCronRule(rule)) return;
  let next: Date | null;
  try {
    next = cronOf(rule).nextRun(new Date(now));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw invalidInput([
      { path: ['schedule', 'cron'], message: `not a valid cron expression: ${why}` },
    ]);
  }
  if (next === null)
    throw invalidInput([
      { path: ['schedule', 'cron'], message: 'the expression never fires after now' },
    ]);
}

/** The first occurrence: `at` for timed and interval rules, the first cron match after `now`. */
export function firstOccurrence(rule: ScheduleRule, now: number): Occurrence | undefined {
  if (!isCronRule(rule)) return { index: 0, due: new Date(rule.at.getTime()) };
  const due = cronOf(rule).nextRun(new Date(now));
  return due === null ? undefined : { index: 0, due };
}

/** The occurrence after `previous`, or `undefined` when the rule has no more runs. */
export function nextOccurrence(rule: ScheduleRule, previous: Occurrence): Occurrence | undefined {
  const index = previous.index + 1;
  if (isCronRule(rule)) {
    if (rule.times !== undefined && index >= rule.times) return undefined;
    const due = cronOf(rule).nextRun(previous.due);
    return due === null ? undefined : { index, due };
  }
  if (!isEveryRule(rule)) return undefined;
  if (rule.times !== undefined && index >= rule.times) return undefined;
  return { index, due: new Date(rule.at.getTime() + index * intervalMs(rule.every)) };
}
