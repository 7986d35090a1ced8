/**
 * `createMailer` options and per-call options, validated as strictly as the adapter configs:
 * an unknown key (`retrys`), a timeout of 0 (which would disable the deadline) or a retry budget
 * that would hammer a throttling provider fails at construction with a `MailError` naming the
 * field, before any request.
 */
import { z } from 'zod';
import { MailError } from '../errors.js';
import { parseConfig } from '../provider/config.js';

const fn = (what: string) =>
  z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', {
    message: `expected ${what}`,
  });

/** Largest values accepted: beyond them an option is a typo or a mistake, not a setting. */
export const MAILER_LIMITS = {
  timeoutMs: 600_000,
  retries: 20,
  delayMs: 600_000,
  concurrency: 10_000,
} as const;

const delay = z.number().int().min(0).max(MAILER_LIMITS.delayMs);

const rateLimit = z
  .object({
    requests: z.number().positive().finite(),
    perMs: z.number().positive().finite(),
    source: z.string(),
  })
  .strict();

/** The zod shape of `MailerOptions`; a feature adding an option adds its key here. */
export const mailerOptionsShape = {
  dispatcher: z
    .custom<object>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as { dispatch?: unknown }).dispatch === 'function',
      { message: 'expected an undici Dispatcher (an object with a dispatch method)' },
    )
    .optional(),
  timeoutMs: z.number().int().positive().max(MAILER_LIMITS.timeoutMs).optional(),
  maxResponseBytes: z.number().int().positive().optional(),
  retry: z
    .object({
      retries: z.number().int().min(0).max(MAILER_LIMITS.retries).optional(),
      minDelayMs: delay.optional(),
      maxDelayMs: delay.optional(),
      maxRetryAfterMs: delay.optional(),
    })
    .strict()
    .refine((r) => (r.minDelayMs ?? 200) <= (r.maxDelayMs ?? 5_000), {
      message: 'minDelayMs must not exceed maxDelayMs',
      path: ['minDelayMs'],
    })
    .optional(),
  rateLimits: z
    .union([z.literal(false), z.record(z.string(), z.union([rateLimit, z.literal(false)]))])
    .optional(),
  hooks: z
    .object({
      onRequest: fn('a function').optional(),
      onResponse: fn('a function').optional(),
      onRetry: fn('a function').optional(),
      onError: fn('a function').optional(),
    })
    .strict()
    .optional(),
  concurrency: z.number().int().min(1).max(MAILER_LIMITS.concurrency).optional(),
  now: fn('a function returning ms since the epoch').optional(),
  suppression: z
    .custom<object>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as { suppressed?: unknown }).suppressed === 'function',
      { message: 'expected a SuppressionStore (memorySuppression() or providerSuppression(...))' },
    )
    .optional(),
  scheduler: z
    .custom<object>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as { attach?: unknown }).attach === 'function',
      { message: 'expected a Scheduler (createScheduler(...) or bullmqScheduler(...))' },
    )
    .optional(),
};

const mailerOptionsSchema = z.object(mailerOptionsShape).strict();

/** Check `createMailer` options; throws `invalid_input` naming the key. Returns them unchanged. */
export function checkMailerOptions<T>(provider: string, options: T): T {
  if (options === undefined) return options;
  parseConfig(`${provider} mailer options`, mailerOptionsSchema, options);
  return options;
}

/**
 * Per-call options: `signal` must be an AbortSignal (an object that is not one would otherwise
 * be read as "not aborted" and then fail mid-call), `concurrency` a positive integer. Other keys
 * belong to the features that read them.
 */
export function checkCallOptions(options: unknown): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object') fail('', 'expected an object');
  const { signal, concurrency } = options as { signal?: unknown; concurrency?: unknown };
  if (signal !== undefined && !isAbortSignal(signal)) fail('signal', 'expected an AbortSignal');
  const limit = MAILER_LIMITS.concurrency;
  if (
    concurrency !== undefined &&
    !(
      Number.isInteger(concurrency) &&
      (concurrency as number) >= 1 &&
      (concurrency as number) <= limit
    )
  ) {
    fail('concurrency', `expected an integer from 1 to ${limit}`);
  }
}

function fail(field: string, message: string): never {
  const path = field === '' ? ['options'] : ['options', field];
  throw new MailError(`Invalid input: ${path.join('.')}: ${message}`, {
    code: 'invalid_input',
    issues: [{ path, message }],
  });
}

/** An AbortSignal by shape (a copy from another realm or polyfill passes too). */
function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function' &&
    typeof (value as AbortSignal).removeEventListener === 'function'
  );
}
