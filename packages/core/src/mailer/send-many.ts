/**
 * Client-side fan-out: one settled result per input, in input order, with bounded concurrency.
 * Inputs are pulled lazily and results are handed out as they are ready, so neither all
 * messages nor all results are ever held: memory is bounded by the window, not the input.
 */
import { isMailError, MailError } from '../errors.js';
import { abortedError } from '../run/sleep.js';

/** One message's outcome, shaped like `Promise.allSettled` entries, with its input index. */
export type Settled<T> =
  | { readonly index: number; readonly status: 'fulfilled'; readonly value: T }
  | { readonly index: number; readonly status: 'rejected'; readonly reason: MailError };

/** A sync or async source of inputs. */
export type Source<I> = Iterable<I> | AsyncIterable<I>;

interface Slot<T> {
  result?: Settled<T>;
}

/**
 * Run `task` over `source` with at most `concurrency` tasks in flight and at most
 * `window` results waiting to be consumed, yielding results in input order. Once `signal`
 * aborts, no further input is pulled: the results of tasks already started are yielded, then
 * the iteration rejects with `aborted` (inputs without a result were never attempted).
 */
export async function* settleInOrder<I, T>(
  source: Source<I>,
  task: (input: I, index: number) => Promise<T>,
  concurrency: number,
  signal?: AbortSignal,
  window: number = concurrency * 4,
): AsyncGenerator<Settled<T>, void, undefined> {
  const iterator = toAsyncIterator(source);
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
    wake?.();
  };

  try {
    while (true) {
      while (!exhausted && !signal?.aborted && inFlight < concurrency && queue.length < window) {
        let step: IteratorResult<I>;
        try {
          step = await iterator.next();
        } catch (error) {
          sourceError = error;
          exhausted = true;
          break;
        }
        if (step.done) exhausted = true;
        else start(step.value, next++);
      }
      const head = queue[0];
      if (!head) break;
      if (head.result) {
        queue.shift();
        yield head.result;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
  if (sourceError !== undefined) throw sourceError;
  if (!exhausted && signal?.aborted) throw abortedError(signal);
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

function toAsyncIterator<I>(source: Source<I>): AsyncIterator<I> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const sync = source[Symbol.iterator]();
  return {
    next: async () => sync.next(),
    return: async () => sync.return?.() ?? { done: true, value: undefined },
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
