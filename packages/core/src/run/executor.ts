/**
 * The one place where provider operations run: rate limit, build and sign, HTTP, parse,
 * classify, retry (p-retry), hooks. Retry rules (README, "Errors and duplicate safety"):
 * - a `read` is retried on any retryable error;
 * - a `send` or `write` only when the provider certainly did not act (`delivery: 'not_sent'`);
 * - after an ambiguous failure of a `replayable` operation, the previous attempt's exact signed
 *   request is resent: the provider refuses it if the first copy arrived, so nothing is sent
 *   twice. That refusal is reported as `delivery: 'unknown'`, never as a plain failure.
 * Every other attempt is built and signed afresh.
 */
import pRetry, { AbortError } from 'p-retry';
import { isMailError, MailError } from '../errors.js';
import { checkCallOptions } from '../mailer/mailer-options.js';
import type { AttemptContext, HttpRequest, HttpResponse, Operation } from '../provider/provider.js';
import type { AttemptGate } from '../schedule/contract.js';
import { afterAmbiguity, refusedReplay } from './ambiguity.js';
import { bounded } from './bounded.js';
import { answered } from './gate.js';
import { emit, type Hooks, type RedactedRequest } from './hooks.js';
import type { RateLimiter } from './rate-limit.js';
import { parseRetryAfter } from './retry-after.js';
import { abortedError, sleep } from './sleep.js';

/** Sends one request; throws a classified `MailError` on transport failure. */
export type Transport = (
  request: HttpRequest,
  signal: AbortSignal | undefined,
) => Promise<HttpResponse>;

/** Backoff settings. Delays use full jitter between `minDelayMs` and the exponential cap. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  readonly retries?: number;
  /** First backoff step in ms (default 200). */
  readonly minDelayMs?: number;
  /** Largest backoff in ms (default 5,000). */
  readonly maxDelayMs?: number;
  /** Longest provider-requested `retryAfterMs` honoured; longer ones end the retries (default 60,000). */
  readonly maxRetryAfterMs?: number;
}

/** What the executor needs from the mailer: transport, limiter, hooks, backoff, redaction. */
export interface ExecutorOptions {
  readonly provider: string;
  readonly transport: Transport;
  readonly limiter: RateLimiter;
  readonly hooks: Hooks;
  readonly retry: RetryOptions;
  readonly describe: (request: HttpRequest) => RedactedRequest;
  /**
   * Remove secrets from an error's text before anyone sees it: an adapter may quote a provider
   * message that echoes a signature or key (DirectMail quotes its string-to-sign).
   */
  readonly redactError?: (error: MailError, request: HttpRequest | undefined) => MailError;
  readonly now: () => number;
  /** Longest wait for a request to be built (the caller's credentials function); default 30 s. */
  readonly buildTimeoutMs?: number;
}

/** The value of a run and how many attempts it took. */
export interface Outcome<T> {
  readonly value: T;
  readonly attempts: number;
}

/** Per-run state shared by the attempt function and the retry decision. */
interface RunState {
  attempts: number;
  last?: HttpRequest;
  replayNext: boolean;
  ambiguous?: MailError;
  lastError?: MailError;
}

