/**
 * Lifecycle hooks (ky-style): observe every request, response, retry and final error without
 * patching anything. Payloads carry a redacted request only: no secret, signature or token.
 */
import type { MailError } from '../errors.js';

/** A request as hooks and logs may see it: credentials and signatures replaced. */
export interface RedactedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Fields every hook payload has. */
export interface HookBase {
  readonly provider: string;
  readonly action: string;
  /** 1-based attempt number. */
  readonly attempt: number;
  /** On a composite provider (`failover`, `roundRobin`): the member making the request. */
  readonly member?: string;
}

/** Before each attempt goes out: the request as signed, redacted. */
export interface RequestEvent extends HookBase {
  readonly request: RedactedRequest;
  /** True when this attempt resends the previous attempt's exact request (DirectMail replay). */
  readonly replay: boolean;
}

/** An attempt got an HTTP answer (any status), before the adapter reads it. */
export interface ResponseEvent extends HookBase {
  readonly request: RedactedRequest;
  readonly status: number;
  readonly durationMs: number;
}

/** An attempt failed and another follows after `delayMs`. */
export interface RetryEvent extends HookBase {
  readonly error: MailError;
  /** The failed attempt's request, redacted. */
  readonly request?: RedactedRequest;
  /**
   * The least the core waits before the next attempt: the provider's `retryAfterMs` when it gave
   * one (p-retry's backoff step follows it), else the backoff step before p-retry's jitter, which
   * multiplies it by 1 to 2 (README "Errors and duplicate safety").
   */
  readonly delayMs: number;
  readonly replay: boolean;
}

/** The call failed for good: the error the caller receives, with the whole call's duration. */
export interface ErrorEvent extends HookBase {
  readonly error: MailError;
  /** The last attempt's request, redacted; absent when the call failed before building one. */
  readonly request?: RedactedRequest;
  readonly durationMs: number;
}

/**
 * Observers of the request lifecycle. A hook that throws, or returns a promise that rejects, is
 * ignored; the core never waits for a hook's promise, so a hook cannot delay or change a send.
 */
export interface Hooks {
  readonly onRequest?: (event: RequestEvent) => void;
  readonly onResponse?: (event: ResponseEvent) => void;
  readonly onRetry?: (event: RetryEvent) => void;
  readonly onError?: (event: ErrorEvent) => void;
}

/**
 * Call an observer (a hook, `onProgress`, `onSettled`), swallowing what it throws and what its
 * promise rejects with (an unhandled rejection would kill the host process after a send that
 * succeeded). The promise is not awaited: an observer never delays the caller.
 */
export function emit<E>(hook: ((event: E) => unknown) | undefined, event: E): void {
  if (!hook) return;
  try {
    const result = hook(event);
    if (isThenable(result)) result.then(undefined, ignore);
  } catch {
    // A faulty observer must not change the outcome of a send.
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function ignore(): void {}
