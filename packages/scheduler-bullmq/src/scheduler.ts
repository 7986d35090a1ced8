/**
 * `bullmqScheduler`: the scheduler contract (packages/core/src/schedule/contract.ts) on BullMQ
 * and Redis, for many worker processes on many machines.
 *
 * One scheduler job is one BullMQ job (same id) whose data is the encoded `Job`. It waits in
 * BullMQ's delayed set until its occurrence is due; a worker claims it (BullMQ's lock), sends
 * and records (process.ts); a recurring job goes back to the delayed set for its next occurrence.
 * The shared rate limit is a sliding-window log in Redis (src/limit.ts), asked by every worker
 * before each HTTP attempt.
 */
import { randomUUID } from 'node:crypto';
import {
  type Job,
  type JobFilter,
  type JobInput,
  type JobRunner,
  MailError,
  type Scheduler,
} from '@mailbridge/core';
import { invalidInput, normalizeRule } from '@mailbridge/core/provider';
import {
  cancelConflict,
  cancelJob,
  closedError,
  decodeJob,
  encodeJob,
  newJob,
  runnerConflict,
  validateRule,
} from '@mailbridge/scheduler';
import { type Job as BullJob, Worker } from 'bullmq';
import { sharedLimiter } from './limit.js';
import { type BullmqSchedulerOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { createProcessor, type JobData, MAX_RECOVERIES } from './process.js';
import { openStore, type Store } from './store.js';

/** BullMQ's own give-up on stalled jobs, kept above ours (`MAX_RECOVERIES`, recorded as `unknown`). */
const MAX_STALLED = MAX_RECOVERIES + 4;
const LIST_PAGE = 200;
const LIST_TYPES = ['active', 'wait', 'prioritized', 'delayed', 'completed', 'failed'] as const;

/** The BullMQ engine: the contract plus `scheduleMany` for "send now" campaigns. */
export interface BullmqScheduler extends Scheduler {
  readonly engine: 'bullmq';
  /**
   * Store many jobs with one Redis round trip per chunk (`addBulk`): a campaign enqueued from
   * one process, sent by every worker under the queue's one rate limit.
   */
  scheduleMany(inputs: Iterable<JobInput>): Promise<Job[]>;
}

/**
 * Create the BullMQ scheduler. Pass it to `createMailer(provider, { scheduler })` in every
 * process: each one that attaches a Mailer runs workers (unless `worker: false`).
 *
 * @example
 * ```ts
 * import { createMailer } from '@mailbridge/core';
 * import { aliyunDm } from '@mailbridge/aliyun-dm';
 * import { bullmqScheduler } from '@mailbridge/scheduler-bullmq';
 *
 * const scheduler = bullmqScheduler({
 *   connection: process.env.REDIS_URL!,
 *   rateLimit: { max: 50, durationMs: 1000 }, // the account's quota, shared by every worker
 * });
 * const mailer = createMailer(aliyunDm({ region: 'cn-hangzhou' }), { scheduler });
 * await mailer.send(message, { at: new Date(Date.now() + 3_600_000) });
 * ```
 */
export function bullmqScheduler(options: BullmqSchedulerOptions): BullmqScheduler {
  const opts = resolveOptions(options);
  const store = openStore(opts);
  const workers = new Set<Worker<JobData>>();
  const runners = new Map<string, JobRunner>();
  let closed = false;
  /** After close() the Redis client is gone: say so, before a call meets "Connection is closed". */
  const open = (): void => {
    if (closed) throw closedError('bullmq');
  };

  const prepare = (input: JobInput): Job => {
    const now = opts.now();
    // Its shape too, as the embedded engine does: schedule and scheduleMany are also called
    // directly, not only by a mailer (an `every: { hours: 0 }` would fire without end).
    const rule = normalizeRule(input.rule);
    validateRule(rule, now);
    const job = newJob(randomUUID(), { ...input, rule }, now);
    if (job === undefined) {
      throw invalidInput([{ path: ['schedule'], message: 'the rule has no occurrence' }]);
    }
    return job;
  };
  const addOptions = (job: Job) => ({
    jobId: job.id,
    delay: Math.max(0, job.next!.due.getTime() - opts.now()),
    attempts: 1,
  });

  return {
    engine: 'bullmq',
    async schedule(input) {
      open();
      const job = prepare(input);
      await store.register(job.provider);
      await store
        .queue(job.provider)
        .add(job.payload.kind, { job: encodeJob(job) }, addOptions(job));
      return job;
    },
    async scheduleMany(inputs) {
      open();
      const jobs = [...inputs].map(prepare);
      for (const provider of new Set(jobs.map((j) => j.provider))) {
        await store.register(provider);
        const mine = jobs.filter((j) => j.provider === provider);
        for (let i = 0; i < mine.length; i += 1000) {
          const chunk = mine.slice(i, i + 1000).map((job) => ({
            name: job.payload.kind,
            data: { job: encodeJob(job) },
            opts: addOptions(job),
          }));
          await store.queue(provider).addBulk(chunk);
        }
      }
      return jobs;
    },
    async get(id) {
      open();
      return (await findJob(store, id))?.job;
    },
    async *list(filter) {
      open();
      yield* listJobs(store, filter ?? {});
    },
    async cancel(id) {
      open();
      return cancelById(store, id);
    },
    attach(runner) {
      // One runner per provider id, as every engine (contract.ts): a second account's workers
      // would send the first one's jobs from the same queue.
      const current = runners.get(runner.provider);
      if (current !== undefined && current !== runner) throw runnerConflict(runner.provider);
      runners.set(runner.provider, runner);
      const worker = opts.worker ? startWorker(store, opts, runner) : undefined;
      if (worker) workers.add(worker);
      return () => {
        if (runners.get(runner.provider) === runner) runners.delete(runner.provider);
        if (!worker) return;
        workers.delete(worker);
        void worker.close();
      };
    },
    async close() {
      closed = true;
      // Worker.close waits for the sends in flight and their records.
      await Promise.all([...workers].map((worker) => worker.close()));
      workers.clear();
      await store.close();
    },
  };
}

function startWorker(store: Store, opts: ResolvedOptions, runner: JobRunner): Worker<JobData> {
  const limiter = opts.rateLimit
    ? sharedLimiter(store.client, store.limitKey(runner.provider), opts.rateLimit)
    : undefined;
  const processor = createProcessor({
    runner,
    options: opts,
    ...(limiter ? { limiter } : {}),
    isCancelled: async (id) => (await store.cancelled(id)) !== undefined,
  });
  const worker = new Worker<JobData>(store.queueName(runner.provider), processor, {
    connection: store.client,
    prefix: opts.prefix,
    concurrency: opts.concurrency,
    lockDuration: opts.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs,
    maxStalledCount: MAX_STALLED,
    autorun: false,
  });
  worker.on('error', (error) => opts.onError(error));
  void (async () => {
    await store.register(runner.provider);
    // The shared limit is ours (src/limit.ts), applied per send; a BullMQ queue limit left in
    // Redis by an earlier version would only slow the queue below it.
    await store.queue(runner.provider).removeGlobalRateLimit();
    await worker.run();
  })().catch((error: unknown) => opts.onError(error));
  return worker;
}

/** The job with this id in any of this scheduler's queues, or its cancelled record. */
async function findJob(
  store: Store,
  id: string,
): Promise<{ job: Job; bjob?: BullJob<JobData> } | undefined> {
  for (const provider of await store.providers()) {
    const bjob = await store.queue(provider).getJob(id);
    if (bjob) return { job: view(bjob), bjob };
  }
  const cancelled = await store.cancelled(id);
  return cancelled ? { job: decodeJob(cancelled) } : undefined;
}

/**
 * The job as the contract states it. A BullMQ failure outside our records (a processor that
 * could not reach Redis to record, a job past `MAX_STALLED`) is `unknown` if it had been
 * claimed, else `failed`.
 */
function view(bjob: BullJob<JobData>): Job {
  const job = decodeJob(bjob.data.job);
  const finals = ['sent', 'failed', 'unknown', 'cancelled'];
  if (finals.includes(job.state) || !bjob.finishedOn || !bjob.failedReason) return job;
  const claimed = job.state === 'sending';
  const error = new MailError(`The scheduler gave up on this job: ${bjob.failedReason}`, {
    code: 'unknown',
    delivery: claimed ? 'unknown' : 'not_sent',
    provider: job.provider,
  });
  return { ...job, state: claimed ? 'unknown' : 'failed', error };
}

async function* listJobs(store: Store, filter: JobFilter): AsyncIterable<Job> {
  const seen = new Set<string>();
  const keep = (job: Job) =>
    !seen.has(job.id) &&
    (filter.provider === undefined || job.provider === filter.provider) &&
    (filter.state === undefined || job.state === filter.state);
  const providers = filter.provider ? [filter.provider] : await store.providers();
  for (const provider of providers) {
    const queue = store.queue(provider);
    for (const type of LIST_TYPES) {
      for (let start = 0; ; start += LIST_PAGE) {
        const page = await queue.getJobs([type], start, start + LIST_PAGE - 1, true);
        for (const bjob of page) {
          const job = view(bjob);
          if (keep(job)) yield job;
          seen.add(job.id);
        }
        if (page.length < LIST_PAGE) break;
      }
    }
  }
  for await (const text of store.allCancelled()) {
    const job = decodeJob(text);
    if (keep(job)) yield job;
    seen.add(job.id);
  }
}

/**
 * Cancel a pending job. The cancelled record is written first and checked by a worker before
 * it claims; then the BullMQ job is removed, which Redis refuses while a worker holds its lock
 * (a send in flight): that is a `conflict`, and the record is taken back.
 */
async function cancelById(store: Store, id: string): Promise<Job | undefined> {
  const found = await findJob(store, id);
  if (found === undefined) return undefined;
  const { job, bjob } = found;
  if (job.state !== 'pending' || bjob === undefined) throw cancelConflict(job);
  const cancelled = cancelJob(job);
  await store.markCancelled(id, encodeJob(cancelled));
  try {
    await bjob.remove();
    return cancelled;
  } catch {
    const now = await findJob(store, id);
    if (now?.job.state === 'cancelled') return now.job; // a worker saw the record first
    await store.unmarkCancelled(id);
    throw cancelConflict(now?.job ?? job);
  }
}
