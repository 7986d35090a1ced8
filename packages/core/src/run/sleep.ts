import { MailError } from '../errors.js';

/** The longest delay a timer holds: Node fires a longer one after 1 ms (and warns). */
const LONGEST_TIMER = 2 ** 31 - 1;

/** Wait `ms`, rejecting with an `aborted` MailError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortedError(signal));
  if (ms <= 0) return Promise.resolve();
  if (ms > LONGEST_TIMER) {
    return sleep(LONGEST_TIMER, signal).then(() => sleep(ms - LONGEST_TIMER, signal));
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error for a caller's abort; the reason's message is kept, the reason as cause. */
export function abortedError(signal: AbortSignal, delivery: 'not_sent' | 'unknown' = 'not_sent') {
  return new MailError('The operation was aborted', {
    code: 'aborted',
    delivery,
    cause: signal.reason,
  });
}

/**
 * `step`, or a rejection with `error()` as soon as `signal` aborts (at once if it already has),
 * for a step the caller supplies that may never settle (a source's pull, a scheduler's store).
 * What `step` does afterwards is ignored.
 */
export function untilAborted<T>(
  step: Promise<T>,
  signal: AbortSignal | undefined,
  error: () => MailError,
): Promise<T> {
  if (signal === undefined) return step;
  if (signal.aborted) {
    step.then(undefined, () => {});
    return Promise.reject(error());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(error());
    signal.addEventListener('abort', onAbort, { once: true });
    step.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (reason: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(reason);
      },
    );
  });
}
