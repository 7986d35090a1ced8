/**
 * Read-only actions: ListEmailIdentities (docs/providers/resources.md §2), ListEmailAddress, GetSendEmailStatus
 * (docs/providers/events.md §4, answered from the outbox) and ListSendTasks. GetStatisticsReport: statistics.ts.
 */
import { type Outcome, outcomeFor } from '../events/outcome.js';
import type { OutboxEntry } from '../types.js';
import type { ActionContext, ActionResult } from './action.js';
import { fail } from './errors.js';
import { checkKnown, optInt, optString, paging, reqString } from './params.js';
import type { TcTask } from './state.js';
import { formatCst, formatCstDate, parseCstDate } from './time.js';

/** The emulated account's quota: a new account's 500 emails a day (docs/providers/quota-reset.md). */
const DAILY_QUOTA = 500;
const DAY_MS = 24 * 60 * 60 * 1000;
/** DeliverStatus codes (docs/providers/events.md §4). */
const DELIVER_STATUS: Readonly<Record<Outcome['delivery'], number>> = {
  delivered: 1,
  dropped: 2,
  bounced: 3,
  deferred: 8,
};

/** ListEmailIdentities: every domain, SendingEnabled when verified. */
export function listEmailIdentities(a: ActionContext): ActionResult {
  checkKnown(a.params, ['TagList', 'Limit', 'Offset']);
  const limit = optInt(a.params, 'Limit') ?? 100;
  const offset = optInt(a.params, 'Offset') ?? 0;
  if (limit > 100) fail('FailedOperation.InvalidLimit', `Limit must be at most 100, got ${limit}`);
  const all = [...a.state.domains.values()];
  return {
    EmailIdentities: all.slice(offset, offset + limit).map((d) => ({
      IdentityName: d.name,
      IdentityType: 'DOMAIN',
      SendingEnabled: d.verified,
      CurrentReputationLevel: 1,
      DailyQuota: DAILY_QUOTA,
      SendIp: [],
      TagList: [],
    })),
    MaxReputationLevel: 1,
    MaxDailyQuota: DAILY_QUOTA,
    Total: all.length,
  };
}

/** ListEmailAddress: every sender address with its alias. */
export function listEmailAddress(a: ActionContext): ActionResult {
  checkKnown(a.params, []);
  return {
    EmailSenders: [...a.state.senders.values()].map((s) => ({
      EmailAddress: s.address,
      EmailSenderName: s.alias ?? '',
      CreatedTimestamp: Math.floor(s.createdAt / 1000),
      SmtpPwdType: 0,
    })),
  };
}

function tencentCopies(a: ActionContext): readonly OutboxEntry[] {
  return a.ctx.outbox.filter((e) => e.provider === 'tencent-ses');
}

/**
 * GetSendEmailStatus: one UTC+8 date, within 30 days (docs/providers/events.md §4). Every outbox copy was accepted
 * (SendStatus 0); DeliverStatus follows the copy's outcome (events/outcome.ts).
 */
export function getSendEmailStatus(a: ActionContext): ActionResult {
  checkKnown(a.params, ['RequestDate', 'Offset', 'Limit', 'MessageId', 'ToEmailAddress']);
  const date = reqString(a.params, 'RequestDate');
  const day = parseCstDate(date);
  if (day === undefined)
    fail('InvalidParameterValue.WrongDate', `RequestDate "${date}" is not YYYY-MM-DD`);
  const { offset, limit } = paging(a.params);
  // Kept 30 days, counted in the server's own (UTC+8) days (docs/providers/tencent-ses-limits.md).
  const today = parseCstDate(formatCstDate(a.ctx.now())) as number;
  if (day < today - 30 * DAY_MS) {
    fail('FailedOperation.NotSupportDate', `RequestDate ${date} is more than 30 days ago`);
  }
  const id = optString(a.params, 'MessageId');
  const to = optString(a.params, 'ToEmailAddress');
  const rows = tencentCopies(a).filter(
    (e) =>
      formatCstDate(e.time) === date &&
      (id === undefined || e.messageId === id) &&
      (to === undefined || e.to === to),
  );
  return {
    EmailStatusList: rows.slice(offset, offset + limit).map((e) => {
      // The same outcome and engagement the event push reported (events/log.ts).
      const outcome = outcomeFor(e.to);
      const seen = a.ctx.events.engagement('tencent-ses', e.messageId, e.to);
      return {
        MessageId: e.messageId,
        ToEmailAddress: e.to,
        FromEmailAddress: e.from,
        SendStatus: 0,
        DeliverStatus: DELIVER_STATUS[outcome.delivery],
        DeliverMessage: outcome.delivery === 'delivered' ? '' : outcome.smtp,
        RequestTime: Math.floor(e.time / 1000),
        DeliverTime: Math.floor(e.time / 1000),
        UserOpened: seen.opened,
        UserClicked: seen.clicked,
        UserUnsubscribed: seen.unsubscribed,
        UserComplainted: seen.complained,
        UserComplained: seen.complained,
      };
    }),
  };
}

function taskData(t: TcTask) {
  return {
    TaskId: t.id,
    FromEmailAddress: t.from,
    ReceiverId: t.receiverId,
    TaskStatus: t.status,
    TaskType: t.type,
    RequestCount: t.requestCount,
    SendCount: t.sendCount,
    CacheCount: 0,
    CreateTime: formatCst(t.createdAt),
    UpdateTime: formatCst(t.updatedAt),
    Subject: t.subject,
    Template:
      t.template === undefined
        ? null
        : { TemplateID: t.template.id, TemplateData: t.template.data },
    CycleParam: t.cycle ?? null,
    TimedParam: t.timed ?? null,
    ErrMsg: t.errMsg,
    ReceiversName: t.receiversName,
  };
}

/** ListSendTasks, newest first. */
export function listSendTasks(a: ActionContext): ActionResult {
  checkKnown(a.params, ['Offset', 'Limit', 'Status', 'ReceiverId', 'TaskType']);
  const { offset, limit } = paging(a.params);
  const status = optInt(a.params, 'Status');
  const receiverId = optInt(a.params, 'ReceiverId');
  const type = optInt(a.params, 'TaskType');
  const all = [...a.state.tasks.values()]
    .filter(
      (t) =>
        (status === undefined || t.status === status) &&
        (receiverId === undefined || t.receiverId === receiverId) &&
        (type === undefined || t.type === type),
    )
    .sort((x, y) => y.id - x.id);
  return { TotalCount: all.length, Data: all.slice(offset, offset + limit).map(taskData) };
}
