/** Listing over cursor pages, as an async iterator (one provider request per page). */
import { MailError } from '../errors.js';
import type { Operation, Page } from '../provider/provider.js';
import type { Outcome } from '../run/executor.js';

/** Runs one operation through the mailer's executor. */
export type Run = <T>(operation: Operation<T>, signal?: AbortSignal) => Promise<Outcome<T>>;

/**
 * Yield every item of every page, asking for the next page only when the caller reads past the
 * current one. A cursor that does not move would page forever, so it is an error instead.
 */
export async function* allPages<T>(
  provider: string,
  run: Run,
  page: (cursor: string | undefined) => Operation<Page<T>>,
  signal?: AbortSignal,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const operation = page(cursor);
    const { value } = await run(operation, signal);
    yield* value.items;
    if (value.next !== undefined && value.next === cursor) {
      throw new MailError(`${provider} returned the same page cursor twice`, {
        code: 'provider_unavailable',
        provider,
        action: operation.action,
        delivery: 'unknown',
      });
    }
    cursor = value.next;
  } while (cursor !== undefined);
}
