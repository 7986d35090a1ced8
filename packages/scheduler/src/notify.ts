/**
 * What both engines (this package's and `@mailbridge/scheduler-bullmq`) report the same way: the
 * scheduler hook for a recorded run, and the `conflict` errors of a cancel that came too late and
 * of a second mailer for one provider id.
 * One copy here, so the two engines cannot drift apart.
 */
import { type Job, type JobRun, MailError, type SchedulerHooks } from '@mailbridge/core';
import { emit } from '@mailbridge/core/provider';

/**
 * Call the hook for a recorded run (`onSent`, `onFailed` or `onUnknown`). A hook that throws or
 * rejects is ignored: it cannot undo a recorded send nor stop the worker.
 */
export function emitRunHook(hooks: SchedulerHooks, job: Job, run: JobRun): void {
  const hook =
    run.state === 'sent'
      ? hooks.onSent
      : run.state === 'unknown'
        ? hooks.onUnknown
        : run.state === 'failed'
          ? hooks.onFailed
          : undefined;
  emit(hook && ((r: JobRun) => hook(job, r)), run);
}

/** The `conflict` error of `cancel(id)` on a job that is no longer pending. */
export function cancelConflict(job: Job): MailError {
  return new MailError(`Job ${job.id} is ${job.state}: only a pending job can be cancelled`, {
    code: 'conflict',
    provider: job.provider,
  });
}

/**
 * A call on a scheduler after `close()`: nothing is stored, cancelled or read (a job accepted
 * then would never fire, and a closed store throws errors of its own).
 */
export function closedError(engine: string): MailError {
  return new MailError(
    `The ${engine} scheduler is closed: nothing was stored or changed (create a new scheduler)`,
    { code: 'conflict', retryable: false, delivery: 'not_sent' },
  );
}

/** A second mailer attached for a provider id that already has one on this scheduler. */
export function runnerConflict(provider: string): MailError {
  return new MailError(
    `A mailer for ${provider} is already attached to this scheduler: one mailer per provider id may use it (close the other first, or give the other account its own scheduler)`,
    { code: 'conflict', provider },
  );
}
