/**
 * Bound a step the caller supplies (today: building a request, which awaits the caller's
 * credentials function) by the call's signal and the mailer's timeout, so a promise that never
 * settles cannot hang `send`. Nothing has been sent while a request is being built: the
 * outcome is `not_sent` either way.
 */
import { MailError } from '../errors.js';
import { abortedError } from './sleep.js';

/** `value` itself when it is not a promise; else the first of it, the timeout, the abort. */
export function bounded<T>(
  value: T | Promise<T>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  what: string,
): T | Promise<T> {
  if (!(value instanceof Promise)) return value;
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      done();
      reject(abortedError(signal as AbortSignal, 'not_sent'));
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new MailError(`${what} did not finish within ${timeoutMs} ms; nothing was sent`, {
          code: 'timeout',
          retryable: false,
          delivery: 'not_sent',
        }),
      );
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    value.then(
      (result) => {
        done();
        resolve(result);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
