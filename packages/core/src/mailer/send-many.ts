/**
 * Client-side fan-out: one settled result per input, in input order, with bounded concurrency.
 * Inputs are pulled lazily and results are handed out as they are ready, so neither all
 * messages nor all results are ever held: memory is bounded by the window, not the input.
 */
import { isMailError, MailError } from '../errors.js';
import type { CallOptions } from '../provider/provider.js';
import { emit } from '../run/hooks.js';
import { abortedError } from '../run/sleep.js';
import { checkCallOptions } from './mailer-options.js';
import { iterateSource, type Source } from './source.js';

export type { Source };

/** One message's outcome, shaped like `Promise.allSettled` entries, with its input index. */
export type Settled<T> =
  | { readonly index: number; readonly status: 'fulfilled'; readonly value: T }
  | { readonly index: number; readonly status: 'rejected'; readonly reason: MailError };

interface Slot<T> {
  result?: Settled<T>;
}

/** How `settleInOrder` runs. */
export interface SettleOptions<T> {
  /** Most tasks in flight at once. */
  readonly concurrency: number;
  /** Stops pulling input once aborted. */
  readonly signal?: AbortSignal | undefined;
  /** Most results started but not yet consumed (default `concurrency * 4`). */
  readonly window?: number;
  /**
   * Called with every result as soon as it settles (completion order), consumed or not: after
   * an early `break`, the sends already in flight still report here.
   */
  readonly onSettled?: ((result: Settled<T>) => unknown) | undefined;
}

/**
 * Run `task` over `source` with at most `concurrency` tasks in flight and at most `window`
 * results waiting to be consumed, yielding results in input order. Once `signal` aborts, no
 * further input is pulled: the results of tasks already started are yielded, then the
 * iteration rejects with `aborted` (inputs without a result were never attempted). When the
 * consumer leaves early (`break`, `return`, a throw), no further input is pulled or started,
 * and the loop exits once the tasks already started have settled, each reported to
 * `onSettled`: none is left running behind the caller's back, none is lost. An input the
 * source was still producing when the consumer left is reported there too, as `aborted` and
 * `not_sent`, whenever the source hands it over.
 */
export async function* settleInOrder<I, T>(
  source: Source<I>,
  task: (input: I, index: number) => Promise<T>,
  options: SettleOptions<T>,
): AsyncGenerator<Settled<T>, void, undefined> {
  const { concurrency, signal, onSettled } = options;
  const window = options.window ?? concurrency * 4;
  const iterator = iterateSource<I>(source, 'messages', signal);
  const queue: Slot<T>[] = [];
  let inFlight = 0;
  let next = 0;
  let exhausted = false;
  let sourceError: unknown;
  let wake: (() => void) | undefined;

  const start = (input: I, index: number) => {
    const slot: Slot<T> = {};
    queue.push(slot);
    inFlight += 1;
    task(input, index).then(
      (value) => settle(slot, { index, status: 'fulfilled', value }),
      (error: unknown) => settle(slot, { index, status: 'rejected', reason: toMailError(error) }),
    );
  };
  const settle = (slot: Slot<T>, result: Settled<T>) => {
    slot.result = result;
    inFlight -= 1;
    emit(onSettled, result);
    wake?.();
  };
  const idle = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    }).then(() => {
      wake = undefined;
    });
  // One pull at a time, never awaited by the loop: a settled result is yielded while the source
  // is still thinking (a source that waits for its consumer would otherwise never be asked again).
  let pulling = false;
  // Set once the loop is left: an input that arrives after it is not started.
  let closed = false;
  const pull = () => {
    pulling = true;
    iterator
      .next()
      .then(
        (step) => {
          if (closed) {
            // Handed over by the source after the consumer left: reported, never started.
            if (!step.done)
              emit(onSettled, { index: next++, status: 'rejected', reason: unstarted() });
            return;
          }
          if (step.done) exhausted = true;
          else start(step.value, next++);
        },
        (error: unknown) => {
          // Aborted while the source was silent: like an abort between pulls (below).
          if (!(signal?.aborted && isMailError(error) && error.code === 'aborted')) {
            sourceError = error;
            exhausted = true;
          }
        },
      )
      .finally(() => {
        pulling = false;
        wake?.();
      });
  };

  try {
    while (true) {
      const open =
        !exhausted && !signal?.aborted && inFlight < concurrency && queue.length < window;
      if (open && !pulling) pull();
      const head = queue[0];
      if (head?.result) {
        queue.shift();
        yield head.result;
        continue;
      }
      if (!head && !pulling && !open) break;
      await idle();
    }
  } finally {
    closed = true;
    // Not waiting for a pull still pending: the source may never answer it (source.ts).
    if (!exhausted) await iterator.return?.();
    // Left early: let what is in flight finish (and report through onSettled) before returning.
    while (inFlight > 0) await idle();
  }
  if (sourceError !== undefined) throw sourceError;
  if (!exhausted && signal?.aborted) throw abortedError(signal);
}

/** The result of an input the source handed over after the consumer stopped reading. */
function unstarted(): MailError {
  return new MailError(
    'Not sent: sendMany was left (break, return or throw) before this message was started',
    { code: 'aborted', delivery: 'not_sent', retryable: false },
  );
}

/**
 * Collect every settled result into an array (for small inputs; large ones should stream).
 *
 * @example
 * ```ts
 * const results = await collect(mailer.sendMany(messages));
 * const failed = results.filter((r) => r.status === 'rejected');
 * ```
 */
export async function collect<T>(results: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const result of results) out.push(result);
  return out;
}

/**
 * A mailer's `sendMany` over its single `send`: the call's options checked, then
 * `settleInOrder`. One definition for the provider mailer and the composite one
 * (failover/mailer.ts).
 */
export function sendManyOver<I, T>(
  send: (input: I, call?: CallOptions) => Promise<T>,
  defaultConcurrency: number,
): (
  messages: Source<I>,
  call?: CallOptions & {
    readonly concurrency?: number;
    readonly onSettled?: (result: Settled<T>) => unknown;
  },
) => AsyncGenerator<Settled<T>, void, undefined> {
  return (messages, call) => {
    checkCallOptions(call);
    const signal = call?.signal;
    return settleInOrder(messages, (message) => send(message, signal ? { signal } : undefined), {
      concurrency: call?.concurrency ?? defaultConcurrency,
      signal,
      onSettled: call?.onSettled,
    });
  };
}

function toMailError(error: unknown): MailError {
  if (isMailError(error)) return error;
  return new MailError('send failed unexpectedly', {
    code: 'unknown',
    delivery: 'unknown',
    cause: error,
  });
}
