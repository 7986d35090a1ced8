/**
 * Whether undici can be this runtime's transport. Node and Deno load the real `undici` package,
 * whose dispatcher owns the keep-alive pool and the per-request timeouts. Two places cannot:
 * Bun answers `import 'undici'` with a built-in stand-in whose `Agent` has no `dispatch` or
 * `close` (https://bun.sh/docs/runtime/nodejs-apis lists undici as partly implemented), and an
 * ESM bundle (esbuild `--format=esm`) cannot run undici's CommonJS `require('node:assert')`
 * ("Dynamic require ... is not supported", https://github.com/evanw/esbuild/issues/1921). So
 * undici is loaded on first use, by feature and not by runtime name, and fetch sends when it
 * cannot (./default-client.ts).
 */
import type { Agent, Dispatcher } from 'undici';
import { invalidInput } from '../errors.js';

let loading: Promise<typeof Agent | undefined> | undefined;

/** undici's `Agent` when it loads and dispatches here; `undefined` on Bun and in ESM bundles. */
export function loadUndiciAgent(): Promise<typeof Agent | undefined> {
  loading ??= import('undici').then(
    (module) => {
      // CJS interop: the named export, or the same object on `default` (Node's CJS loader).
      const agent =
        module.Agent ?? (module as { default?: { Agent?: typeof Agent } }).default?.Agent;
      return typeof agent?.prototype.dispatch === 'function' ? agent : undefined;
    },
    () => undefined,
  );
  return loading;
}

/**
 * Refuse a dispatcher that cannot dispatch (an `Agent` made from Bun's stand-in) before any
 * request: it would otherwise fail on every send with a message about `undefined`.
 */
export function assertDispatcher(dispatcher: Dispatcher): void {
  if (typeof dispatcher.dispatch === 'function') return;
  throw invalidInput([
    {
      path: ['dispatcher'],
      message:
        "it has no dispatch(), so it is not a working undici dispatcher (Bun's undici module cannot make one): leave dispatcher unset and the mailer sends with fetch",
    },
  ]);
}
