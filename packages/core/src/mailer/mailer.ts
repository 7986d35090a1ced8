/**
 * The Mailer: the neutral operations over one provider. Every input is validated and checked
 * against the provider's capabilities before any request; every request goes through the one
 * executor (rate limit, sign, HTTP, parse, retry, hooks).
 */
import type { Dispatcher } from 'undici';
import type { Capabilities } from '../capabilities/capabilities.js';
import { MailError } from '../errors.js';
import { queryStatus, type RecipientStatus, type StatusQuery } from '../events/status.js';
import { assertNotSuppressed, type SuppressionStore } from '../events/suppression.js';
import { valuesForProvider } from '../failover/values.js';
import type { BatchInput, Message, MessageInput } from '../message/message.js';
import type {
  BatchResult,
  CallOptions,
  HttpRequest,
  Provider,
  SendResult,
} from '../provider/provider.js';
import { type AccountResources, createResources } from '../resources/view.js';
import { startDeadline } from '../run/deadline.js';
import { checkEndpoint } from '../run/endpoint.js';
import { createExecutor, type RetryOptions, type Transport } from '../run/executor.js';
import type { Hooks } from '../run/hooks.js';
import { createHttpClient } from '../run/http.js';
import { createRateLimiter, type RateLimitOverrides } from '../run/rate-limit.js';
import { describeRequest, redactError, requestSecrets } from '../run/redact.js';
import { abortedError } from '../run/sleep.js';
import type { Scheduler } from '../schedule/contract.js';
import type { ScheduleRule } from '../schedule/rule.js';
import { createScheduling } from '../schedule/scheduling.js';
import type { ScheduledResult, ScheduleSendOptions, Schedules } from '../schedule/view.js';
import { createGroups, type Groups } from './groups.js';
import { checkCallOptions, checkMailerOptions } from './mailer-options.js';
import { prepareBatch, prepareMessage } from './prepare.js';
import { type Settled, type Source, sendManyOver } from './send-many.js';

/** Options of `createMailer`; every one has a default. */
export interface MailerOptions {
  /** An undici dispatcher (proxy, test double); by default a keep-alive pool per mailer. */
  readonly dispatcher?: Dispatcher;
  /** Per-request timeout in ms (default: the provider config's, else 30,000). */
  readonly timeoutMs?: number;
  /** Largest response body in bytes (default 10 MiB). */
  readonly maxResponseBytes?: number;
  /** Retry count and backoff (retries default: the provider config's, else 3). */
  readonly retry?: RetryOptions;
  /** Per-action rate-limit overrides, or `false` to disable client-side rate limiting. */
  readonly rateLimits?: RateLimitOverrides | false;
  readonly hooks?: Hooks;
  /** Default `sendMany` concurrency (default 16). */
  readonly concurrency?: number;
  /** Clock for signatures and schedule checks (default `Date.now`). */
  readonly now?: () => number;
  /** Suppressed addresses: `send` refuses them before any request (see events/suppression.ts). */
  readonly suppression?: SuppressionStore;
  /**
   * Where scheduled sends and batches the provider cannot hold itself are kept and fired:
   * `createScheduler(...)` from `@mailbridge/scheduler` (embedded) or
   * `@mailbridge/scheduler-bullmq` (Redis). The mailer attaches its sender to it.
   */
  readonly scheduler?: Scheduler;
}

/** Per-call options (defined with the provider contract, which takes the same). */
export type { CallOptions } from '../provider/provider.js';

/** Options of `sendMany`. */
export interface SendManyOptions extends CallOptions {
  readonly concurrency?: number;
  /**
   * Called with each message's result as soon as it settles (completion order), whether or not
   * the loop has read it yet. After an early `break`, sends already in flight finish and report
   * here; no new message is pulled or started. What it throws or rejects with is ignored.
   */
  readonly onSettled?: (result: Settled<SendResult>) => unknown;
}

