/**
 * GetStatisticsReport (docs/providers/resources.md §5): daily counts between two UTC+8
 * dates (at most 366 days apart: emulator bound, the API states none), answered from the
 * outbox, so every count is what the emulator sent: each copy's outcome (events/outcome.ts)
 * decides delivered or bounced, and the opens, clicks and unsubscribes reported through the
 * event log count once per recipient.
 */
import { outcomeFor } from '../events/outcome.js';
import type { OutboxEntry } from '../types.js';
import type { ActionContext, ActionResult } from './action.js';
import { fail } from './errors.js';
import { checkKnown, optString, reqString } from './params.js';
import { formatCstDate, parseCstDate } from './time.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One Volume over some copies. */
function volume(a: ActionContext, date: string, copies: readonly OutboxEntry[]) {
  let delivered = 0;
  let bounced = 0;
  let opened = 0;
  let clicked = 0;
  let unsubscribed = 0;
  for (const e of copies) {
    const outcome = outcomeFor(e.to);
    if (outcome.delivery === 'delivered') delivered += 1;
    if (outcome.delivery === 'bounced') bounced += 1;
    const seen = a.ctx.events.engagement('tencent-ses', e.messageId, e.to);
    if (seen.opened) opened += 1;
    if (seen.clicked) clicked += 1;
    if (seen.unsubscribed) unsubscribed += 1;
  }
  return {
    SendDate: date,
    RequestCount: copies.length,
    AcceptedCount: copies.length,
    DeliveredCount: delivered,
    OpenedCount: opened,
    ClickedCount: clicked,
    BounceCount: bounced,
    UnsubscribeCount: unsubscribed,
  };
}

/** GetStatisticsReport: one Volume per day of the range and the overall Volume. */
export function getStatisticsReport(a: ActionContext): ActionResult {
  checkKnown(a.params, ['StartDate', 'EndDate', 'Domain', 'ReceivingMailboxType']);
  const startText = reqString(a.params, 'StartDate');
  const endText = reqString(a.params, 'EndDate');
  const start = parseCstDate(startText);
  const end = parseCstDate(endText);
  if (start === undefined || end === undefined || end < start || end - start > 366 * DAY_MS) {
    fail(
      'InvalidParameterValue.WrongDate',
      'StartDate/EndDate must be YYYY-MM-DD, in order, at most 366 days apart',
    );
  }
  const domain = optString(a.params, 'Domain')?.toLowerCase();
  const mailbox = optString(a.params, 'ReceivingMailboxType')?.toLowerCase();
  const copies = a.ctx.outbox.filter(
    (e) =>
      e.provider === 'tencent-ses' &&
      (domain === undefined || e.from.toLowerCase().replace(/>$/, '').endsWith(`@${domain}`)) &&
      (mailbox === undefined || e.to.toLowerCase().endsWith(`@${mailbox}`)),
  );
  const daily = [];
  const inRange: OutboxEntry[] = [];
  for (let day = start; day <= end; day += DAY_MS) {
    const date = formatCstDate(day);
    const of = copies.filter((e) => formatCstDate(e.time) === date);
    inRange.push(...of);
    daily.push(volume(a, date, of));
  }
  return { DailyVolumes: daily, OverallVolume: volume(a, '', inRange) };
}
