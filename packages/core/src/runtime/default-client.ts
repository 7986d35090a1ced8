/**
 * The HTTP client a mailer owns when the caller gives no dispatcher: a keep-alive undici
 * `Agent` where undici works (Node, Deno), the runtime's fetch where it does not (Bun, ESM
 * bundles: ./detect.ts). undici is loaded on the first request, so importing core never
 * evaluates it, and a bundle that cannot run it still loads and sends.
 */
import type { Dispatcher } from 'undici';
import type { HttpClient, HttpClientOptions } from '../run/http.js';
import { loadUndiciAgent } from './detect.js';
import { createFetchClient } from './fetch-client.js';

/** Builds the undici client on a dispatcher (../http.ts), closing it on `close()` if `owned`. */
export type DispatcherClientFactory = (
  options: HttpClientOptions,
  dispatcher: Dispatcher,
  owned: boolean,
) => HttpClient;

/** A client that picks its transport on first use and keeps it for the mailer's life. */
export function createDefaultClient(
  options: HttpClientOptions,
  onDispatcher: DispatcherClientFactory,
): HttpClient {
  let ready: HttpClient | undefined;
  let pending: Promise<HttpClient> | undefined;
  const resolve = () => {
    pending ??= loadUndiciAgent().then((Agent) => {
      ready = Agent
        ? onDispatcher(
            options,
            new Agent({
              keepAliveTimeout: 4_000,
              keepAliveMaxTimeout: 60_000,
              connections: 128,
              headersTimeout: options.timeoutMs,
              bodyTimeout: options.timeoutMs,
            }),
            true,
          )
        : createFetchClient(options);
      return ready;
    });
    return pending;
  };
  let closing: Promise<void> | undefined;
  return {
    send: (request, sendOptions) =>
      ready
        ? ready.send(request, sendOptions)
        : resolve().then((c) => c.send(request, sendOptions)),
    // Close what the first send would have made, so a send after close fails as it always did.
    close: () => {
      closing ??= resolve().then((client) => client.close());
      return closing;
    },
  };
}
