/**
 * Delivery status through SenderStatisticsDetailByParam (docs/providers/events.md §4
 * "DirectMail SenderStatisticsDetailByParam"): per-recipient rows, in neutral kinds, for
 * `mailer.status`. Rows carry no EnvId, so a DirectMail status query is by recipient and window.
 */
import type { BounceType, MailEventKind, Page, RecipientStatus } from '@mailbridge/core';
import type { ResolvedStatusQuery } from '@mailbridge/core/provider';
import { type Operation, unsupported } from '@mailbridge/core/provider';
import type { AliyunDmResponse } from './actions.js';
import { actionOperation, type ClientContext } from './client.js';
import { PROVIDER_ID } from './config.js';

/**
 * `Status` → neutral kind (docs/providers/events.md §4): 0 delivered, 2 invalid address, 3 spam,
 * 4 failed.
 */
const STATUS_KINDS: Readonly<Record<number, { kind: MailEventKind; bounce?: BounceType }>> = {
  0: { kind: 'delivered' },
  2: { kind: 'bounced', bounce: 'hard' },
  3: { kind: 'dropped' },
  4: { kind: 'bounced', bounce: 'soft' },
};

/**
 * The zone of StartTime/EndTime is unconfirmed (docs/providers/events.md §4), so the window is
 * widened by the largest offset from UTC there is, and the core then filters rows by their zone-free
 * `UtcLastUpdateTime` (packages/core/src/events/status.ts).
 */
const ZONE_SLACK_MS = 14 * 60 * 60 * 1000;
const RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
const PAGE = 100;

/** One page of `mailer.status` (the core pages); the cursor is the provider's `NextStart`. */
export function statusOperation(
  ctx: ClientContext,
  query: ResolvedStatusQuery,
  cursor: string | undefined,
): Operation<Page<RecipientStatus>> {
  if (query.messageId !== undefined) {
    throw unsupported(
      PROVIDER_ID,
      'messageId',
      'status rows carry no EnvId: ask by recipient and time',
    );
  }
  // Start no more than 30 days ago and span at most 30 days
  // (docs/providers/aliyun-dm-limits.md "Statistics"): a minute of margin.
  const floor = query.now.getTime() - RETENTION_MS + 60_000;
  const start = Math.max(query.since.getTime() - ZONE_SLACK_MS, floor);
  const end = Math.min(query.until.getTime() + ZONE_SLACK_MS, start + RETENTION_MS - 60_000);
  const params = {
    StartTime: minuteText(start),
    EndTime: minuteText(end),
    Length: PAGE,
    ...(query.recipient === undefined ? {} : { ToAddress: query.recipient }),
    ...(cursor === undefined ? {} : { NextStart: cursor }),
  };
  const op = actionOperation(ctx, 'SenderStatisticsDetailByParam', params);
  return {
    ...op,
    parse: (response, attempt) => {
      const out = op.parse(response, attempt);
      // Rows outside the query's own window are left out by the core (events/status.ts).
      const items = (out.data?.mailDetail ?? []).map(toRecipientStatus);
      const next = out.NextStart && items.length > 0 ? out.NextStart : undefined;
      return { items, ...(next === undefined ? {} : { next }) };
    },
  };
}

type Row = NonNullable<
  NonNullable<AliyunDmResponse<'SenderStatisticsDetailByParam'>['data']>['mailDetail']
>[number];

function toRecipientStatus(row: Row): RecipientStatus {
  const mapped = row.Status === undefined ? undefined : STATUS_KINDS[row.Status];
  const seconds = Number(row.UtcLastUpdateTime);
  const updatedAt =
    row.UtcLastUpdateTime && Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined;
  return {
    provider: PROVIDER_ID,
    recipient: row.ToAddress ?? '',
    kind: mapped?.kind ?? 'unknown',
    ...(mapped?.bounce === undefined ? {} : { bounce: mapped.bounce }),
    // Every row is a send DirectMail accepted; refusals are API errors, never rows.
    accepted: true,
    providerStatus: String(row.Status ?? ''),
    ...(row.Message ? { reason: row.Message } : {}),
    ...(row.Subject ? { subject: row.Subject } : {}),
    ...(row.AccountName ? { from: row.AccountName } : {}),
    ...(updatedAt === undefined ? {} : { updatedAt }),
  };
}

/** `yyyy-MM-dd HH:mm` in UTC (the slack covers whichever zone the service reads it in). */
function minuteText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
