/**
 * Assertions over a testing provider's outbox, the ones Laravel's `Mail::fake` and Upyo's mock
 * transport offer: what was sent to whom, how many, nothing sent, and waiting for a message that
 * a background job sends. Each failure throws an `Error` that lists what was sent instead, so a
 * test runner's output says what happened.
 */
import type { Provider } from '../provider/provider.js';
import type { TestingOutboxEntry, TestingProvider } from './testing.js';

/** Which outbox entries a check is about: fields to match, or a predicate. */
export type SentFilter =
  | {
      /** A recipient among to, cc and bcc (case-insensitive). */
      readonly to?: string;
      readonly from?: string;
      /** The exact subject, or a pattern it must match. */
      readonly subject?: string | RegExp;
      /** The provider action (`send`, `sendBatch`). */
      readonly action?: string;
    }
  | ((entry: TestingOutboxEntry) => boolean);

function outboxOf(provider: Provider | TestingProvider): readonly TestingOutboxEntry[] {
  const outbox = (provider as Partial<TestingProvider>).outbox;
  if (!Array.isArray(outbox)) {
    throw new TypeError(
      `expected a testing provider (createTestingProvider() or testing://), got provider '${provider.id}'`,
    );
  }
  return outbox;
}

function matches(entry: TestingOutboxEntry, filter: SentFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'function') return filter(entry);
  const { to, from, subject, action } = filter;
  if (to !== undefined && !entry.to.some((a) => a.toLowerCase() === to.toLowerCase())) return false;
  if (from !== undefined && !entry.from.toLowerCase().includes(from.toLowerCase())) return false;
  if (action !== undefined && entry.action !== action) return false;
  if (typeof subject === 'string') return entry.subject === subject;
  return subject === undefined || subject.test(entry.subject);
}

function describeFilter(filter: SentFilter | undefined): string {
  if (filter === undefined) return 'any message';
  if (typeof filter === 'function') return 'a message matching the predicate';
  return `a message with ${Object.entries(filter)
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ')}`;
}

function describeOutbox(outbox: readonly TestingOutboxEntry[]): string {
  if (outbox.length === 0) return 'nothing was sent';
  const shown = outbox
    .slice(0, 10)
    .map((e) => `  - ${e.action} to ${e.to.join(', ')}: ${JSON.stringify(e.subject)}`);
  const more = outbox.length > 10 ? [`  (and ${outbox.length - 10} more)`] : [];
  return `sent (${outbox.length}):\n${[...shown, ...more].join('\n')}`;
}

/** The outbox entries that match `filter` (all of them without one), oldest first. */
export function sentMessages(
  provider: Provider | TestingProvider,
  filter?: SentFilter,
): TestingOutboxEntry[] {
  return outboxOf(provider).filter((entry) => matches(entry, filter));
}

/**
 * Assert that a message matching `filter` was sent (`times` exactly, when given); returns the
 * matching entries.
 *
 * @example
 * ```ts
 * assertSent(provider, { to: 'ann@example.com', subject: /welcome/i });
 * assertSent(provider, { to: 'ann@example.com' }, { times: 1 });
 * ```
 */
export function assertSent(
  provider: Provider | TestingProvider,
  filter?: SentFilter,
  options: { readonly times?: number } = {},
): TestingOutboxEntry[] {
  const found = sentMessages(provider, filter);
  const { times } = options;
  if (times === undefined ? found.length === 0 : found.length !== times) {
    const wanted = times === undefined ? 'at least once' : `${times} time(s)`;
    throw new Error(
      `expected ${describeFilter(filter)} to be sent ${wanted}, found ${found.length}; ${describeOutbox(outboxOf(provider))}`,
    );
  }
  return found;
}

/** Assert that no message matching `filter` was sent. */
export function assertNotSent(provider: Provider | TestingProvider, filter: SentFilter): void {
  const found = sentMessages(provider, filter);
  if (found.length > 0) {
    throw new Error(
      `expected ${describeFilter(filter)} not to be sent, found ${found.length}; ${describeOutbox(found)}`,
    );
  }
}

/** Assert that nothing at all was sent. */
export function assertNothingSent(provider: Provider | TestingProvider): void {
  const outbox = outboxOf(provider);
  if (outbox.length > 0) throw new Error(`expected nothing to be sent; ${describeOutbox(outbox)}`);
}

/** Assert how many messages were sent in all (a batch counts once per recipient). */
export function assertSentCount(provider: Provider | TestingProvider, count: number): void {
  const outbox = outboxOf(provider);
  if (outbox.length !== count) {
    throw new Error(
      `expected ${count} message(s) sent, found ${outbox.length}; ${describeOutbox(outbox)}`,
    );
  }
}

/** Options of `waitForMessage`. */
export interface WaitOptions {
  /** Give up after this many ms (default 5,000). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Wait until a message matching `filter` has been sent (code under test sends in the
 * background), then return it; rejects after `timeoutMs` saying what was sent instead.
 *
 * @example
 * ```ts
 * void signUp('ann@example.com'); // sends from a queue
 * const mail = await waitForMessage(provider, { to: 'ann@example.com' }, { timeoutMs: 2_000 });
 * ```
 */
export async function waitForMessage(
  provider: Provider | TestingProvider,
  filter?: SentFilter,
  options: WaitOptions = {},
): Promise<TestingOutboxEntry> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const until = Date.now() + timeoutMs;
  // The outbox is a plain array the provider appends to: a short poll, bounded by the timeout.
  for (;;) {
    const found = sentMessages(provider, filter)[0];
    if (found !== undefined) return found;
    options.signal?.throwIfAborted();
    if (Date.now() >= until) {
      throw new Error(
        `expected ${describeFilter(filter)} to be sent within ${timeoutMs} ms; ${describeOutbox(outboxOf(provider))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