/** The neutral API over one provider. */
export interface Mailer<Id extends string = string, Raw = unknown> extends AccountResources {
  readonly provider: Id;
  readonly capabilities: Capabilities;
  /** The adapter's typed client for every provider action (same retries, hooks, limits). */
  readonly raw: Raw;
  /** Send one message with one provider request. */
  send(message: MessageInput, options?: CallOptions): Promise<SendResult>;
  /**
   * Schedule a send: `{ at }` once, or any `schedule` rule. Checked now, kept and fired by the
   * configured scheduler (`createMailer(provider, { scheduler })`).
   */
  send(message: MessageInput, options: ScheduleSendOptions): Promise<ScheduledResult>;
  /**
   * Fan out over an (async) iterable; one settled result per message, in input order, never
   * rejecting for one failure. On abort it stops pulling input, yields the results of sends
   * already started, then rejects with `aborted`: inputs without a result were not attempted.
   *
   * @example
   * ```ts
   * for await (const r of mailer.sendMany(readCustomers(), { concurrency: 8 })) {
   *   if (r.status === 'rejected') log(r.index, r.reason.code, r.reason.delivery);
   * }
   * ```
   */
  sendMany(
    messages: Source<MessageInput>,
    options?: SendManyOptions,
  ): AsyncIterable<Settled<SendResult>>;
  /**
   * A scheduled batch: native where the provider can express the rule (`result.native`),
   * otherwise kept and fired by the configured scheduler.
   */
  sendBatch(
    batch: BatchInput & { readonly schedule: ScheduleRule },
    options?: CallOptions,
  ): Promise<ScheduledResult>;
  /** Provider-side send of a stored template to a stored group (for a schedule, see above). */
  sendBatch(batch: BatchInput, options?: CallOptions): Promise<BatchResult>;
  readonly groups: Groups;
  /** Per-recipient delivery status from the provider, in neutral kinds (see events/status.ts). */
  status(query: StatusQuery, options?: CallOptions): Promise<RecipientStatus[]>;
  /** Scheduled work of this provider: scheduler jobs and the provider's native tasks. */
  readonly schedules: Schedules;
  /** Release sockets. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/**
 * Create a mailer for a provider.
 *
 * @example
 * ```ts
 * import { createMailer } from '@mailbridge/core';
 * import { tencentSes } from '@mailbridge/tencent-ses';
 *
 * const mailer = createMailer(tencentSes({ region: 'ap-guangzhou' }));
 * await mailer.send({
 *   from: 'Shop <noreply@mail.example.com>',
 *   to: 'a@example.com',
 *   subject: 'Welcome',
 *   template: { id: 12345, data: { name: 'Ann' } },
 * });
 * ```
 */
export function createMailer<Id extends string, Raw>(
  provider: Provider<Id, Raw>,
  options: MailerOptions = {},
): Mailer<Id, Raw> {
  checkMailerOptions(provider.id, options);
  // A provider made of providers (failover, roundRobin) routes over its members' mailers.
  if (provider.compose) return provider.compose(options) as Mailer<Id, Raw>;
  const caps = provider.capabilities;
  const now = options.now ?? Date.now;
  const transport = createTransport(provider, options);
  const secrets = provider.secrets ?? (() => []);
  const buildTimeoutMs = options.timeoutMs ?? provider.transport?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const executor = createExecutor({
    provider: provider.id,
    transport: transport.send,
    limiter: createRateLimiter(caps.rateLimits, options.rateLimits),
    hooks: options.hooks ?? {},
    retry: { retries: provider.transport?.retries ?? 3, ...options.retry },
    describe: (request: HttpRequest) => describeRequest(request, secrets()),
    redactError: (error, request) =>
      redactError(error, [...(request ? requestSecrets(request) : []), ...secrets()]),
    now,
    buildTimeoutMs,
  });
  const concurrency = options.concurrency ?? 16;
  // The one suppression check of this mailer: a send now, a send when it is scheduled and a
  // scheduled send when it fires (the address may have bounced or complained in between).
  const suppression = options.suppression;
  const screen =
    suppression === undefined
      ? undefined
      : (message: Message, signal: AbortSignal | undefined) =>
          assertNotSuppressed(suppression, message, provider.id, signal);
  const scheduling = createScheduling({
    provider,
    run: executor.run,
    now,
    timeoutMs: buildTimeoutMs,
    scheduler: options.scheduler,
    ...(screen === undefined ? {} : { screen }),
  });
  const detach = scheduling.attach();

  const sendNow = async (input: MessageInput, call?: CallOptions): Promise<SendResult> => {
    const message = prepareMessage(provider, valuesForProvider(input, provider.id));
    if (screen) {
      // The signal is used before the executor checks it: a bad one is still invalid_input.
      checkCallOptions(call);
      await screen(message, call?.signal);
    }
    const { value, attempts } = await executor.run(provider.send(message), call?.signal);
    return { provider: provider.id, ...value, attempts };
  };

  return {
    provider: provider.id,
    capabilities: caps,
    raw: provider.raw(executor.execute),
    send: ((input: MessageInput, call?: CallOptions & Partial<ScheduleSendOptions>) =>
      call?.at !== undefined || call?.schedule !== undefined
        ? scheduling.send(valuesForProvider(input, provider.id), call as ScheduleSendOptions)
        : sendNow(input, call)) as Mailer['send'],
    sendMany: sendManyOver(sendNow, concurrency),
    sendBatch: (async (input: BatchInput, call?: CallOptions) => {
      if (isScheduled(input)) return scheduling.batch(valuesForProvider(input, provider.id), call);
      const batch = prepareBatch(provider, valuesForProvider(input, provider.id), now());
      const { value, attempts } = await executor.run(provider.sendBatch(batch), call?.signal);
      return { provider: provider.id, ...value, attempts, scheduled: false };
    }) as Mailer['sendBatch'],
    groups: createGroups(provider, executor.run),
    status: (query, call) => queryStatus(provider, executor.run, query, now(), call?.signal),
    schedules: scheduling.schedules,
    ...createResources(provider, executor.run, now),
    close: async () => {
      detach();
      await transport.close();
    },
  };
}

/** A batch input carrying a schedule (read defensively: the input is not validated yet). */
function isScheduled(input: unknown): input is BatchInput {
  return (
    typeof input === 'object' && input !== null && (input as BatchInput).schedule !== undefined
  );
}

/** The provider's own dispatch (in-memory providers) or the undici client. */
function createTransport(
  provider: Provider,
  options: MailerOptions,
): { send: Transport; close: () => Promise<void> } {
  const timeoutMs = options.timeoutMs ?? provider.transport?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (provider.dispatch) {
    const dispatch = provider.dispatch;
    return {
      send: (request, signal) => dispatchWithTimeout(dispatch, request, signal, timeoutMs),
      close: async () => {},
    };
  }
  checkEndpoint(provider.origin, {
    provider: provider.id,
    ...(provider.allowInsecureHttp ? { allowInsecureHttp: true } : {}),
  });
  const client = createHttpClient({
    origin: provider.origin,
    ...(provider.allowInsecureHttp ? { allowInsecureHttp: true } : {}),
    timeoutMs,
    maxResponseBytes:
      options.maxResponseBytes ??
      provider.transport?.maxResponseBytes ??
      DEFAULT_MAX_RESPONSE_BYTES,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  return {
    send: (request, signal) => client.send(request, signal ? { signal } : {}),
    close: () => client.close(),
  };
}

/** In-process dispatch with the same timeout and abort semantics as the HTTP client. */
async function dispatchWithTimeout(
  dispatch: NonNullable<Provider['dispatch']>,
  request: HttpRequest,
  signal: AbortSignal | undefined,
  timeoutMs: number,
) {
  if (signal?.aborted) throw abortedError(signal);
  const deadline = startDeadline(timeoutMs, signal);
  try {
    return await dispatch(request, deadline.signal);
  } catch (error) {
    if (deadline.expired && !signal?.aborted) {
      throw new MailError(`No response within ${timeoutMs} ms`, {
        code: 'timeout',
        retryable: true,
        delivery: 'unknown',
      });
    }
    if (signal?.aborted) throw abortedError(signal, 'unknown');
    throw error;
  } finally {
    deadline.release();
  }
}
