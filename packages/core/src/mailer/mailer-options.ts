/**
 * `createMailer` options and per-call options, validated as strictly as the adapter configs:
 * an unknown key (`retrys`), a timeout of 0 (which would disable the deadline) or a retry budget
 * that would hammer a throttling provider fails at construction with a `MailError` naming the
 * field, before any request.
 */
import * as z from 'zod/mini';
import { MailError } from '../errors.js';
import { parseConfig } from '../provider/config-schema.js';

const fn = (what: string) =>
  z.optional(
    z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', {
      error: `expected ${what}`,
    }),
  );

/** An object with a method called `method`, described by `what` when it is not one. */
const withMethod = (method: string, what: string) =>
  z.optional(
    z.custom<object>(
      (v) =>
        typeof v === 'object' &&
        v !== null &&
        typeof (v as Record<string, unknown>)[method] === 'function',
      { error: `expected ${what}` },
    ),
  );

/** Largest values accepted: beyond them an option is a typo or a mistake, not a setting. */
export const MAILER_LIMITS = {
  timeoutMs: 600_000,
  retries: 20,
  delayMs: 600_000,
  concurrency: 10_000,
} as const;

/** An integer from `min` to `max`, absent allowed. */
const intIn = (min: number, max?: number) =>
  z.optional(
    z.int().check(...(max === undefined ? [z.minimum(min)] : [z.minimum(min), z.maximum(max)])),
  );

const delay = () => intIn(0, MAILER_LIMITS.delayMs);

const rateLimit = z.strictObject({
  requests: z.number().check(z.positive()),
  perMs: z.number().check(z.positive()),
  source: z.string(),
});

type RetryData = { minDelayMs?: number | undefined; maxDelayMs?: number | undefined };

const retry = z.strictObject({
  retries: intIn(0, MAILER_LIMITS.retries),
  minDelayMs: delay(),
  maxDelayMs: delay(),
  maxRetryAfterMs: delay(),
});

/** The zod shape of `MailerOptions`; a feature adding an option adds its key here. */
const mailerOptionsShape = {
  dispatcher: withMethod('dispatch', 'an undici Dispatcher (an object with a dispatch method)'),
  timeoutMs: intIn(1, MAILER_LIMITS.timeoutMs),
  maxResponseBytes: intIn(1),
  retry: z.optional(
    retry.check(
      z.refine((r: RetryData) => (r.minDelayMs ?? 200) <= (r.maxDelayMs ?? 5_000), {
        error: 'minDelayMs must not exceed maxDelayMs',
        path: ['minDelayMs'],
      }),
    ),
  ),
  rateLimits: z.optional(
    z.union([z.literal(false), z.record(z.string(), z.union([rateLimit, z.literal(false)]))]),
  ),
  hooks: z.optional(
    z.strictObject({
      onRequest: fn('a function'),
      onResponse: fn('a function'),
      onRetry: fn('a function'),
      onError: fn('a function'),
    }),
  ),
  concurrency: intIn(1, MAILER_LIMITS.concurrency),
  now: fn('a function returning ms since the epoch'),
  suppression: withMethod(
    'suppressed',
    'a SuppressionStore (memorySuppression() or providerSuppression(...))',
  ),
  scheduler: withMethod('attach', 'a Scheduler (createScheduler(...) or bullmqScheduler(...))'),
};

const mailerOptionsSchema = z.strictObject(mailerOptionsShape);

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
