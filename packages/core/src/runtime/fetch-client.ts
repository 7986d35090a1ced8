/**
 * The HTTP client where undici cannot run (Bun, ESM bundles: see ./detect.ts): the same
 * contract as the undici client in ../http.ts (timeout per request, the caller's signal, a cap
 * on the response size, failures classified by the same `classify`), sent with `fetch`. The
 * runtime's fetch pools connections itself, so `close()` has nothing of its own to release.
 */

import type { HttpRequest, HttpResponse } from '../provider/provider.js';
import { startDeadline } from '../run/deadline.js';
import type { Target } from '../run/endpoint.js';
import { ExchangeError } from '../run/exchange.js';
import { errorCode, type HttpClient, type HttpClientOptions, transferClient } from '../run/http.js';

/** An `HttpClient` on the runtime's `fetch`. */
export function createFetchClient(options: HttpClientOptions): HttpClient {
  const transfer = (target: Target, request: HttpRequest, signal: AbortSignal | undefined) =>
    fetchTransfer(target, request, signal, options);
  return transferClient(options, transfer, () => Promise.resolve());
}

/** One request over fetch; a failure is an `ExchangeError` saying which kind it was. */
async function fetchTransfer(
  target: Target,
  request: HttpRequest,
  signal: AbortSignal | undefined,
  options: HttpClientOptions,
): Promise<HttpResponse> {
  const deadline = startDeadline(options.timeoutMs, signal);
  let prepared: Request;
  try {
    // Built before fetch: a header or URL the runtime refuses fails here, where nothing can have
    // left the machine (not_sent, as undici's local refusal), not inside fetch (unknown).
    prepared = new Request(`${target.origin}${target.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: 'manual',
      signal: deadline.signal,
    });
  } catch (error) {
    deadline.release();
    throw new ExchangeError(error, false, 'transport');
  }
  try {
    const response = await fetch(prepared);
    const body = await readBody(response, options.maxResponseBytes);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return { status: response.status, headers, body };
  } catch (error) {
    const kind =
      error instanceof ResponseTooLarge
        ? 'size'
        : signal?.aborted
          ? 'caller'
          : deadline.expired
            ? 'deadline'
            : 'transport';
    throw new ExchangeError(error, !neverConnected(error), kind);
  } finally {
    deadline.release();
  }
}

/** The answer passed `maxResponseBytes`. */
class ResponseTooLarge extends Error {}

/**
 * fetch does not say whether the request reached the socket, so only failures that happen before
 * a connection exists count as unsent (Node's fetch puts the errno on `cause`; Bun names it
 * `ConnectionRefused`). Anything else may have been written: `unknown`.
 */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ConnectionRefused',
]);

function neverConnected(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && NEVER_CONNECTED.has(code);
}

async function readBody(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new ResponseTooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new ResponseTooLarge();
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
