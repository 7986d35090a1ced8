/**
 * Reconciling a send whose outcome is unknown (a `MailError` with `delivery: 'unknown'`, or a
 * scheduler job left in state `unknown`): ask the provider's status query whether the request
 * was processed, so the caller can decide to resend without sending twice.
 */
import { invalidInput } from '../errors.js';
import { parseAddress } from '../message/address.js';
import { expandAddressList } from '../message/address-list.js';
import { RETENTION_MS, type RecipientStatus, type StatusQuery } from './status.js';

/** The least a caller knows about a send it is unsure of. */
export interface UnknownSend {
  /**
   * The provider id it was sent through, or a composite's member name (an error's, a result's or
   * a job's `provider` or `member`). The status query checks it (`StatusQuery.provider`): a
   * composite asks only the members it names, and one it does not have is `invalid_input`.
   */
  readonly provider?: string;
  /**
   * The recipient(s) of the send, as the message gave them (`'a@x.com, b@y.com'`, `<a@x.com>`,
   * an array); the first one is looked up (one request, one outcome).
   */
  readonly to: string | readonly string[];
  /** The subject, matched where the provider reports it (DirectMail). */
  readonly subject?: string;
  /** When the send was attempted. */
  readonly at: Date | number;
  /** The provider message id, when one is known (Tencent can then look it up directly). */
  readonly messageId?: string;
}

/**
 * - `sent`: the provider processed the request (resending would send it twice);
 * - `not_sent`: the provider has no accepted trace of it after `settleMs`, or refused it (a
 *   refusal counts at once only when its row carries the send's `messageId`);
 * - `not_found_yet`: no trace yet, but status data may still be on its way: ask again later.
 */
export type ReconcileOutcome = 'sent' | 'not_found_yet' | 'not_sent';

/** The answer, with the status rows it was read from. */
export interface Reconciliation {
  readonly outcome: ReconcileOutcome;
  readonly statuses: readonly RecipientStatus[];
}

/** Options of `reconcile`. */
export interface ReconcileOptions {
  /** How long after `at` a missing record still means "not yet" (default 30 min). */
  readonly settleMs?: number;
  /** Allowed difference between `at` and the provider's clock (default 5 min). */
  readonly skewMs?: number;
  readonly now?: () => number;
  readonly signal?: AbortSignal;
}

/** What `reconcile` needs of a mailer. */
export interface StatusSource {
  status(
    query: StatusQuery,
    options?: { readonly signal?: AbortSignal },
  ): Promise<RecipientStatus[]>;
}

/**
 * Find out whether a send of unknown outcome was processed.
 *
 * @example
 * ```ts
 * const at = new Date();
 * try {
 *   await mailer.send(message);
 * } catch (error) {
 *   if (isMailError(error) && error.delivery === 'unknown') {
 *     const { outcome } = await reconcile(mailer, { to: 'ann@example.com', subject: message.subject, at });
 *     if (outcome === 'not_sent') await mailer.send(message);
 *   }
 * }
 * ```
 */
export async function reconcile(
  mailer: StatusSource,
  send: UnknownSend,
  options: ReconcileOptions = {},
): Promise<Reconciliation> {
  const { recipient, at } = checkSend(send);
  const now = (options.now ?? Date.now)();
  const skew = options.skewMs ?? 5 * 60 * 1000;
  const settle = options.settleMs ?? 30 * 60 * 1000;
  // Rows this send could match may lie up to `skew` before it; past the providers' 30 days they
  // are gone, and an answer without them could be a false `not_sent`.
  if (at - skew < now - RETENTION_MS) {
    throw invalidInput([
      {
        path: ['at'],
        message: `providers keep status for 30 days only: a send from ${new Date(at).toISOString()} (less the ${skew} ms clock allowance) can no longer be checked`,
      },
    ]);
  }
  const since = new Date(at - skew);
  const until = new Date(Math.max(now, since.getTime()));
  const query: StatusQuery = {
    recipient,
    since,
    until,
    ...(send.messageId === undefined ? {} : { messageId: send.messageId }),
    ...(send.provider === undefined ? {} : { provider: send.provider }),
  };
  const rows = await mailer.status(query, options.signal ? { signal: options.signal } : {});
  const statuses = rows.filter((row) => matches(row, recipient, send.subject, at, skew));
  if (statuses.some((row) => row.accepted)) return { outcome: 'sent', statuses };
  // A refusal proves this send was not sent only when it carries this send's message id: matched
  // by recipient and time alone it may be an earlier send's, with this one's row still to come.
  const own = send.messageId !== undefined && statuses.some((r) => r.messageId === send.messageId);
  if (own) return { outcome: 'not_sent', statuses };
  return { outcome: now - at < settle ? 'not_found_yet' : 'not_sent', statuses };
}

/** The row is this send: same recipient, same subject where known, sent within the skew of `at`. */
function matches(
  row: RecipientStatus,
  to: string,
  subject: string | undefined,
  at: number,
  skew: number,
) {
  if (row.recipient.toLowerCase() !== to.toLowerCase()) return false;
  if (subject !== undefined && row.subject !== undefined && row.subject !== subject) return false;
  if (row.sentAt !== undefined) return Math.abs(row.sentAt.getTime() - at) <= skew;
  return row.updatedAt === undefined || row.updatedAt.getTime() >= at - skew;
}

function checkSend(send: UnknownSend): { recipient: string; at: number } {
  const issues: { path: string[]; message: string }[] = [];
  // Read like a message's recipients: the status rows carry the bare address, so a list or
  // `<a@x.com>` left whole would match nothing and, once settled, read as `not_sent`.
  const list = expandAddressList(send?.to);
  const first = typeof list === 'string' ? list : Array.isArray(list) ? list[0] : undefined;
  const address = typeof first === 'string' ? parseAddress(first)?.address : undefined;
  if (address === undefined) {
    issues.push({ path: ['to'], message: 'a recipient address is required' });
  }
  const at = send?.at instanceof Date ? send.at.getTime() : send?.at;
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    issues.push({ path: ['at'], message: 'a Date or ms since epoch is required' });
  }
  if (issues.length > 0) throw invalidInput(issues);
  return { recipient: address as string, at: at as number };
}
