/**
 * The HTTP client every network provider shares: an undici keep-alive agent, a timeout on every
 * request, a response-size cap, and transport failures classified into `MailError`s that say
 * whether the provider may have received the request (shared/DESIGN.md, "HTTP").
 */
import { Agent, type Dispatcher } from 'undici';
import { MailError } from '../errors.js';
import type { HttpRequest, HttpResponse } from '../provider/provider.js';
import { startDeadline } from './deadline.js';
import { requestTarget, type Target } from './endpoint.js';
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
 * Error codes that mean no byte of the request reached the provider: the connection was never
 * made. Everything else after a connection exists may have been received.
 */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * undici refused the request before opening or writing anything: a header it will not send, or
 * a client already closed. Retrying cannot help and nothing reached the provider.
 */
const REFUSED_LOCALLY = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);

/** Create the client; it owns a keep-alive agent unless a dispatcher is given. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { timeoutMs, maxResponseBytes } = options;
  const owned = options.dispatcher
    ? undefined
    : new Agent({
        keepAliveTimeout: 4_000,
        keepAliveMaxTimeout: 60_000,
        connections: 128,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
  const dispatcher: Dispatcher = options.dispatcher ?? (owned as Agent);

  const approved = new Map<string, Target>();

  async function send(request: HttpRequest, sendOptions: SendOptions = {}): Promise<HttpResponse> {
    const caller = sendOptions.signal;
    if (caller?.aborted) throw abortedError(caller);
    const target = requestTarget(request.url, approved);
    // undici's per-request headersTimeout/bodyTimeout bound every request; a timer of our own
    // is only needed to merge the caller's signal with the deadline.
    const deadline = caller ? startDeadline(timeoutMs, caller) : undefined;
    try {
      const response = await dispatcher.request({
        origin: target.origin,
        path: target.path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        ...(deadline ? { signal: deadline.signal } : {}),
      });
      const body = await readBody(
        response.body,
        maxResponseBytes,
        response.headers['content-length'],
      );
      return { status: response.statusCode, headers: flattenHeaders(response.headers), body };
    } catch (error) {
      throw classify(error, {
        caller,
        expired: deadline?.expired ?? false,
        timeoutMs,
        maxResponseBytes,
        host: target.host,
      });
    } finally {
      deadline?.release();
    }
  }

  // Idempotent: undici rejects a second close, and `mailer.close()` may well be called twice.
  let closing: Promise<void> | undefined;
  return {
    send,
    close() {
      closing ??= owned ? owned.close().then(() => undefined) : Promise.resolve();
      return closing;
    },
  };
}

class ResponseTooLarge extends Error {}

async function readBody(
  body: Dispatcher.ResponseData['body'],
  limit: number,
  declared: string | string[] | undefined,
): Promise<string> {
  const length = typeof declared === 'string' ? Number(declared) : Number.NaN;
  if (Number.isFinite(length) && length > limit) {
    body.destroy();
    throw new ResponseTooLarge();
  }
  // A declared length within the cap: read it in one go (the usual, small, provider answer).
  if (Number.isFinite(length)) return body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new ResponseTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

interface ClassifyContext {
  readonly caller: AbortSignal | undefined;
  readonly expired: boolean;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly host: string;
}

/** Turn a transport failure into a `MailError`; the cause keeps the transport's own error. */
function classify(error: unknown, ctx: ClassifyContext): MailError {
  if (error instanceof ResponseTooLarge) {
    return new MailError(`Response from ${ctx.host} exceeds ${ctx.maxResponseBytes} bytes`, {
      code: 'provider_unavailable',
      retryable: false,
      delivery: 'unknown',
    });
  }
  if (ctx.caller?.aborted) return abortedError(ctx.caller, 'unknown');
  const code = errorCode(error);
  if (ctx.expired || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return new MailError(`No response from ${ctx.host} within ${ctx.timeoutMs} ms`, {
      code: 'timeout',
      retryable: true,
      delivery: 'unknown',
      cause: error,
    });
  }
  if (code !== undefined && REFUSED_LOCALLY.has(code)) {
    return new MailError(`Request to ${ctx.host} refused before sending (${code})`, {
      code: 'unknown',
      retryable: false,
      delivery: 'not_sent',
      cause: error,
    });
  }
  if (code !== undefined && NOT_CONNECTED.has(code)) {
    return new MailError(`Could not connect to ${ctx.host} (${code})`, {
      code: 'network',
      retryable: true,
      delivery: 'not_sent',
      cause: error,
    });
  }
  return new MailError(
    `Connection to ${ctx.host} failed after the request was sent (${code ?? 'unknown error'})`,
    {
      code: 'network',
      retryable: true,
      delivery: 'unknown',
      cause: error,
    },
  );
}

/** The first `code` on the error or its cause chain (undici wraps socket errors). */
function errorCode(error: unknown): string | undefined {
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
