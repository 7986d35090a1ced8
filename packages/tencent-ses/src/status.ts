/**
 * Delivery status through GetSendEmailStatus (docs/providers/events.md §4): one calendar day per
 * query, by message id or recipient, statuses mapped to neutral values with the provider codes
 * kept. `RequestDate` is taken as a UTC+8 day (see time.ts: an assumption).
 */
import type { MailEventKind, Page, RecipientStatus } from '@mailbridge/core';
import type { ResolvedStatusQuery } from '@mailbridge/core/provider';
import { invalidInput, type Operation } from '@mailbridge/core/provider';
import type { ActionOutput } from './actions.js';
import { mappedOperation, type RequestContext, type TencentSesClient } from './client.js';
import { PROVIDER_ID } from './config.js';
import { formatChinaDate } from './time.js';

/** Neutral delivery states. */
export type DeliveryState =
  | 'queued'
  | 'delivered'
  | 'dropped'
  | 'bounced'
  | 'deferred'
  | 'rejected'
  | 'unknown';

/** A status query: one message (its date derived from the MessageId unless given), or one recipient on a day. */
export type StatusQuery =
  | { readonly messageId: string; readonly date?: Date | string }
  | { readonly recipient: string; readonly date: Date | string };

/** The status of one recipient of one message. */
export interface DeliveryStatus {
  readonly messageId: string;
  readonly recipient: string;
  readonly from?: string;
  readonly state: DeliveryState;
  /** Tencent's processing result (docs/providers/events.md §4 SendStatus; 0 = processed). */
  readonly sendStatus?: number;
  /** The receiving side's status (docs/providers/events.md §4 DeliverStatus). */
  readonly deliverStatus?: number;
  /** The reason text for a drop, bounce or deferral. */
  readonly reason?: string;
  readonly requestedAt?: Date;
  readonly deliveredAt?: Date;
  readonly opened: boolean;
  readonly clicked: boolean;
  readonly unsubscribed: boolean;
  readonly complained: boolean;
}

const DELIVER_STATES: Readonly<Record<number, DeliveryState>> = {
  0: 'queued',
  1: 'delivered',
  2: 'dropped',
  3: 'bounced',
  8: 'deferred',
};

/** docs/providers/events.md §4, the neutral mapping: SendStatus != 0 is a refusal; otherwise DeliverStatus decides. */
export function deliveryState(
  sendStatus: number | undefined,
  deliverStatus: number | undefined,
): DeliveryState {
  if (sendStatus !== undefined && sendStatus !== 0) return 'rejected';
  return deliverStatus === undefined ? 'unknown' : (DELIVER_STATES[deliverStatus] ?? 'unknown');
}

const PAGE = 100;
/** GetSendEmailStatus keeps 30 days; a day at 100 per page never needs more than this many pages. */
const MAX_PAGES = 10_000;

/**
 * Every status row matching the query, paging 100 at a time.
 *
 * @see https://cloud.tencent.com/document/api/1288/51832 (GetSendEmailStatus)
 *
 * @example
 * ```ts
 * const [row] = await getDeliveryStatus(mailer.raw, { messageId: result.messageId });
 * row?.state; // 'delivered'
 * ```
 */
export async function getDeliveryStatus(
  client: Pick<TencentSesClient, 'GetSendEmailStatus'>,
  query: StatusQuery,
  options: { readonly signal?: AbortSignal } = {},
): Promise<DeliveryStatus[]> {
  const RequestDate = requestDate(query);
  const filter =
    'messageId' in query ? { MessageId: query.messageId } : { ToEmailAddress: query.recipient };
  const rows: DeliveryStatus[] = [];
  for (let pageNo = 0; pageNo < MAX_PAGES; pageNo++) {
    const out = await client.GetSendEmailStatus(
      { RequestDate, Offset: pageNo * PAGE, Limit: PAGE, ...filter },
      options,
    );
    const list = out.EmailStatusList ?? [];
    rows.push(...list.map(toStatus));
    if (list.length < PAGE) break;
  }
  return rows;
}

function requestDate(query: StatusQuery): string {
  const date = query.date ?? dateOfMessageId('messageId' in query ? query.messageId : '');
  if (date instanceof Date) return formatChinaDate(date);
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  throw invalidInput(
    [{ path: ['date'], message: 'a Date or YYYY-MM-DD (needed unless the MessageId embeds it)' }],
    PROVIDER_ID,
  );
}

