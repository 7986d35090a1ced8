/**
 * The HTTP client where undici cannot run (Bun, ESM bundles: see ./detect.ts): the same
 * contract as the undici client in ../http.ts (timeout per request, the caller's signal, a cap
 * on the response size, failures classified by the same `classify`), sent with `fetch`. The
 * runtime's fetch pools connections itself, so `close()` has nothing of its own to release.
 */
import { startDeadline } from '../deadline.js';
import { requestTarget, type Target } from '../endpoint.js';
import {
  classify,
  type HttpClient,
  type HttpClientOptions,
  ResponseTooLarge,
  type SendOptions,
} from '../http.js';
import type { HttpRequest, HttpResponse } from '../provider.js';
import { abortedError } from '../sleep.js';

/** An `HttpClient` on the runtime's `fetch`. */
export function createFetchClient(options: HttpClientOptions): HttpClient {
  const { timeoutMs, maxResponseBytes } = options;
  const approved = new Map<string, Target>();

  async function send(request: HttpRequest, sendOptions: SendOptions = {}): Promise<HttpResponse> {
    const caller = sendOptions.signal;
    if (caller?.aborted) throw abortedError(caller);
    const target = requestTarget(request.url, approved);
    const deadline = startDeadline(timeoutMs, caller);
    try {
      const response = await fetch(`${target.origin}${target.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        redirect: 'manual',
        signal: deadline.signal,
      });
      const body = await readBody(response, maxResponseBytes);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: response.status, headers, body };
    } catch (error) {
      throw classify(error, {
        caller,
        expired: deadline.expired,
        timeoutMs,
        maxResponseBytes,
        host: target.host,
      });
    } finally {
      deadline.release();
    }
  }

  return { send, close: () => Promise.resolve() };
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
