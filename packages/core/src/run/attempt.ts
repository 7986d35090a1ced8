/**
 * One attempt of a provider operation: rate limit, build and sign (or the identical replay),
 * send, parse. What it throws is a `MailError`, redacted once, here, where the request is known;
 * an error that must end the run (nothing retries a failed build or a refused replay) comes
 * wrapped in p-retry's `AbortError`, the library's own "do not retry" signal.
 */
import { AbortError } from 'p-retry';
import { isMailError, MailError } from '../errors.js';
import type { AttemptContext, HttpRequest, Operation } from '../provider/provider.js';
import type { AttemptGate } from '../schedule/contract.js';
import { refusedReplay } from './ambiguity.js';
import { bounded } from './bounded.js';
import type { ExecutorOptions } from './executor.js';
import { answered } from './gate.js';
import { emit } from './hooks.js';
import { parseRetryAfter } from './retry-after.js';

/** Per-run state shared by the attempts and the retry decision. */
export interface RunState {
  attempts: number;
  /** The last request built (the one a replay resends). */
  last?: HttpRequest;
  /** The next attempt resends `last` unchanged. */
  replayNext: boolean;
  /** The first failure after which a copy may have reached the provider. */
  ambiguous?: MailError;
  /** The last failure the retry decision saw (its `delivery` carries over to an abort). */
  lastError?: MailError;
  /** Set when an attempt succeeded: p-retry checks the signal again after a success. */
  done?: { readonly value: unknown };
}

const NEVER = new AbortController().signal;

/** Runs a nested operation (one an adapter starts inside `build`) under the attempt's gate. */
export type NestedRun = <T>(
  op: Operation<T>,
  signal: AbortSignal | undefined,
  gate: AttemptGate | undefined,
) => Promise<T>;

/** The attempt function for one provider: `(op, state, signal) => value`. */
export function createAttempt(options: ExecutorOptions, nested: NestedRun) {
  const { provider, hooks } = options;
  const execute: AttemptContext['execute'] = (op, opts) => nested(op, opts?.signal, undefined);
  const buildTimeoutMs = options.buildTimeoutMs ?? 30_000;
  const redact = (error: MailError, state: RunState): MailError =>
    options.redactError ? options.redactError(error, state.last) : error;

  /** Build the request, or take the previous one for an identical replay. */
  async function requestFor(
    op: Operation<unknown>,
    state: RunState,
    ctx: AttemptContext,
    signal: AbortSignal | undefined,
  ) {
    if (state.replayNext && state.last !== undefined) {
      state.replayNext = false;
      return { request: state.last, replay: true };
    }
    state.replayNext = false;
    try {
      const what = `${provider} ${op.action}: signing (credentials)`;
      const request = await bounded(op.build(ctx), signal, buildTimeoutMs, what);
      return { request, replay: false };
    } catch (error) {
      // Nothing was sent, and a failing credentials function is not retried.
      throw new AbortError(redact(asMailError(error, provider, op, 'not_sent'), state));
    }
  }

  async function send<T>(
    op: Operation<T>,
    state: RunState,
    signal: AbortSignal | undefined,
    gate: AttemptGate | undefined,
  ) {
    // `take` answers undefined when no limit applies: no await, so no microtask turn either.
    const waiting = options.limiter.take(op.action, signal);
    if (waiting !== undefined) await waiting;
    state.attempts += 1;
    const ctx: AttemptContext = {
      attempt: state.attempts,
      signal: signal ?? NEVER,
      now: options.now,
      // A lookup the adapter makes while building (DirectMail's list-name lookup) is one more
      // request at the provider: it passes the same gate as the attempt that needs it.
      execute: gate ? (inner, opts) => nested(inner, opts?.signal, gate) : execute,
    };
    const { request, replay } = await requestFor(op, state, ctx, signal);
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
        throw new AbortError(redact(refusedReplay(mailError, state.ambiguous, provider), state));
      }
      throw mailError;
    }
  }

  /** One attempt; what it throws is a redacted MailError (or an AbortError holding one). */
  return async function attempt<T>(
    op: Operation<T>,
    state: RunState,
    signal: AbortSignal | undefined,
    gate?: AttemptGate,
  ): Promise<T> {
    try {
      const value = await send(op, state, signal, gate);
      state.done = { value };
      return value;
    } catch (error) {
      if (error instanceof AbortError) throw error;
      throw redact(asMailError(error, provider, op, 'unknown'), state);
    }
  };
}

/** Anything thrown by a transport, an adapter's parse or build, as a MailError. */
export function asMailError(
  error: unknown,
  provider: string,
  op: Operation<unknown>,
  delivery: 'not_sent' | 'unknown',
  httpStatus?: number,
): MailError {
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
