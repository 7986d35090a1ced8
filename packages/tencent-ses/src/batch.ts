/**
 * Neutral batch -> BatchSendEmail (docs/providers/tencent-ses.md): TaskType 1
 * (now), 2 (`TimedParam`, a `{at}` schedule) or 3 (`CycleParam`, `{at, every: {hours|days}}`), and
 * the checks the capabilities cannot express. Times are China Standard Time (see time.ts).
 */
import { type Batch, type Issue, intervalHours, isCronRule } from '@mailbridge/core';
import { invalidInput, unsupported } from '@mailbridge/core/provider';
import type { ActionInput } from './actions.js';
import { PROVIDER_ID } from './config.js';
import { formatFrom, receiverId, senderIssues, templateData, templateId } from './mapping.js';
import { misplacedOptions, readSendOptions, unsubscribeDigit } from './options.js';
import { formatChinaTime } from './time.js';

type Schedule = NonNullable<Batch['schedule']>;
type Recurring = Extract<Schedule, { readonly every: unknown }>;

function isRecurring(schedule: Schedule): schedule is Recurring {
  return 'every' in schedule;
}

/**
 * Checks a batch needs before BatchSendEmail beyond the capabilities (which hold the numeric
 * group and template ids, the 1-100 character subject and the bare reply-to): the sender
 * alias. The schedule's shape, its time in the future and whether SES can hold it natively
 * (no cron, no run count) are the core's checks (schedule/scheduling.ts).
 * `times` other than 1 is `unsupported`: a CycleParam task repeats until it is stopped, and
 * the API has no run count (TermCycle 1 only stops a cycle when a task is updated, and no
 * public action updates a task). `times: 1` is one run, sent as a timed task (TaskType 2).
 */
export function validateBatch(batch: Batch): void {
  const issues: Issue[] = [...senderIssues(batch.from, ['from'])];
  if (issues.length > 0) throw invalidInput(issues, PROVIDER_ID);
  const schedule = batch.schedule;
  // The mailer sends these to the scheduler; a direct caller of the provider learns why here.
  if (schedule && isCronRule(schedule))
    throw unsupported(PROVIDER_ID, 'schedule.cron', 'SES schedules by start time and interval');
  if (schedule && isRecurring(schedule) && schedule.times !== undefined && schedule.times !== 1) {
    throw unsupported(
      PROVIDER_ID,
      'schedule.times',
      'CycleParam repeats until stopped; SES has no run count (TermCycle only stops a cycle)',
    );
  }
  const options = readSendOptions(batch.providerOptions);
  if (options.triggerType || options.smtpHeaders || options.smtpMessageId || options.headerFrom) {
    throw misplacedOptions(
      'triggerType, smtp* and headerFrom apply to SendEmail, not batches',
      'SendEmail-only option on a batch',
    );
  }
}

/**
 * BatchSendEmail parameters for a validated batch (docs/providers/tencent-ses.md, TaskType 1 / 2 / 3).
 *
 * @see https://cloud.tencent.com/document/api/1288/63481 (BatchSendEmail)
 */
export function batchSendEmailParams(batch: Batch): ActionInput<'BatchSendEmail'> {
  const options = readSendOptions(batch.providerOptions);
  return {
    FromEmailAddress: formatFrom(batch.from),
    ReceiverId: receiverId(batch.group) as number,
    Subject: batch.subject ?? '',
    ...taskType(batch.schedule),
    ...(batch.replyTo ? { ReplyToAddresses: batch.replyTo.address } : {}),
    Template: {
      TemplateID: templateId(batch.template.id) as number,
      TemplateData: templateData(options.templateData),
    },
    ...(options.unsubscribe === undefined
      ? {}
      : { Unsubscribe: unsubscribeDigit(options.unsubscribe) }),
    ...(options.adLocation === undefined
      ? {}
      : { ADLocation: options.adLocation === 'before' ? 1 : 2 }),
  };
}

/**
 * `BeginTime` of a schedule: UTC+8 wall time, rounded UP to the whole second. The format has no
 * fraction, and rounding down could put an `at` a moment from now before the server's clock
 * (InvalidParameterValue.BeginTimeBeforeNow).
 */
export function beginTime(at: Date): string {
  return formatChinaTime(new Date(Math.ceil(at.getTime() / 1000) * 1000));
}

function taskType(
  s: Schedule | undefined,
): Pick<ActionInput<'BatchSendEmail'>, 'TaskType' | 'TimedParam' | 'CycleParam'> {
  if (!s || isCronRule(s)) return { TaskType: 1 }; // cron never reaches here (validateBatch)
  const BeginTime = beginTime(s.at);
  if (!isRecurring(s) || s.times === 1) return { TaskType: 2, TimedParam: { BeginTime } };
  // TermCycle 0 keeps the cycle running (1 would stop it, docs/providers/tencent-ses.md CycleEmailParam).
  return {
    TaskType: 3,
    // IntervalTime is in HOURS (the SDK models: "Task recurrence in hours", "任务周期 小时维度").
    CycleParam: { BeginTime, IntervalTime: intervalHours(s.every), TermCycle: 0 },
  };
}
