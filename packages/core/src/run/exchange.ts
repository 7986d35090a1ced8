/**
 * One HTTP exchange on an undici dispatcher, with our own dispatch handler so the client knows
 * the one fact that decides `delivery`: was the request handed to the socket? undici calls a
 * handler's `onConnect` just before it writes the request (lib/dispatcher/client-h1.js
 * `writeH1`); a failure before that moment left nothing on the wire, whatever its error code
 * (a destroyed client, a refused connection, a TLS handshake reset, a dispatcher that is not
 * one). A failure after it may have reached the provider.
 *
 * The deadline covers the whole exchange, headers and body: undici's own `bodyTimeout` is an
 * idle timer between chunks, which a reply trickled one byte at a time never trips.
 */
import type { Dispatcher } from 'undici';

/** What the exchange needs: where, what, and how long. */
export interface ExchangeRequest {
  readonly origin: string;
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array | null;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly signal: AbortSignal | undefined;
}

/** A complete answer: status, lower-case headers, body text. */
export interface ExchangeResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Why the exchange failed, with the fact the classification needs. */
export class ExchangeError extends Error {
  constructor(
    /** The transport's own error (undici's, the socket's, or a local reason below). */
    readonly reason: unknown,
    /** True once undici started writing the request to a socket. */
    readonly written: boolean,
    /** `deadline`: our timer fired; `caller`: the caller's signal aborted; `size`: over the cap. */
    readonly kind: 'transport' | 'deadline' | 'caller' | 'size',
  ) {
    super('exchange failed', { cause: reason });
  }
}

/** Run one exchange; rejects with an `ExchangeError` only. */
export function exchange(
  dispatcher: Dispatcher,
  request: ExchangeRequest,
): Promise<ExchangeResponse> {
  return new Promise((resolve, reject) => {
    let written = false;
    let settled = false;
    let abortRequest: ((reason: Error) => void) | undefined;
    let stopped: { kind: ExchangeError['kind']; reason: Error } | undefined;
    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let size = 0;

    const finish = (error: ExchangeError | undefined, response?: ExchangeResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
      if (error) reject(error);
      else resolve(response as ExchangeResponse);
    };
    /** Stop the exchange: abort it if undici has it on a socket, else refuse it at connect. */
    const stop = (kind: ExchangeError['kind'], reason: Error) => {
      if (settled) return;
      stopped ??= { kind, reason };
      abortRequest?.(reason);
      finish(new ExchangeError(reason, written, kind));
    };
    const onCallerAbort = () => stop('caller', asError(request.signal?.reason));
    const timer = setTimeout(
      () => stop('deadline', new Error(`deadline of ${request.timeoutMs} ms passed`)),
      request.timeoutMs,
    );
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });

    const handler: Dispatcher.DispatchHandler = {
      onConnect(abort) {
        // A stop that came first: refuse before anything is written (writeH1 checks `aborted`).
        if (stopped) return abort(stopped.reason);
        written = true;
        abortRequest = abort;
      },
      onHeaders(statusCode, rawHeaders) {
        status = statusCode;
        headers = flatten(rawHeaders as unknown as Buffer[]);
        const declared = Number(headers['content-length'] ?? Number.NaN);
        if (declared > request.maxResponseBytes) stop('size', new Error('response too large'));
        return true;
      },
      onData(chunk) {
        size += chunk.length;
        if (size > request.maxResponseBytes) stop('size', new Error('response too large'));
        else chunks.push(chunk);
        return true;
      },
      onComplete() {
        const body = Buffer.concat(chunks, size).toString('utf8');
        finish(undefined, { status, headers, body });
      },
      onError(error) {
        finish(new ExchangeError(error, written, stopped?.kind ?? 'transport'));
      },
    };
    try {
      dispatcher.dispatch(
        {
          origin: request.origin,
          path: request.path,
          method: request.method,
          headers: request.headers,
          body: request.body,
          headersTimeout: request.timeoutMs,
          bodyTimeout: request.timeoutMs,
        },
        handler,
      );
    } catch (error) {
      // Not a dispatcher (no `dispatch`), or one that throws instead of calling onError.
      finish(new ExchangeError(error, written, 'transport'));
    }
  });
}

/**
 * undici's raw header list (name, value, name, value...) as lower-case names. Header bytes are
 * latin1 (RFC 9110 §5.5), which is also the cheaper decoding; a repeated header is joined with
 * ", ", and a name such as "constructor" never meets the prototype's.
 */
function flatten(raw: readonly (Buffer | string)[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = latin1(raw[i] as Buffer | string).toLowerCase();
    const value = latin1(raw[i + 1] as Buffer | string);
    out[name] = Object.hasOwn(out, name) ? `${out[name]}, ${value}` : value;
  }
  return out;
}

function latin1(part: Buffer | string): string {
  return typeof part === 'string' ? part : part.toString('latin1');
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason ?? 'aborted'));
}
