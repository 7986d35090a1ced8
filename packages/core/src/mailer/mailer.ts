/**
 * The Mailer: the neutral operations over one provider. Every input is validated and checked
 * against the provider's capabilities before any request; every request goes through the one
 * executor (rate limit, sign, HTTP, parse, retry, hooks).
 */
import type { Dispatcher } from 'undici';
import type { Capabilities } from '../capabilities/capabilities.js';
import { MailError } from '../errors.js';
import type { BatchInput, MessageInput } from '../message/message.js';
import type { BatchResult, HttpRequest, Provider, SendResult } from '../provider/provider.js';
import { startDeadline } from '../run/deadline.js';
import { assertSecureEndpoint } from '../run/endpoint.js';
import { createExecutor, type RetryOptions, type Transport } from '../run/executor.js';
import type { Hooks } from '../run/hooks.js';
import { createHttpClient } from '../run/http.js';
import { createRateLimiter, type RateLimitOverrides } from '../run/rate-limit.js';
import { describeRequest, redactError } from '../run/redact.js';
import { abortedError } from '../run/sleep.js';
import { createGroups, type Groups } from './groups.js';
import { prepareBatch, prepareMessage } from './prepare.js';
import { type Settled, type Source, settleInOrder } from './send-many.js';

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
}

/** Per-call options. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** Options of `sendMany`. */
export interface SendManyOptions extends CallOptions {
  readonly concurrency?: number;
}

/** The neutral API over one provider. */
export interface Mailer<Id extends string = string, Raw = unknown> {
  readonly provider: Id;
  readonly capabilities: Capabilities;
  /** The adapter's typed client for every provider action (same retries, hooks, limits). */
  readonly raw: Raw;
  /** Send one message with one provider request. */
  send(message: MessageInput, options?: CallOptions): Promise<SendResult>;
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
  /** Provider-side send of a stored template to a stored group, optionally scheduled. */
  sendBatch(batch: BatchInput, options?: CallOptions): Promise<BatchResult>;
  readonly groups: Groups;
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
  const caps = provider.capabilities;
  const now = options.now ?? Date.now;
  const transport = createTransport(provider, options);
  const secrets = provider.secrets ?? (() => []);
  const executor = createExecutor({
    provider: provider.id,
    transport: transport.send,
    limiter: createRateLimiter(caps.rateLimits, options.rateLimits),
    hooks: options.hooks ?? {},
    retry: { retries: provider.transport?.retries ?? 3, ...options.retry },
    describe: (request: HttpRequest) => describeRequest(request, secrets()),
    redactError: (error, request) =>
      redactError(error, [...(request?.secrets ?? []), ...secrets()]),
    now,
  });
  const concurrency = options.concurrency ?? 16;

  const send = async (input: MessageInput, call?: CallOptions): Promise<SendResult> => {
    const message = prepareMessage(provider, input);
    const { value, attempts } = await executor.run(provider.send(message), call?.signal);
    return { provider: provider.id, ...value, attempts };
  };

  return {
    provider: provider.id,
    capabilities: caps,
    raw: provider.raw(executor.execute),
    send,
    sendMany(messages, call) {
      const limit = call?.concurrency ?? concurrency;
      if (!Number.isInteger(limit) || limit < 1)
        throw new RangeError('concurrency must be a positive integer');
      const signal = call?.signal;
      return settleInOrder(
        messages,
        (message) => send(message, signal ? { signal } : undefined),
        limit,
        signal,
      );
    },
    async sendBatch(input, call) {
      const batch = prepareBatch(provider, input, now());
      const { value, attempts } = await executor.run(provider.sendBatch(batch), call?.signal);
      return { provider: provider.id, ...value, attempts, scheduled: batch.schedule !== undefined };
    },
    groups: createGroups(provider, executor.run),
    close: transport.close,
  };
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
  assertSecureEndpoint(provider.origin, provider.id);
  const client = createHttpClient({
    origin: provider.origin,
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
