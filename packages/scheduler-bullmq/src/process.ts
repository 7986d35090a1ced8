/**
 * What a worker does with one due BullMQ job: claim -> send -> record, the cycle of the
 * scheduler contract (packages/core/src/schedule/contract.ts), through the same transitions as
 * the embedded engine (`@mailbridge/scheduler`: claimJob, recordOutcome, skipMissed), so both
 * engines agree on states, lateness and occurrences.
 *
 * - claim: BullMQ hands the job to exactly one worker, under a lock that worker keeps renewing.
 *   Before the first attempt the job is written back as `sending`, with the runner's pin (the
 *   DirectMail signature nonce and timestamp) when it offers one.
 * - send: `runner.run(job)` sends through the Mailer (validation, retries only on `not_sent`);
 *   under a shared rate limit every HTTP attempt takes a slot (src/limit.ts), the first one
 *   before the claim.
 * - record: the run is appended; a recurring job becomes `pending` for its next occurrence
 *   (computed from the rule, never from when this run happened) and goes back to BullMQ's
 *   delayed set; after the last occurrence the job keeps its final state.
 *
 * A worker that dies after the claim loses its lock; BullMQ's stalled check puts the job back in
 * the wait list, and the next worker finds it `sending`: it calls `runner.recover(job)`, which
 * replays the pinned request (the provider refuses a second copy) or reports `unknown` without
 * sending. A job is never sent blindly twice.
 */
import { type Job, type JobRunner, MailError, type RunOutcome } from '@mailbridge/core';
import {
  cancelJob,
  claimJob,
  decodeJob,
  emitRunHook,
  encodeJob,
  recordOutcome,
  skipMissed,
} from '@mailbridge/scheduler';
import { type Job as BullJob, DelayedError } from 'bullmq';
import { gateOf, type SharedLimiter, type Slot } from './limit.js';
import type { ResolvedOptions } from './options.js';

/** BullMQ job data: the scheduler job, encoded by `@mailbridge/scheduler`'s codec. */
export interface JobData {
  readonly job: string;
}

/**
 * A claimed job whose workers died this many times is recorded `unknown` without another
 * attempt: a DirectMail replay is harmless, but a job that keeps killing workers must end.
 */
export const MAX_RECOVERIES = 8;

/** A due job may be picked up this early (ms): BullMQ promotes delayed jobs on its own clock. */
const EARLY_TOLERANCE_MS = 50;

/** What the processor needs besides the job: the runner, options and the cancel check. */
export interface ProcessContext {
  readonly runner: JobRunner;
  readonly options: ResolvedOptions;
  /** True when `cancel(id)` was asked for this job (checked before the claim). */
  isCancelled(id: string): Promise<boolean>;
  /** The shared rate limit, asked before each HTTP attempt of a send or replay (none: no limit). */
  readonly limiter?: SharedLimiter;
}

type Bull = BullJob<JobData>;

/** The BullMQ processor for one provider's queue. */
export function createProcessor(ctx: ProcessContext) {
  const { options, runner } = ctx;
  const transition = { missed: options.missed, missedAfterMs: options.missedAfterMs };
  return async (bjob: Bull, token?: string, signal?: AbortSignal): Promise<void> => {
    const job = decodeJob(bjob.data.job);
    if (job.next === undefined || (job.state !== 'pending' && job.state !== 'sending')) return;
    let claimed: Job;
    let recovered = false;
    let first: Slot | undefined;
    if (job.state === 'sending') {
      claimed = job;
      recovered = true;
    } else {
      const ready = await beforeClaim(ctx, bjob, token, job);
      if (ready === undefined) return;
      // The first attempt's slot before the claim: a worker that dies waiting for it leaves a
      // pending job, not an unknown one.
      first = await firstSlot(ctx, bjob, token, ready, signal);
      claimed = claimJob(ready, options.now(), await runner.newPin?.());
    }
    let outcome: RunOutcome;
    try {
      // Durable before the first attempt: a worker that dies from here on leaves `sending`.
      if (!recovered) await save(bjob, claimed);
      const gate = ctx.limiter ? gateOf(ctx.limiter, first) : undefined;
      outcome = !recovered
        ? await runner.run(claimed, signal, gate)
        : bjob.stalledCounter > MAX_RECOVERIES
          ? gaveUp(claimed, bjob.stalledCounter)
          : await runner.recover(claimed, signal, gate);
    } finally {
      first?.cancel(); // not used: nothing was sent (no-op once the attempt released it)
    }
    const after = recordOutcome(claimed, outcome, options.now(), { ...transition, recovered });
    await save(bjob, after.job);
    emitRunHook(options.hooks, after.job, after.run);
    await requeue(ctx, bjob, token, after.job);
  };
}

/**
 * A pending job about to be claimed: back to the delayed set if it is not due yet (BullMQ may
 * run it a moment early), cancelled if `cancel` asked for it, missed occurrences skipped under
 * `missed: 'skip'`. Returns the job to claim, or `undefined` when there is nothing to send now.
 */
async function beforeClaim(
  ctx: ProcessContext,
  bjob: Bull,
  token: string | undefined,
  job: Job,
): Promise<Job | undefined> {
  const now = ctx.options.now();
  if (job.next!.due.getTime() > now + EARLY_TOLERANCE_MS) {
    await requeue(ctx, bjob, token, job);
    return undefined;
  }
  if (await ctx.isCancelled(job.id)) {
    await save(bjob, cancelJob(job));
    return undefined;
  }
  const current = skipMissed(job, now, {
    missed: ctx.options.missed,
    missedAfterMs: ctx.options.missedAfterMs,
  });
  if (current === job) return job;
  await save(bjob, current);
  if (current.state !== 'pending' || current.next!.due.getTime() <= now + EARLY_TOLERANCE_MS) {
    return current.state === 'pending' ? current : undefined;
  }
  await requeue(ctx, bjob, token, current);
  return undefined;
}

/**
 * The slot of a job's first attempt, taken before the claim. A wait that runs out (every slot
 * held by stuck requests) puts the job back in the queue, still pending, rather than failing it.
 */
async function firstSlot(
  ctx: ProcessContext,
  bjob: Bull,
  token: string | undefined,
  job: Job,
  signal: AbortSignal | undefined,
): Promise<Slot | undefined> {
  if (ctx.limiter === undefined) return undefined;
  try {
    return await ctx.limiter.acquire(signal);
  } catch (error) {
    if (error instanceof MailError && error.code === 'rate_limited') {
      await requeue(ctx, bjob, token, job);
    }
    throw error;
  }
}

function gaveUp(job: Job, stalls: number): RunOutcome {
  const error = new MailError(
    `The workers sending job ${job.id} stopped ${stalls} times; it is not tried again: it may have gone out`,
    { code: 'unknown', delivery: 'unknown', provider: job.provider },
  );
  return { state: 'unknown', error };
}

async function save(bjob: Bull, job: Job): Promise<void> {
  await bjob.updateData({ job: encodeJob(job) });
}

/** A job pending its next occurrence goes back to BullMQ's delayed set until it is due. */
async function requeue(
  ctx: ProcessContext,
  bjob: Bull,
  token: string | undefined,
  job: Job,
): Promise<void> {
  if (job.state !== 'pending' || job.next === undefined) return;
  await bjob.moveToDelayed(Math.max(job.next.due.getTime(), ctx.options.now()), token);
  // Tells the BullMQ worker the job was moved, not completed (docs.bullmq.io, "Process Step jobs").
  throw new DelayedError();
}
