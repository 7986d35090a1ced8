/**
 * What both engines (this package's and `@mailbridge/scheduler-bullmq`) report the same way: the
 * scheduler hook for a recorded run, and the `conflict` error of a cancel that came too late.
 * One copy here, so the two engines cannot drift apart.
 */
import { type Job, type JobRun, MailError, type SchedulerHooks } from '@mailbridge/core';

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
  try {
    const result: unknown = hook?.(job, run);
    // A hook that returns a rejected promise must not become an unhandled rejection either.
    if (result instanceof Promise) result.catch(() => {});
  } catch {
    // A hook must not stop the worker; its error is the hook author's to log.
  }
}

/** The `conflict` error of `cancel(id)` on a job that is no longer pending. */
export function cancelConflict(job: Job): MailError {
  return new MailError(`Job ${job.id} is ${job.state}: only a pending job can be cancelled`, {
    code: 'conflict',
    provider: job.provider,
  });
}

/** A second mailer attached for a provider id that already has one on this scheduler. */
export function runnerConflict(provider: string): MailError {
  return new MailError(
    `A mailer for ${provider} is already attached to this scheduler: one mailer per provider id may use it (close the other first, or give the other account its own scheduler)`,
    { code: 'conflict', provider },
  );
}
