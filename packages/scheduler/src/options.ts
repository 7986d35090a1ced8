/**
 * The options of `createScheduler`, checked once by a strict schema as the BullMQ engine's are
 * (packages/scheduler-bullmq/src/options.ts): an unknown or wrong key is an `invalid_input`
 * naming it. Unchecked, `concurrency: 0` gave a scheduler that never fired a job, `pollMs: 0` a
 * busy loop, and a misspelt `missed` or `hooks` was ignored.
 */
import { invalidInput } from '@mailbridge/core/provider';
import { schemaIssues, z } from '@mailbridge/core/schema';

const positiveInt = z.int().check(z.positive());
const isObject = (v: unknown) => typeof v === 'object' && v !== null;

const schema = z.strictObject({
  store: z.custom((v) => isObject(v) && typeof (v as { due?: unknown }).due === 'function', {
    error: 'expected a JobStore: sqliteStore(path) or memoryStore()',
  }),
  now: z.optional(z.custom((v) => typeof v === 'function', { error: 'expected a function' })),
  pollMs: z.optional(positiveInt),
  concurrency: z.optional(positiveInt),
  hooks: z.optional(z.custom(isObject, { error: 'expected an object of hooks' })),
  missed: z.optional(z.enum(['late', 'skip'])),
  missedAfterMs: z.optional(z.int().check(z.nonnegative())),
  keepRuns: z.optional(positiveInt),
});

/** Throw `invalid_input` naming the first bad key of `createScheduler`'s options. */
export function checkSchedulerOptions(options: unknown): void {
  if (schema.safeParse(options).success) return;
  throw invalidInput(schemaIssues(schema, options, { path: ['createScheduler'] }));
}
