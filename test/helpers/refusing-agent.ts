/**
 * An undici Agent that sends the next N requests to a port where nothing listens, so they fail
 * with a genuine ECONNREFUSED before any byte is written; later requests go through unchanged.
 * This is how tests inject "connection refused" in front of a live emulator.
 */
import { createServer } from 'node:net';
import { Agent, type Dispatcher } from 'undici';

/** A loopback origin with no listener (a port that was bound, then released). */
export async function deadOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * Whether undici's dispatcher works on this runtime: on Node and Deno it does; Bun's built-in
 * `undici` stand-in has an `Agent` without `dispatch`, so no agent can be injected there.
 */
export const undiciDispatches =
  typeof (Agent.prototype as { dispatch?: unknown }).dispatch === 'function';

export class RefusingAgent extends Agent {
  private refuse = 0;
  /** Requests dispatched, refused ones included. */
  dispatched = 0;

  constructor(private readonly dead: string) {
    super();
  }

  /** Refuse the next `count` requests. */
  refuseNext(count = 1): void {
    this.refuse += count;
  }

  override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    this.dispatched += 1;
    if (this.refuse > 0) {
      this.refuse -= 1;
      return super.dispatch({ ...options, origin: this.dead }, handler);
    }
    return super.dispatch(options, handler);
  }
}