/** Build the runner for one provider. */
export function createExecutor(options: ExecutorOptions) {
  const { provider, hooks } = options;
  const retries = options.retry.retries ?? 3;
  const buildTimeoutMs = options.buildTimeoutMs ?? 30_000;
  const redact = (error: MailError, state: RunState): MailError =>
    options.redactError ? options.redactError(error, state.last) : error;
  /** The failed attempt's request, redacted, for hook payloads (none if it was never built). */
  const lastRequest = (state: RunState): { request?: RedactedRequest } =>
    state.last ? { request: options.describe(state.last) } : {};

  async function attempt<T>(
    op: Operation<T>,
    state: RunState,
    signal: AbortSignal | undefined,
    gate?: AttemptGate,
  ): Promise<T> {
    if (signal?.aborted) throw abortedError(signal, state.lastError?.delivery);
    await options.limiter.take(op.action, signal);
    state.attempts += 1;
    const ctx: AttemptContext = {
      attempt: state.attempts,
      signal: signal ?? NEVER,
      now: options.now,
      execute,
    };
    const replay = state.replayNext && state.last !== undefined;
    state.replayNext = false;
    let request: HttpRequest;
    try {
      request = replay
        ? (state.last as HttpRequest)
        : await bounded(
            op.build(ctx),
            signal,
            buildTimeoutMs,
            `${provider} ${op.action}: signing (credentials)`,
          );
    } catch (error) {
      stop(asMailError(error, provider, op, 'not_sent'));
    }
    state.last = request;
    const release = gate ? await gate(signal) : undefined;
    const base = { provider, action: op.action, attempt: state.attempts };
    const described = hooks.onRequest || hooks.onResponse ? options.describe(request) : undefined;
    if (described) emit(hooks.onRequest, { ...base, request: described, replay });
    const started = performance.now();
    const response = await answered(
      op.transport
        ? op.transport(request, { ...ctx, timeoutMs: buildTimeoutMs })
        : options.transport(request, signal),
      release,
    );
    if (described) {
      const durationMs = performance.now() - started;
      emit(hooks.onResponse, { ...base, request: described, status: response.status, durationMs });
    }
    try {
      return op.parse(response, ctx);
    } catch (error) {
      let mailError = asMailError(error, provider, op, 'unknown', response.status);
      if (mailError.retryable && mailError.retryAfterMs === undefined) {
        const retryAfterMs = parseRetryAfter(response.headers['retry-after'], options.now());
        if (retryAfterMs !== undefined) mailError = mailError.with({ retryAfterMs });
      }
      if (replay && state.ambiguous && op.isReplayRejection?.(mailError)) {
        // The first copy reached the provider: it may have been sent. Never a plain failure.
        stop(refusedReplay(mailError, state.ambiguous, provider));
      }
      throw mailError;
    }
  }

  function decide(
    op: Operation<unknown>,
    state: RunState,
    error: MailError,
  ): 'retry' | 'replay' | 'stop' {
    if (!error.retryable || error.code === 'aborted') return 'stop';
    if (op.kind === 'read') return 'retry';
    // Once a copy may have arrived, only identical resends are safe: a fresh signature could
    // be accepted a second time.
    if (state.ambiguous) return 'replay';
    if (error.delivery === 'not_sent') return 'retry';
    if (op.replayable && state.last !== undefined) return 'replay';
    return 'stop';
  }

  function delayFor(error: MailError, retryNumber: number): number | undefined {
    const { minDelayMs = 200, maxDelayMs = 5_000, maxRetryAfterMs = 60_000 } = options.retry;
    if (error.retryAfterMs !== undefined) {
      return error.retryAfterMs <= maxRetryAfterMs ? error.retryAfterMs : undefined;
    }
    const cap = Math.min(maxDelayMs, minDelayMs * 2 ** (retryNumber - 1));
    return minDelayMs + Math.random() * Math.max(0, cap - minDelayMs);
  }

  /** Run an operation to completion: the value and the attempt count, or a final MailError. */
  async function run<T>(
    op: Operation<T>,
    signal?: AbortSignal,
    gate?: AttemptGate,
  ): Promise<Outcome<T>> {
    checkCallOptions(signal === undefined ? undefined : { signal });
    const state: RunState = { attempts: 0, replayNext: false };
    const started = performance.now();
    /** p-retry's `shouldRetry`: classify, decide, tell the hooks, wait. */
    const consider = async (error: unknown, retriesLeft: number): Promise<boolean> => {
      const mailError = redact(asMailError(error, provider, op, 'unknown'), state);
      state.lastError = mailError;
      if (retriesLeft <= 0) return false;
      const decision = decide(op, state, mailError);
      const delayMs = decision === 'stop' ? undefined : delayFor(mailError, state.attempts);
      if (delayMs === undefined) return false;
      if (decision === 'replay') {
        state.ambiguous ??= mailError;
        state.replayNext = true;
      }
      const event = { provider, action: op.action, attempt: state.attempts, error: mailError };
      if (hooks.onRetry) {
        const request = lastRequest(state);
        emit(hooks.onRetry, { ...event, ...request, delayMs, replay: decision === 'replay' });
      }
      await sleep(delayMs, signal);
      return true;
    };
    try {
      let value: T;
      try {
        // Most sends succeed first time: run the first attempt outside p-retry, which then
        // only handles the retries (same decisions, one fewer in its budget).
        value = await attempt(op, state, signal, gate);
      } catch (error) {
        if (error instanceof AbortError) throw error.originalError;
        if (!(await consider(error, retries))) throw error;
        value = await pRetry(() => attempt(op, state, signal, gate), {
          retries: retries - 1,
          minTimeout: 0,
          maxTimeout: 0,
          randomize: false,
          shouldRetry: ({ error: next, retriesLeft }) => consider(next, retriesLeft),
        });
      }
      return { value, attempts: state.attempts };
    } catch (error) {
      let final = unwrap(error, provider, op, state, signal);
      if (state.ambiguous) final = afterAmbiguity(final, state.ambiguous, provider);
      final = redact(final, state).with({ attempts: state.attempts });
      if (hooks.onError) {
        emit(hooks.onError, {
          provider,
          action: op.action,
          attempt: state.attempts,
          error: final,
          durationMs: performance.now() - started,
          ...lastRequest(state),
        });
      }
      throw final;
    }
  }

  /** The raw clients' entry point: the value only. */
  async function execute<T>(
    op: Operation<T>,
    opts?: { readonly signal?: AbortSignal },
  ): Promise<T> {
    return (await run(op, opts?.signal)).value;
  }

  return { run, execute };
}

