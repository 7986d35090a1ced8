/**
 * The `MailError` a call fails with, for tests that assert on its `code`, `issues`, `delivery`
 * or `attempts`. Any other error is rethrown and success is a failure, so a test written with
 * these cannot pass by accident. Our adapters' tests and the conformance suite use them too.
 */
import { isMailError, type MailError } from '../errors.js';

/**
 * The `MailError` that `fn` throws synchronously (a config check, a mapping).
 *
 * @example
 * ```ts
 * const error = thrownMailError(() => tencentSes({ region: 'nowhere' }));
 * expect(error.code).toBe('invalid_input');
 * ```
 */
export function thrownMailError(fn: () => unknown): MailError {
  try {
    fn();
  } catch (error) {
    if (isMailError(error)) return error;
    throw error;
  }
  throw new Error('expected a MailError, but nothing was thrown');
}

/**
 * The `MailError` that `call` (a promise, or a function returning one) rejects with.
 *
 * @example
 * ```ts
 * const error = await rejectedMailError(mailer.send(message));
 * expect(error).toMatchObject({ code: 'rate_limited', delivery: 'not_sent' });
 * ```
 */
export async function rejectedMailError(
  call: PromiseLike<unknown> | (() => unknown),
): Promise<MailError> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (error) {
    if (isMailError(error)) return error;
    throw error;
  }
  throw new Error('expected a MailError, but the call succeeded');
}
