/**
 * The life of a job as pure functions of (job, time, outcome): every engine (in memory, SQLite,
 * BullMQ) moves jobs through the same steps, so they agree on states, lateness and occurrences.
 *   pending --claim--> sending --record--> pending (next occurrence) | sent | failed | unknown
 *   pending --cancel--> cancelled
 */
import {
  type Job,
  type JobInput,
  type JobRun,
  MailError,
  type Occurrence,
  type ReplayPin,
  type RunOutcome,
} from '@mailbridge/core';
import { firstOccurrence, nextOccurrence } from './occurrence.js';

/** What to do with occurrences missed while no worker ran (downtime). */
export type MissedPolicy = 'late' | 'skip';

/** Settings the transitions read. */
export interface TransitionOptions {
  /** `late` (default): fire missed occurrences late, lateness recorded; `skip`: record them skipped. */
  readonly missed?: MissedPolicy;
  /** An occurrence is "missed" when it is claimed more than this after its due time (default 60 s). */
  readonly missedAfterMs?: number;
  /** Runs kept on a job, newest last (default 100). */
  readonly keepRuns?: number;
}

const DEFAULT_MISSED_AFTER_MS = 60_000;
const DEFAULT_KEEP_RUNS = 100;

/** A new pending job (or `undefined` when the rule never fires: a cron with no future match). */
export function newJob(id: string, input: JobInput, now: number): Job | undefined {
  const next = firstOccurrence(input.rule, now);
  if (next === undefined) return undefined;
  return {
    id,
    provider: input.provider,
    payload: input.payload,
    rule: input.rule,
    state: 'pending',
    createdAt: new Date(now),
    next,
    runs: [],
  };
}

function withRun(job: Job, run: JobRun, keep: number): readonly JobRun[] {
  const runs = [...job.runs, run];
  return runs.length > keep ? runs.slice(runs.length - keep) : runs;
}

/** Drop per-claim fields (pin, claim time) once an occurrence is recorded. */
function settled(job: Job): Job {
  const { pin: _pin, claimedAt: _claimedAt, next: _next, error: _error, ...rest } = job;
  return rest;
}

/**
 * Under the `skip` policy, record every occurrence missed by more than `missedAfterMs` as
 * `skipped` and move to the first one that is not. A job whose every occurrence was missed
 * ends `failed` with a `timeout` error saying so.
 */
export function skipMissed(job: Job, now: number, options: TransitionOptions = {}): Job {
  if ((options.missed ?? 'late') !== 'skip' || job.next === undefined) return job;
  const limit = options.missedAfterMs ?? DEFAULT_MISSED_AFTER_MS;
  let current = job;
  let next: Occurrence | undefined = job.next;
  while (next !== undefined && now - next.due.getTime() > limit) {
    const run: JobRun = {
      index: next.index,
      due: next.due,
      at: new Date(now),
      latenessMs: now - next.due.getTime(),
      state: 'skipped',
    };
    current = { ...current, runs: withRun(current, run, options.keepRuns ?? DEFAULT_KEEP_RUNS) };
    next = nextOccurrence(current.rule, next);
  }
  if (next !== undefined) return { ...current, next };
  const error = new MailError('Every occurrence was missed while no worker ran (missed: skip)', {
    code: 'timeout',
    provider: job.provider,
  });
  return { ...settled(current), state: 'failed', error };
}

/** The job as claimed at `now`: `sending`, with the pin stored before the first attempt. */
export function claimJob(job: Job, now: number, pin: ReplayPin | undefined): Job {
  return {
    ...job,
    state: 'sending',
    claimedAt: new Date(now),
    ...(pin === undefined ? {} : { pin }),
  };
}

/**
 * Record the outcome of the claimed occurrence: the job is `pending` on its next occurrence
 * (computed from the rule), or ends in the outcome's state after its last one. Returns the job
 * and the run recorded.
 */
export function recordOutcome(
  job: Job,
  outcome: RunOutcome,
  now: number,
  options: TransitionOptions & { readonly recovered?: boolean } = {},
): { readonly job: Job; readonly run: JobRun } {
  const occurrence = job.next as Occurrence;
  const started = job.claimedAt?.getTime() ?? now;
  const run: JobRun = {
    index: occurrence.index,
    due: occurrence.due,
    at: new Date(now),
    latenessMs: Math.max(0, started - occurrence.due.getTime()),
    state: outcome.state,
    ...(outcome.state === 'sent' ? { id: outcome.id } : { error: outcome.error }),
    ...(options.recovered ? { recovered: true } : {}),
  };
  const base = { ...settled(job), runs: withRun(job, run, options.keepRuns ?? DEFAULT_KEEP_RUNS) };
  const next = nextOccurrence(job.rule, occurrence);
  if (next !== undefined) return { job: { ...base, state: 'pending', next }, run };
  if (outcome.state === 'sent') return { job: { ...base, state: 'sent' }, run };
  return { job: { ...base, state: outcome.state, error: outcome.error }, run };
}

/** The job cancelled (only a `pending` job may be; the caller checks). */
export function cancelJob(job: Job): Job {
  return { ...settled(job), state: 'cancelled' };
}
