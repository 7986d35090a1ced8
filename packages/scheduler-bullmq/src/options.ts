/**
 * Options of `bullmqScheduler`, resolved once by a strict schema (an unknown or wrong key is an
 * `invalid_input` naming it), with the defaults in one table.
 */
import type { SchedulerHooks } from '@mailbridge/core';
import { emit, invalidInput } from '@mailbridge/core/provider';
import { schemaIssues, z } from '@mailbridge/core/schema';
import type { Redis } from 'ioredis';
import type { SharedLimit } from './limit.js';

/**
 * A shared rate limit: at most `max` requests reach the provider in any span of `durationMs`,
 * across every worker of a queue (src/limit.ts).
 */
export interface RateLimit {
  readonly max: number;
  /** Window in ms (default 1,000). */
  readonly durationMs?: number;
}

/** Options of `bullmqScheduler`. Only `connection` is required. */
export interface BullmqSchedulerOptions {
  /** A Redis URL (`redis://127.0.0.1:6379/0`, `rediss://…`) or an ioredis client to duplicate. */
  readonly connection: string | Redis;
  /**
   * Name of this scheduler's queues (default `mailbridge`): one BullMQ queue per provider id,
   * `<queue>.<provider>`. Use one name per provider account: the rate limit is per queue.
   */
  readonly queue?: string;
  /** BullMQ key prefix in Redis (default `bull`). */
  readonly prefix?: string;
  /** Run workers in this process when a Mailer attaches (default true; false = producer only). */
  readonly worker?: boolean;
  /** Sends in flight per worker process and provider (default 8). */
  readonly concurrency?: number;
  /** The provider account's limit, shared by all workers on all machines (default: none). */
  readonly rateLimit?: RateLimit;
  /** How long a worker's claim lasts without renewal before another worker recovers the job (ms, default 30,000). */
  readonly lockDurationMs?: number;
  /** How often workers look for claims whose worker died (ms, default 30,000). */
  readonly stalledIntervalMs?: number;
  /**
   * An occurrence found late (the engine was down at its due time): `late` sends it and records
   * its lateness (default); `skip` records it as `skipped` once it is `missedAfterMs` late.
   */
  readonly missed?: 'late' | 'skip';
  /** Lateness after which `missed: 'skip'` skips an occurrence (ms, default 60,000). */
  readonly missedAfterMs?: number;
  readonly hooks?: SchedulerHooks;
  /**
   * Errors of the engine itself (Redis connection lost, a worker that cannot start), which no
   * call is waiting for. BullMQ reconnects and retries on its own; default: ignored.
   */
  readonly onError?: (error: unknown) => void;
  /** Clock (default `Date.now`): due times are compared with it. */
  readonly now?: () => number;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  readonly connection: string | Redis;
  readonly queue: string;
  readonly prefix: string;
  readonly worker: boolean;
  readonly concurrency: number;
  readonly rateLimit?: SharedLimit;
  readonly lockDurationMs: number;
  readonly stalledIntervalMs: number;
  readonly missed: 'late' | 'skip';
  readonly missedAfterMs: number;
  readonly hooks: SchedulerHooks;
  readonly onError: (error: unknown) => void;
  readonly now: () => number;
}

const DEFAULTS = {
  queue: 'mailbridge',
  prefix: 'bull',
  worker: true,
  concurrency: 8,
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  missed: 'late',
  missedAfterMs: 60_000,
  rateLimitDurationMs: 1_000,
} as const;

const positiveInt = z.int().check(z.positive());
// Queue and prefix become Redis key parts: keep BullMQ's `:` separator out of them.
const keyPart = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected letters, digits, _ . -' }));

const schema = z.strictObject({
  connection: z.union([
    z.string().check(z.regex(/^rediss?:\/\//, { error: 'expected a redis:// or rediss:// URL' })),
    z.custom<Redis>(isRedisClient, { error: 'expected a Redis URL or an ioredis client' }),
  ]),
  queue: z.optional(keyPart),
  prefix: z.optional(keyPart),
  worker: z.optional(z.boolean()),
  concurrency: z.optional(positiveInt),
  rateLimit: z.optional(
    z.strictObject({
      max: positiveInt,
      durationMs: z.optional(positiveInt),
    }),
  ),
  lockDurationMs: z.optional(positiveInt),
  stalledIntervalMs: z.optional(positiveInt),
  missed: z.optional(z.enum(['late', 'skip'])),
  missedAfterMs: z.optional(z.int().check(z.nonnegative())),
  hooks: z.optional(z.custom<SchedulerHooks>((v) => typeof v === 'object' && v !== null)),
  onError: z.optional(z.custom<(error: unknown) => void>((v) => typeof v === 'function')),
  now: z.optional(z.custom<() => number>((v) => typeof v === 'function')),
});
// Every BullmqSchedulerOptions a user can write is one the schema takes (the published type needs no zod).
true satisfies BullmqSchedulerOptions extends z.input<typeof schema> ? true : false;

function isRedisClient(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { duplicate?: unknown }).duplicate === 'function'
  );
}

/** Validate and complete the options; `invalid_input` names the bad key. */
export function resolveOptions(input: BullmqSchedulerOptions): ResolvedOptions {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw invalidInput(schemaIssues(schema, input, { path: ['bullmqScheduler'] }));
  }
  const o = parsed.data;
  return {
    connection: o.connection,
    queue: o.queue ?? DEFAULTS.queue,
    prefix: o.prefix ?? DEFAULTS.prefix,
    worker: o.worker ?? DEFAULTS.worker,
    concurrency: o.concurrency ?? DEFAULTS.concurrency,
    ...(o.rateLimit
      ? {
          rateLimit: {
            max: o.rateLimit.max,
            durationMs: o.rateLimit.durationMs ?? DEFAULTS.rateLimitDurationMs,
          },
        }
      : {}),
    lockDurationMs: o.lockDurationMs ?? DEFAULTS.lockDurationMs,
    stalledIntervalMs: o.stalledIntervalMs ?? DEFAULTS.stalledIntervalMs,
    missed: o.missed ?? DEFAULTS.missed,
    missedAfterMs: o.missedAfterMs ?? DEFAULTS.missedAfterMs,
    hooks: o.hooks ?? {},
    // Called from BullMQ's and ioredis's event handlers: what it throws or rejects with is
    // dropped (it is the last sink; a rejection would be an unhandled one that ends the process).
    onError: (error) => emit(o.onError, error),
    now: o.now ?? Date.now,
  };
}
