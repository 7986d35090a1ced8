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
  /** How long the core waits before the next attempt. */
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

/** Observers of the request lifecycle. A hook that throws is ignored: it cannot break a send. */
export interface Hooks {
  readonly onRequest?: (event: RequestEvent) => void;
  readonly onResponse?: (event: ResponseEvent) => void;
  readonly onRetry?: (event: RetryEvent) => void;
  readonly onError?: (event: ErrorEvent) => void;
}

/** Call a hook, swallowing what it throws. */
export function emit<E>(hook: ((event: E) => void) | undefined, event: E): void {
  if (!hook) return;
  try {
    hook(event);
  } catch {
    // A faulty observer must not change the outcome of a send.
  }
}
