import { isMailError, type MailError } from '@mailbridge/core';

/** The MailError a promise rejects with; anything else (or fulfilment) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<MailError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isMailError(error)) throw new Error(`expected a MailError, got ${String(error)}`);
  return error;
}

/** The MailError a call throws; anything else (or a return) fails the test. */
export function thrown(fn: () => unknown): MailError {
  try {
    fn();
  } catch (error) {
    if (isMailError(error)) return error;
    throw error;
  }
  throw new Error('expected a MailError');
}
