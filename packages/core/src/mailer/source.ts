/**
 * Caller-supplied sources (`sendMany` messages, `groups.addRecipients` recipients): a sync or
 * async iterable, checked before the first pull, with whatever the source throws reported as a
 * `MailError` that names the field and keeps the caller's error as `cause`. A pull that the
 * source does not answer ends when the call's signal aborts: a silent source cannot hold the
 * call past the caller's abort.
 */
import { isMailError, MailError } from '../errors.js';
import { abortedError, untilAborted } from '../run/sleep.js';

/** A sync or async source of inputs. */
export type Source<I> = Iterable<I> | AsyncIterable<I>;

/**
 * An async iterator over `source`; `invalid_input` naming `field` when it is not iterable. Once
 * `signal` aborts, a pull rejects with `aborted` (at once, even if the source never answers).
 */
export function iterateSource<I>(
  source: unknown,
  field: string,
  signal?: AbortSignal,
): AsyncIterator<I> {
  const value = source as Partial<Iterable<I> & AsyncIterable<I>> | null | undefined;
  if (typeof value?.[Symbol.asyncIterator] === 'function') {
    return guarded((value as AsyncIterable<I>)[Symbol.asyncIterator](), field, signal);
  }
  if (typeof value?.[Symbol.iterator] === 'function' && typeof source !== 'string') {
    const sync = (value as Iterable<I>)[Symbol.iterator]();
    return guarded(
      {
        next: async () => sync.next(),
        return: async () => sync.return?.() ?? { done: true, value: undefined },
      },
      field,
      signal,
    );
  }
  throw new MailError(`Invalid input: ${field}: expected an iterable or async iterable`, {
    code: 'invalid_input',
    issues: [{ path: [field], message: 'expected an iterable or async iterable' }],
  });
}

/** What `next()` must answer: an object (`{ done, value }`); anything else is the source's fault. */
function checkStep<I>(step: IteratorResult<I>): IteratorResult<I> {
  if (typeof step === 'object' && step !== null) return step;
  throw new TypeError(
    `next() answered ${step === null ? 'null' : typeof step}, not { done, value }`,
  );
}

/** The iterator with each failure of the source as a `MailError` naming the field. */
function guarded<I>(
  iterator: AsyncIterator<I>,
  field: string,
  signal: AbortSignal | undefined,
): AsyncIterator<I> {
  // A pull the source has not answered yet: closing must not wait behind it (an async
  // generator queues `return()` after a pending `next()`).
  let pending = false;
  const wrap = (error: unknown): never => {
    if (isMailError(error)) throw error;
    const name = error instanceof Error ? error.name : typeof error;
    throw new MailError(`Invalid input: ${field}: the source threw (${name})`, {
      code: 'invalid_input',
      issues: [{ path: [field], message: 'the source threw' }],
      cause: error,
    });
  };
  const pull = (): Promise<IteratorResult<I>> => {
    pending = true;
    const step = Promise.resolve()
      .then(() => iterator.next())
      .then(checkStep)
      .then(undefined, wrap)
      .finally(() => {
        pending = false;
      });
    return untilAborted(step, signal, () => abortedError(signal as AbortSignal));
  };
  return {
    next: pull,
    return: async () => {
      const done = { done: true, value: undefined } as const;
      if (pending) {
        // Ask once the pull settles, without waiting for it (it may never settle).
        Promise.resolve()
          .then(() => iterator.return?.())
          .then(undefined, () => {});
        return done;
      }
      try {
        return (await iterator.return?.()) ?? done;
      } catch {
        // Closing a source early is best effort: its own cleanup error is not the caller's result.
        return done;
      }
    },
  };
}
