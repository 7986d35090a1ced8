/**
 * The HTTP client every network provider shares: an undici keep-alive agent, a timeout on every
 * request, a response-size cap, and transport failures classified into `MailError`s that say
 * whether the provider may have received the request (README, "Errors and duplicate safety").
 */
import type { Dispatcher } from 'undici';
import { MailError } from '../errors.js';
import type { HttpRequest, HttpResponse } from '../provider/provider.js';
import { createDefaultClient } from '../runtime/default-client.js';
import { assertDispatcher } from '../runtime/detect.js';
import { requestTarget, type Target } from './endpoint.js';
import { type ExchangeError, exchange } from './exchange.js';
import { abortedError } from './sleep.js';

/** Settings of `createHttpClient`; `createMailer` fills them from its options and the config. */
export interface HttpClientOptions {
  /** The provider origin; used for error messages and the default pool. */
  readonly origin: string;
  /** Per-request timeout in ms, from the connection attempt to the last byte read. */
  readonly timeoutMs: number;
  /** Largest response body accepted, in bytes. */
  readonly maxResponseBytes: number;
  /** A caller's dispatcher (proxy, test double); the client then does not own or close it. */
  readonly dispatcher?: Dispatcher;
  /** Plain http to a non-loopback host was opted into (the provider's `allowInsecureHttp`). */
  readonly allowInsecureHttp?: boolean;
}

/** Per-request options: the caller's signal (the timeout is the client's). */
export interface SendOptions {
  readonly signal?: AbortSignal;
}

/** Sends one signed request and reads the whole answer; failures are classified `MailError`s. */
export interface HttpClient {
  send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse>;
  close(): Promise<void>;
}

/**
 * Error codes for a connection that could not be made or kept up to the moment of writing;
 * with nothing written, they are worth another try. Any other failure before the write is a
 * local refusal (a header undici will not send, a closed client, a broken dispatcher).
 */
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * Create the client. With a caller's dispatcher it sends through that (and does not close it);
 * without one it owns a keep-alive undici agent, or uses fetch where undici cannot run
 * (runtime/default-client.ts).
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  if (!options.dispatcher) return createDefaultClient(options, createDispatcherClient);
  assertDispatcher(options.dispatcher);
  return createDispatcherClient(options, options.dispatcher, false);
}

/** The undici client on `dispatcher`; its `close()` closes the dispatcher only if `owned`. */
function createDispatcherClient(
  options: HttpClientOptions,
  dispatcher: Dispatcher,
  owned: boolean,
): HttpClient {
  const { timeoutMs, maxResponseBytes } = options;
  // Idempotent: undici rejects a second close, and `mailer.close()` may well be called twice.
  let closing: Promise<void> | undefined;
  return transferClient(
    options,
    (target, request, signal) =>
      exchange(dispatcher, {
        origin: target.origin,
        path: target.path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        timeoutMs,
        maxResponseBytes,
        signal,
      }),
    () => {
      closing ??= owned ? dispatcher.close().then(() => undefined) : Promise.resolve();
      return closing;
    },
  );
}

/** Moves one checked request: the whole answer, or an `ExchangeError` saying how it failed. */
export type Transfer = (
  target: Target,
  request: HttpRequest,
  signal: AbortSignal | undefined,
) => Promise<HttpResponse>;

/**
 * The `HttpClient` contract around a transfer, the same for the undici and the fetch client: an
 * aborted call fails before anything, the URL is checked (endpoint.ts), and a failure becomes a
 * classified `MailError`.
 */
export function transferClient(
  options: HttpClientOptions,
  transfer: Transfer,
  close: () => Promise<void>,
): HttpClient {
  const { timeoutMs, maxResponseBytes } = options;
  const approved = new Map<string, Target>();

  async function send(request: HttpRequest, sendOptions: SendOptions = {}): Promise<HttpResponse> {
    const { signal } = sendOptions;
    if (signal?.aborted) throw abortedError(signal);
    const target = requestTarget(request.url, approved, options.allowInsecureHttp);
    try {
      return await transfer(target, request, signal);
    } catch (error) {
      const ctx = { signal, timeoutMs, maxResponseBytes, host: target.host };
      throw classify(error as ExchangeError, ctx);
    }
  }

  return { send, close };
}

/** What `classify` needs besides the failure: the caller's signal and the settings. */
export interface ClassifyContext {
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly host: string;
}

/**
 * Turn a failed exchange into a `MailError`. `delivery` follows one fact, whether the request
 * was handed to the socket (see exchange.ts), never an error code alone: undici reports a
 * destroyed client with the same code before and after the write, and a reset can come either
 * side of it.
 */
export function classify(failure: ExchangeError, ctx: ClassifyContext): MailError {
  const { reason: error, written, kind } = failure;
  const delivery = written ? 'unknown' : 'not_sent';
  if (kind === 'size') {
    return new MailError(`Response from ${ctx.host} exceeds ${ctx.maxResponseBytes} bytes`, {
      code: 'provider_unavailable',
      retryable: false,
      delivery: 'unknown',
    });
  }
  if (kind === 'caller' || ctx.signal?.aborted) {
    return abortedError(ctx.signal as AbortSignal, delivery);
  }
  const code = errorCode(error);
  if (kind === 'deadline' || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new MailError(`No response from ${ctx.host} within ${ctx.timeoutMs} ms`, {
      code: 'timeout',
      retryable: true,
      delivery,
      cause: error,
    });
  }
  if (written) {
    return new MailError(
      `Connection to ${ctx.host} failed after the request was sent (${code ?? 'unknown error'})`,
      { code: 'network', retryable: true, delivery, cause: error },
    );
  }
  if (code !== undefined && CONNECT_FAILURES.has(code)) {
    return new MailError(`Could not connect to ${ctx.host} (${code})`, {
      code: 'network',
      retryable: true,
      delivery,
      cause: error,
    });
  }
  const name = code ?? (error instanceof Error ? error.name : 'unknown error');
  return new MailError(`Request to ${ctx.host} refused before sending (${name})`, {
    code: 'unknown',
    retryable: false,
    delivery,
    cause: error,
  });
}

/** The first `code` on the error or its cause chain (undici wraps socket errors). */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      // undici reports a socket closed by the peer as UND_ERR_SOCKET with the errno on the cause.
      const inner = (current as { cause?: { code?: unknown } }).cause?.code;
      if (code === 'UND_ERR_SOCKET' && typeof inner === 'string') return inner;
      return code;
    }
    if (Array.isArray((current as { errors?: unknown }).errors)) {
      // AggregateError from happy-eyeballs connects: every address refused.
      const first = (current as { errors: unknown[] }).errors[0];
      current = first;
      continue;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
