/**
 * Suppression: addresses that must not be mailed again (a hard bounce, a complaint, an
 * unsubscribe). A store is optional; with one, `send` refuses a suppressed recipient before any
 * request, and `suppressFromEvent` fills the store from the receiver's events.
 */
import { MailError } from '../errors.js';
import type { Message } from '../message/message.js';
import { abortedError } from '../run/sleep.js';
import type { MailEvent } from './event.js';

/** Why an address is suppressed. */
export type SuppressionReason = 'hard_bounce' | 'complaint' | 'unsubscribe' | 'manual';

/** Where suppressed addresses live (memory, a database, the provider's own list). */
export interface SuppressionStore {
  /** The ones among `addresses` that are suppressed (compared case-insensitively). */
  suppressed(addresses: readonly string[]): readonly string[] | Promise<readonly string[]>;
  add(address: string, reason: SuppressionReason): unknown;
  remove(address: string): unknown;
}

/** An in-memory store, with a listing for inspection. */
export interface MemorySuppression extends SuppressionStore {
  list(): readonly { readonly address: string; readonly reason: SuppressionReason }[];
}

/**
 * A suppression store in this process's memory (lost on restart: persist `list()` or use a store
 * of your own for more).
 *
 * @example
 * ```ts
 * const suppression = memorySuppression();
 * const mailer = createMailer(tencentSes({ region: 'ap-guangzhou' }), { suppression });
 * createEventReceiver({ token, parse: parseEvents, onEvent: (e) => suppressFromEvent(suppression, e) });
 * ```
 */
export function memorySuppression(initial: Iterable<string> = []): MemorySuppression {
  const entries = new Map<string, SuppressionReason>();
  for (const address of initial) entries.set(address.toLowerCase(), 'manual');
  return {
    suppressed: (addresses) => addresses.filter((a) => entries.has(a.toLowerCase())),
    add(address, reason) {
      entries.set(address.toLowerCase(), reason);
    },
    remove(address) {
      entries.delete(address.toLowerCase());
    },
    list: () => [...entries].map(([address, reason]) => ({ address, reason })),
  };
}

/** Which events suppress their recipient, and why (a soft bounce does not). */
export function suppressionReason(event: MailEvent): SuppressionReason | undefined {
  if (event.kind === 'bounced' && event.bounce === 'hard') return 'hard_bounce';
  if (event.kind === 'complained') return 'complaint';
  if (event.kind === 'unsubscribed') return 'unsubscribe';
  return undefined;
}

/** Add the event's recipient to `store` when the event calls for it; true when it did. */
export async function suppressFromEvent(
  store: SuppressionStore,
  event: MailEvent,
): Promise<boolean> {
  const reason = suppressionReason(event);
  if (reason === undefined || event.recipient === undefined) return false;
  await store.add(event.recipient, reason);
  return true;
}

/** A store that does not answer within this long fails the send (nothing is sent). */
const STORE_TIMEOUT_MS = 10_000;

/**
 * Refuse the message when a recipient is suppressed: `invalid_recipient`, `not_sent`, naming
 * the field of each suppressed address. A store that throws or hangs also fails the send,
 * as `not_sent`: nothing is sent without the check. The call's `signal` ends the wait at once
 * (`aborted`, `not_sent`).
 */
export async function assertNotSuppressed(
  store: SuppressionStore,
  message: Message,
  provider: string,
  signal?: AbortSignal,
): Promise<void> {
  const fields = (['to', 'cc', 'bcc'] as const).flatMap((field) =>
    (message[field] ?? []).map((a, i) => ({ path: [field, i], address: a.address })),
  );
  const hits = new Set(
    (
      await askStore(
        store,
        fields.map((f) => f.address),
        provider,
        signal,
      )
    ).map((a) => a.toLowerCase()),
  );
  const issues = fields
    .filter((f) => hits.has(f.address.toLowerCase()))
    .map((f) => ({ path: f.path, message: `${f.address} is suppressed` }));
  if (issues.length === 0) return;
  throw new MailError(`Suppressed recipient: ${issues.map((i) => i.message).join('; ')}`, {
    code: 'invalid_recipient',
    retryable: false,
    delivery: 'not_sent',
    provider,
    issues,
  });
}

/** The errors of a store that failed (or hung): see `isSuppressionFailure`. */
const storeFailures = new WeakSet<MailError>();

/**
 * True for the error of a suppression store that failed or hung. It says nothing about the
 * provider or account the message was meant for: a failover ends the call on it (another member
 * would ask the same store) and it never counts towards a member's circuit breaker.
 */
export function isSuppressionFailure(error: MailError): boolean {
  return storeFailures.has(error);
}

async function askStore(
  store: SuppressionStore,
  addresses: string[],
  provider: string,
  signal: AbortSignal | undefined,
) {
  if (signal?.aborted) throw abortedError(signal).with({ provider });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  let aborted: MailError | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${STORE_TIMEOUT_MS} ms`)),
      STORE_TIMEOUT_MS,
    );
    onAbort = () => {
      aborted = abortedError(signal as AbortSignal).with({ provider });
      reject(aborted);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const found = await Promise.race([
      Promise.resolve().then(() => store.suppressed(addresses)),
      timeout,
    ]);
    if (!Array.isArray(found))
      throw new TypeError('suppressed() must return an array of addresses');
    return found.filter((a): a is string => typeof a === 'string');
  } catch (error) {
    // Only the caller's abort passes as it is. A store's own MailError (a provider list such as
    // `providerSuppression` timing out) speaks of its list request, not of this send: nothing
    // was sent, so it is wrapped like any other store failure.
    if (error === aborted) throw error;
    const failed = new MailError('The suppression store failed; nothing was sent', {
      code: 'unknown',
      retryable: true,
      delivery: 'not_sent',
      provider,
      cause: error,
    });
    storeFailures.add(failed);
    throw failed;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