const NEVER = new AbortController().signal;

/** Marks an error so p-retry does not retry it (it does not call shouldRetry for these). */
class Final extends Error {
  constructor(readonly error: MailError) {
    super(error.message);
  }
}

/** End the run with this error: p-retry's AbortError skips retries and rejects with its cause. */
function stop(error: MailError): never {
  throw new AbortError(new Final(error));
}

function unwrap(
  error: unknown,
  provider: string,
  op: Operation<unknown>,
  state: RunState,
  signal: AbortSignal | undefined,
): MailError {
  if (error instanceof Final) return error.error;
  if (signal?.aborted && !(isMailError(error) && error.code !== 'aborted')) {
    return abortedError(signal, state.lastError?.delivery ?? 'not_sent').with({
      provider,
      action: op.action,
    });
  }
  return asMailError(error, provider, op, 'unknown');
}

/** Anything thrown by a transport, an adapter's parse or build, as a MailError. */
function asMailError(
  error: unknown,
  provider: string,
  op: Operation<unknown>,
  delivery: 'not_sent' | 'unknown',
  httpStatus?: number,
): MailError {
  if (error instanceof Final) return error.error;
  if (isMailError(error)) {
    return error.provider === undefined || error.action === undefined
      ? error.with({ provider: error.provider ?? provider, action: error.action ?? op.action })
      : error;
  }
  if (error instanceof SyntaxError) {
    return new MailError(`${provider} answered ${op.action} with a body that is not valid JSON`, {
      code: 'provider_unavailable',
      retryable: true,
      delivery: 'unknown',
      provider,
      action: op.action,
      ...(httpStatus === undefined ? {} : { httpStatus }),
    });
  }
  const name = error instanceof Error ? error.name : typeof error;
  return new MailError(`${provider} ${op.action} failed unexpectedly (${name})`, {
    code: 'unknown',
    retryable: false,
    delivery,
    provider,
    action: op.action,
    cause: error,
    ...(httpStatus === undefined ? {} : { httpStatus }),
  });
}
