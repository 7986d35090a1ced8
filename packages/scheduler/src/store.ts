/**
 * Where the embedded engine keeps jobs. A store is synchronous and atomic per call (SQLite
 * through better-sqlite3, or a Map), so "claim" is one compare-and-set: two workers can never
 * both move the same job from `pending` to `sending`.
 */
import type { Job, JobFilter, JobState, Occurrence } from '@mailbridge/core';

/** The storage an embedded scheduler runs on: `memoryStore()` or `sqliteStore(path)`. */
export interface JobStore {
  /** The engine name a scheduler on this store reports (`memory`, `sqlite`). */
  readonly name: string;
  insert(job: Job): void;
  get(id: string): Job | undefined;
  /** Jobs matching the filter, oldest first. */
  list(filter?: JobFilter): Job[];
  /** Replace a job if its stored state is still `expected` (compare-and-set); `false` if not. */
  replace(job: Job, expected: JobState): boolean;
  /** Up to `limit` pending jobs of these providers due at or before `now`, earliest first. */
  due(providers: readonly string[], now: number, limit: number): Job[];
  /** The earliest due time (ms) of a pending job of these providers. */
  nextDue(providers: readonly string[]): number | undefined;
  /** Jobs of these providers left in `sending` (a worker died between claim and record). */
  inFlight(providers: readonly string[]): Job[];
  close(): void;
}

/**
 * A store in memory: for unit tests and the testing provider. Jobs are copied in and out as
 * frozen objects, and die with the process.
 *
 * @example
 * ```ts
 * const scheduler = createScheduler({ store: memoryStore() });
 * ```
 */
export function memoryStore(): JobStore {
  const jobs = new Map<string, Job>();
  const pending = (providers: readonly string[]) =>
    [...jobs.values()].filter(
      (job) =>
        job.state === 'pending' && job.next !== undefined && providers.includes(job.provider),
    );
  const dueOf = (job: Job) => (job.next as Occurrence).due.getTime();
  return {
    name: 'memory',
    insert(job) {
      if (jobs.has(job.id)) throw new Error(`job ${job.id} exists`);
      jobs.set(job.id, Object.freeze(job));
    },
    get: (id) => jobs.get(id),
    list(filter = {}) {
      return [...jobs.values()].filter(
        (job) =>
          (filter.provider === undefined || job.provider === filter.provider) &&
          (filter.state === undefined || job.state === filter.state),
      );
    },
    replace(job, expected) {
      if (jobs.get(job.id)?.state !== expected) return false;
      jobs.set(job.id, Object.freeze(job));
      return true;
    },
    due(providers, now, limit) {
      return pending(providers)
        .filter((job) => dueOf(job) <= now)
        .sort((a, b) => dueOf(a) - dueOf(b))
        .slice(0, limit);
    },
    nextDue(providers) {
      let min: number | undefined;
      for (const job of pending(providers)) min = Math.min(min ?? Infinity, dueOf(job));
      return min;
    },
    inFlight: (providers) =>
      [...jobs.values()].filter(
        (job) => job.state === 'sending' && providers.includes(job.provider),
      ),
    close() {},
  };
}
