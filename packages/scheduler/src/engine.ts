/**
 * The embedded engine: a `Scheduler` over a `JobStore` with an in-process worker. One timer
 * sleeps until the earliest due job (or `pollMs`, so jobs added by another handle or a moved
 * clock are seen), claims due jobs with a compare-and-set, sends them through the attached
 * runner, and records each outcome before the next claim of that job. Jobs found in `sending`
 * when a runner attaches are recovered through `runner.recover`, never sent blindly; those this
 * process is still sending (a mailer closed mid-send) are left to the worker sending them.
 */
import { randomUUID } from 'node:crypto';
import {
  type Job,
  type JobRunner,
  MailError,
  type RunOutcome,
  type Scheduler,
  type SchedulerHooks,
} from '@mailbridge/core';
import { normalizeRule, outcomeOfError } from '@mailbridge/core/provider';
import { cancelConflict, closedError, emitRunHook, runnerConflict } from './notify.js';
import { validateRule } from './occurrence.js';
import { checkSchedulerOptions } from './options.js';
import type { JobStore } from './store.js';
import {
  cancelJob,
  claimJob,
  newJob,
  recordOutcome,
  skipMissed,
  type TransitionOptions,
} from './transition.js';

/** Options of `createScheduler`. */
export interface SchedulerOptions extends TransitionOptions {
  readonly store: JobStore;
  /** The scheduling clock (default `Date.now`); tests pass the emulator's. */
  readonly now?: () => number;
  /** Longest sleep between looks at the store, in ms (default 1,000). */
  readonly pollMs?: number;
  /** Sends in flight at once (default 8). */
  readonly concurrency?: number;
  readonly hooks?: SchedulerHooks;
}

/** The embedded scheduler: the contract plus `runDue` for tests and tools. */
export interface EmbeddedScheduler extends Scheduler {
  /** Claim and send every job due now (up to `concurrency` at a time); resolves with how many ran. */
  runDue(): Promise<number>;
}

const DEFAULT_POLL_MS = 1000;
const DEFAULT_CONCURRENCY = 8;

/**
 * Create an embedded scheduler over a store. Pass it to `createMailer(provider, { scheduler })`;
 * the mailer attaches its runner and due jobs start firing.
 *
 * @example
 * ```ts
 * import { createMailer } from '@mailbridge/core';
 * import { createScheduler, sqliteStore } from '@mailbridge/scheduler';
 *
 * const scheduler = createScheduler({ store: sqliteStore('./mail-jobs.sqlite') });
 * const mailer = createMailer(aliyunDm({ region: 'cn-hangzhou' }), { scheduler });
 * await mailer.send(message, { at: new Date(Date.now() + 3_600_000) });
 * ```
 */
