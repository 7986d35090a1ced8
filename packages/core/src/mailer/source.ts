/**
 * Caller-supplied sources (`sendMany` messages, `groups.addRecipients` recipients): a sync or
 * async iterable, checked before the first pull, with whatever the source throws reported as a
 * `MailError` that names the field and keeps the caller's error as `cause`.
 */
import { isMailError, MailError } from '../errors.js';

/** A sync or async source of inputs. */
export type Source<I> = Iterable<I> | AsyncIterable<I>;

/** An async iterator over `source`; `invalid_input` naming `field` when it is not iterable. */
export function iterateSource<I>(source: unknown, field: string): AsyncIterator<I> {
  const value = source as Partial<Iterable<I> & AsyncIterable<I>> | null | undefined;
  if (typeof value?.[Symbol.asyncIterator] === 'function') {
    return guarded((value as AsyncIterable<I>)[Symbol.asyncIterator](), field);
  }
  if (typeof value?.[Symbol.iterator] === 'function' && typeof source !== 'string') {
    const sync = (value as Iterable<I>)[Symbol.iterator]();
    return guarded(
      {
        next: async () => sync.next(),
        return: async () => sync.return?.() ?? { done: true, value: undefined },
      },
      field,
    );
  }
  throw new MailError(`Invalid input: ${field}: expected an iterable or async iterable`, {
    code: 'invalid_input',
    issues: [{ path: [field], message: 'expected an iterable or async iterable' }],
  });
}

/** The iterator with each failure of the source as a `MailError` naming the field. */
function guarded<I>(iterator: AsyncIterator<I>, field: string): AsyncIterator<I> {
  const wrap = (error: unknown): never => {
    if (isMailError(error)) throw error;
    const name = error instanceof Error ? error.name : typeof error;
    throw new MailError(`Invalid input: ${field}: the source threw (${name})`, {
      code: 'invalid_input',
      issues: [{ path: [field], message: 'the source threw' }],
      cause: error,
    });
  };
  return {
    next: () =>
      Promise.resolve()
        .then(() => iterator.next())
        .then(undefined, wrap),
    return: async () => {
      try {
        return (await iterator.return?.()) ?? { done: true, value: undefined };
      } catch {
        // Closing a source early is best effort: its own cleanup error is not the caller's result.
        return { done: true, value: undefined };
      }
    },
  };
}
