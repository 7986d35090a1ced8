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
