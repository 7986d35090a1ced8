/**
 * Which transport this runtime can use. Node and Deno load the real `undici` package, whose
 * dispatcher owns the keep-alive pool and the per-request timeouts. Bun answers `import 'undici'`
 * with a built-in stand-in whose `Agent` has no `dispatch`, `request` or `close`
 * (https://bun.sh/docs/runtime/nodejs-apis lists undici among the partly implemented modules),
 * so there the client sends with the runtime's own `fetch`. Feature detection, not a runtime
 * name: a Bun that grows a working undici goes back to the undici path on its own.
 */
import { Agent } from 'undici';

/** Whether `undici`'s dispatcher works here (Node, Deno); false on Bun. */
export function undiciDispatches(): boolean {
  return typeof (Agent.prototype as { dispatch?: unknown }).dispatch === 'function';
}