export function createScheduler(options: SchedulerOptions): EmbeddedScheduler {
  checkSchedulerOptions(options);
  const { store } = options;
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const hooks = options.hooks ?? {};
  const runners = new Map<string, JobRunner>();
  const active = new Set<Promise<void>>();
  /** Jobs this process claimed and is sending: in `sending`, but their worker is alive. */
  const sending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let looping: Promise<number> | undefined;

  const open = (): void => {
    if (closed) throw closedError(store.name);
  };

  const record = (claimed: Job, outcome: RunOutcome, recovered: boolean): void => {
    const { job, run } = recordOutcome(claimed, outcome, now(), { ...options, recovered });
    if (store.replace(job, 'sending')) emitRunHook(hooks, job, run);
  };

  const fire = async (found: Job, runner: JobRunner): Promise<void> => {
    const at = now();
    const job = skipMissed(found, at, options);
    if (job.state !== 'pending' || job.next === undefined || job.next.due.getTime() > at) {
      store.replace(job, 'pending');
      return;
    }
    const pin = await runner.newPin?.();
    // Claim the occurrence found, not just a pending job: while the pin was made, another drain
    // (runDue beside the timer) may have sent it and put the job back pending on the next one.
    // No await between this read and the compare-and-set, so nothing runs in between.
    if (store.get(found.id)?.next?.index !== found.next?.index) return;
    const claimed = claimJob(job, at, pin);
    if (!store.replace(claimed, 'pending')) return; // cancelled or claimed meanwhile
    sending.add(claimed.id);
    try {
      let outcome: RunOutcome;
      try {
        outcome = await runner.run(claimed);
      } catch (error) {
        outcome = outcomeOfError(error, claimed.provider, 'The job runner threw');
      }
      record(claimed, outcome, false);
    } finally {
      sending.delete(claimed.id);
    }
  };

  const recover = async (runner: JobRunner): Promise<void> => {
    for (const job of store.inFlight([runner.provider])) {
      // Still being sent here (a mailer closed mid-send, another attached): its worker records it.
      if (sending.has(job.id)) continue;
      sending.add(job.id);
      let outcome: RunOutcome;
      try {
        outcome = await runner.recover(job);
      } catch (error) {
        outcome = outcomeOfError(error, job.provider, 'The job runner threw');
      } finally {
        sending.delete(job.id);
      }
      record(job, outcome, true);
    }
  };

  const track = (work: Promise<void>): Promise<void> => {
    const tracked = work.finally(() => active.delete(tracked));
    active.add(tracked);
    return tracked;
  };

  /** Claim and run due jobs until none is due; resolves with how many were fired. */
  const drain = async (): Promise<number> => {
    let fired = 0;
    for (;;) {
      if (closed) return fired; // the store may be closed already
      const providers = [...runners.keys()];
      const due = store.due(providers, now(), concurrency);
      if (due.length === 0) return fired;
      await Promise.all(
        due.map((job) => {
          const runner = runners.get(job.provider);
          return runner ? track(fire(job, runner)).then(() => void fired++) : undefined;
        }),
      );
    }
  };

  const wake = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (looping) return;
    looping = drain()
      // Nobody awaits a timer's drain: a store that failed (a locked database) must not become
      // an unhandled rejection, which ends the process. The next poll (plan) tries again.
      .catch(() => 0)
      .finally(() => {
        looping = undefined;
        plan();
      });
  };

  const plan = (): void => {
    if (closed || runners.size === 0) return;
    const next = store.nextDue([...runners.keys()]);
    const wait = next === undefined ? pollMs : Math.min(pollMs, Math.max(0, next - now()));
    if (timer) clearTimeout(timer);
    timer = setTimeout(wake, wait);
    timer.unref?.();
  };

  return {
    engine: store.name,
    async schedule(input) {
      open();
      const rule = normalizeRule(input.rule);
      validateRule(rule, now());
      const job = newJob(randomUUID(), { ...input, rule }, now());
      if (job === undefined)
        throw new MailError('The schedule never fires', { code: 'invalid_input' });
      store.insert(job);
      plan();
      return job;
    },
    get: async (id) => {
      open();
      return store.get(id);
    },
    async *list(filter) {
      open();
      yield* store.list(filter);
    },
    async cancel(id) {
      open();
      const job = store.get(id);
      if (job === undefined) return undefined;
      const cancelled = cancelJob(job);
      if (job.state !== 'pending' || !store.replace(cancelled, 'pending'))
        throw cancelConflict(store.get(id) ?? job);
      return cancelled;
    },
    attach(runner) {
      open();
      // One runner per provider id (contract.ts): a second one (another account of the same
      // provider) would send the first one's jobs, and both would recover a job left `sending`,
      // replaying a DirectMail pin on two AccessKeys: two copies.
      const current = runners.get(runner.provider);
      if (current !== undefined && current !== runner) throw runnerConflict(runner.provider);
      runners.set(runner.provider, runner);
      void track(recover(runner)).then(wake, wake);
      return () => {
        if (runners.get(runner.provider) === runner) runners.delete(runner.provider);
      };
    },
    runDue: async () => {
      open();
      await looping;
      return drain();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      while (active.size > 0) await Promise.allSettled([...active]);
      store.close();
    },
  };
}