/** The `date-YYYYMMDDhhmmss` segment SES MessageIds embed (docs/providers/tencent-ses.md), as `YYYY-MM-DD`. */
export function dateOfMessageId(messageId: string): string | undefined {
  const m = /-date-(\d{4})(\d{2})(\d{2})\d{6}-/.exec(messageId);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

type Row = NonNullable<ActionOutput<'GetSendEmailStatus'>['EmailStatusList']>[number];

function toStatus(row: Row): DeliveryStatus {
  const seconds = (s: number | undefined) => (s ? new Date(s * 1000) : undefined);
  const requestedAt = seconds(row.RequestTime);
  const deliveredAt = seconds(row.DeliverTime);
  return {
    messageId: row.MessageId ?? '',
    recipient: row.ToEmailAddress ?? '',
    ...(row.FromEmailAddress ? { from: row.FromEmailAddress } : {}),
    state: deliveryState(row.SendStatus, row.DeliverStatus),
    ...(row.SendStatus === undefined ? {} : { sendStatus: row.SendStatus }),
    ...(row.DeliverStatus === undefined ? {} : { deliverStatus: row.DeliverStatus }),
    ...(row.DeliverMessage ? { reason: row.DeliverMessage } : {}),
    ...(requestedAt ? { requestedAt } : {}),
    ...(deliveredAt ? { deliveredAt } : {}),
    opened: row.UserOpened ?? false,
    clicked: row.UserClicked ?? false,
    unsubscribed: row.UserUnsubscribed ?? false,
    // Prefer the new field; the misspelt one is deprecated (docs/providers/events.md §4).
    complained: row.UserComplained ?? row.UserComplainted ?? false,
  };
}

/** DeliverStatus → neutral kind (docs/providers/events.md §4 "Tencent GetSendEmailStatus"). */
const DELIVER_KINDS: Readonly<Record<number, MailEventKind>> = {
  0: 'processed',
  1: 'delivered',
  2: 'dropped',
  3: 'bounced',
  8: 'deferred',
};

/**
 * One page of `mailer.status` (the core pages): the UTC+8 days the window covers (or the day a
 * MessageId embeds), 100 rows at a time. The cursor is `<day index>:<offset>`.
 */
export function statusOperation(
  context: RequestContext,
  query: ResolvedStatusQuery,
  cursor: string | undefined,
): Operation<Page<RecipientStatus>> {
  const days = statusDays(query);
  const [dayIndex, offset] = (cursor ?? '0:0').split(':').map(Number) as [number, number];
  const filter = {
    ...(query.messageId === undefined ? {} : { MessageId: query.messageId }),
    ...(query.recipient === undefined ? {} : { ToEmailAddress: query.recipient }),
  };
  const params = { RequestDate: days[dayIndex] as string, Offset: offset, Limit: PAGE, ...filter };
  return mappedOperation(context, 'GetSendEmailStatus', params, (out) => {
    const list = out.EmailStatusList ?? [];
    const more = list.length === PAGE;
    const next = more
      ? `${dayIndex}:${offset + PAGE}`
      : dayIndex + 1 < days.length
        ? `${dayIndex + 1}:0`
        : undefined;
    return { items: list.map(toRecipientStatus), ...(next === undefined ? {} : { next }) };
  });
}

/** The days to ask about: the MessageId's own day, else every UTC+8 day of the window. */
function statusDays(query: ResolvedStatusQuery): string[] {
  const embedded = query.messageId === undefined ? undefined : dateOfMessageId(query.messageId);
  if (embedded !== undefined) return [embedded];
  const days: string[] = [];
  const last = formatChinaDate(query.until);
  for (let t = query.since.getTime(); days.at(-1) !== last; t += 24 * 60 * 60 * 1000) {
    days.push(formatChinaDate(new Date(Math.min(t, query.until.getTime()))));
  }
  return [...new Set(days)];
}

function toRecipientStatus(row: Row): RecipientStatus {
  const s = toStatus(row);
  const accepted = s.sendStatus === undefined || s.sendStatus === 0;
  const kind = !accepted ? 'dropped' : (DELIVER_KINDS[s.deliverStatus ?? -1] ?? 'unknown');
  return {
    provider: PROVIDER_ID,
    recipient: s.recipient,
    ...(s.messageId ? { messageId: s.messageId } : {}),
    kind,
    accepted,
    providerStatus: `SendStatus=${s.sendStatus ?? ''} DeliverStatus=${s.deliverStatus ?? ''}`,
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.from ? { from: s.from } : {}),
    ...(s.requestedAt ? { sentAt: s.requestedAt } : {}),
    ...(s.deliveredAt ? { updatedAt: s.deliveredAt } : {}),
    opened: s.opened,
    clicked: s.clicked,
    unsubscribed: s.unsubscribed,
    complained: s.complained,
  };
}
