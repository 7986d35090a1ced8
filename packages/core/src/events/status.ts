/**
 * `mailer.status(query)`: per-recipient delivery status, asked of the provider (Tencent
 * GetSendEmailStatus, DirectMail SenderStatisticsDetailByParam: docs/providers/events.md §4), in
 * the neutral event kinds. Adapters implement the optional `Provider.status` as one page per
 * operation; this file validates the query and pages.
 */
import { invalidInput, MailError, unsupported } from '../errors.js';
import type { Operation, Page, Provider } from '../provider/provider.js';
import { allPages, type Run } from '../resources/pages.js';
import type { BounceType, MailEventKind } from './event.js';

/** What to ask about: a message, a recipient, a time window (each optional). */
export interface StatusQuery {
  /** The id a send returned. DirectMail's status rows carry none: there, give `recipient`. */
  readonly messageId?: string;
  readonly recipient?: string;
  /** Sent at or after (default: 24 h before `until`). Both providers keep 30 days. */
  readonly since?: Date;
  /** Sent at or before (default: now). */
  readonly until?: Date;
  /**
   * The provider id the send went through, or a composite's member name (as an error, a result
   * or a scheduler job names it). A single-provider mailer refuses another provider's id; a
   * composite asks only the members it names (packages/core/src/failover/status.ts).
   */
  readonly provider?: string;
}

/** A query with its window settled, as adapters receive it. */
export interface ResolvedStatusQuery {
  readonly messageId?: string;
  readonly recipient?: string;
  readonly since: Date;
  readonly until: Date;
  /** When the query is made (the mailer's clock), for providers' "at most 30 days ago" rules. */
  readonly now: Date;
}

/** The delivery status of one recipient of one message. */
export interface RecipientStatus {
  readonly provider: string;
  readonly recipient: string;
  /** Present where the provider reports it (Tencent). */
  readonly messageId?: string;
  /** The latest delivery state, in the neutral event kinds. */
  readonly kind: MailEventKind;
  readonly bounce?: BounceType;
  /** Whether the provider accepted the request (false: it refused it, nothing went out). */
  readonly accepted: boolean;
  /** The provider's status verbatim (`SendStatus=0 DeliverStatus=1`, `0`). */
  readonly providerStatus: string;
  readonly reason?: string;
  readonly subject?: string;
  readonly from?: string;
  /** When the provider received the send. */
  readonly sentAt?: Date;
  /** When the status last changed (delivery attempt, bounce). */
  readonly updatedAt?: Date;
  readonly opened?: boolean;
  readonly clicked?: boolean;
  readonly unsubscribed?: boolean;
  readonly complained?: boolean;
}

/** The status operation an adapter may implement: one page per call, `cursor` from the last. */
export type ProviderStatus = (
  query: ResolvedStatusQuery,
  cursor: string | undefined,
) => Operation<Page<RecipientStatus>>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Both providers keep status for 30 days (docs/providers/events.md §4). */
export const RETENTION_MS = 30 * DAY_MS;
/**
 * A window of 30 days at 100 rows a page stays far below this; it only bounds a provider bug (a
 * cursor that does not move is stopped sooner, by `allPages`).
 */
const MAX_PAGES = 10_000;

/** Every status row for the query, across pages. */
export async function queryStatus(
  provider: Provider,
  run: Run,
  query: StatusQuery,
  now: number,
  signal?: AbortSignal,
): Promise<RecipientStatus[]> {
  const status = provider.status;
  if (status === undefined) {
    throw unsupported(provider.id, 'status', 'the adapter has no delivery-status query');
  }
  const resolved = resolveStatusQuery(query, now, provider.id);
  let pages = 0;
  const page = (cursor: string | undefined) => {
    if (++pages > MAX_PAGES) {
      throw new MailError(`${provider.id} status answered more than ${MAX_PAGES} pages`, {
        code: 'provider_unavailable',
        provider: provider.id,
        delivery: 'unknown',
      });
    }
    return status(resolved, cursor);
  };
  const rows: RecipientStatus[] = [];
  for await (const row of allPages(provider.id, run, page, signal)) {
    if (inWindow(row, resolved)) rows.push(row);
  }
  return rows;
}

/** Both providers give their times in whole seconds: a row of second `s` was made in [s, s+1). */
const SECOND_MS = 1000;

/**
 * Whether a row may have been sent within the query's window. The providers answer whole days
 * (Tencent) or a window widened for its unknown zone (DirectMail), so rows are kept here by their
 * own times: the send time when the row has one; else a last change before `since` means it was
 * sent before it too. A `messageId` query is about that message, whatever the window.
 */
function inWindow(row: RecipientStatus, query: ResolvedStatusQuery): boolean {
  if (query.messageId !== undefined) return true;
  const since = query.since.getTime() - SECOND_MS;
  if (row.sentAt !== undefined) {
    return row.sentAt.getTime() > since && row.sentAt <= query.until;
  }
  return row.updatedAt === undefined || row.updatedAt.getTime() > since;
}

/** Every query key: a key added to `StatusQuery` and not here fails to compile. */
const QUERY_KEYS: readonly string[] = Object.keys({
  messageId: true,
  recipient: true,
  since: true,
  until: true,
  provider: true,
} satisfies Record<keyof StatusQuery, true>);

/**
 * Check the query and settle its window; a bad one is `invalid_input` before any request, as is
 * a `provider` other than `answering`, the id of the provider asked (its rows could not be the
 * send's, and silence read as `not_sent` could have the caller send twice).
 */
export function resolveStatusQuery(
  query: StatusQuery,
  now: number,
  answering: string,
): ResolvedStatusQuery {
  const issues: { path: string[]; message: string }[] = [];
  const q = (typeof query === 'object' && query !== null ? query : {}) as StatusQuery;
  if (typeof query !== 'object' || query === null)
    issues.push({ path: [], message: 'expected an object' });
  // A misspelt key (`recipeint`) would otherwise widen the query to every recipient.
  for (const key of Object.keys(q)) {
    if (!QUERY_KEYS.includes(key)) issues.push({ path: [key], message: 'unknown key' });
  }
  for (const name of ['messageId', 'recipient', 'provider'] as const) {
    const v = q[name];
    if (v !== undefined && (typeof v !== 'string' || v.trim() === '')) {
      issues.push({ path: [name], message: 'must be a non-empty string' });
    }
  }
  if (typeof q.provider === 'string' && q.provider.trim() !== '' && q.provider !== answering) {
    issues.push({
      path: ['provider'],
      message: `sent through ${q.provider}, asked of ${answering}`,
    });
  }
  for (const name of ['since', 'until'] as const) {
    const v = q[name];
    if (v !== undefined && !(v instanceof Date && !Number.isNaN(v.getTime()))) {
      issues.push({ path: [name], message: 'must be a valid Date' });
    }
  }
  if (issues.length > 0) throw invalidInput(issues);
  const until = q.until ?? new Date(now);
  const since = q.since ?? new Date(until.getTime() - DAY_MS);
  if (since > until) throw invalidInput([{ path: ['since'], message: 'must not be after until' }]);
  if (since.getTime() < now - RETENTION_MS) {
    throw invalidInput([{ path: ['since'], message: 'providers keep status for 30 days only' }]);
  }
  return {
    ...(q.messageId === undefined ? {} : { messageId: q.messageId }),
    ...(q.recipient === undefined ? {} : { recipient: q.recipient }),
    since,
    until,
    now: new Date(now),
  };
}
