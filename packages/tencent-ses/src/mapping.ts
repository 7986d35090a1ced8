/**
 * Neutral message and batch -> SendEmail and BatchSendEmail parameters, and the checks the
 * capabilities cannot express. Field rules: docs/providers/tencent-ses.md (SendEmail, Template,
 * Simple, Attachment, limits). A batch is TaskType 1 (now), 2 (`TimedParam`, an `{at}` schedule)
 * or 3 (`CycleParam`, `{at, every: {hours|days}}`); times are China Standard Time (see time.ts).
 */
import type { Address, Batch, Message } from '@mailbridge/core';
import { intervalHours, isCronRule } from '@mailbridge/core/provider';
import type { ActionInput } from './actions.js';
import {
  misplacedOptions,
  readSendOptions,
  type TencentSesSendOptions,
  unsubscribeDigit,
} from './options.js';
import { formatChinaTime } from './time.js';

/** `Alias <addr>` (one space before `<`, docs/providers/tencent-ses.md), or the bare address without a name. */
export function formatFrom(from: Address): string {
  return from.name ? `${from.name} <${from.address}>` : from.address;
}

/** The numeric template id (docs/providers/tencent-ses.md Template.TemplateID), or undefined if it is not one. */
export function templateId(id: string | number): number | undefined {
  const n = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * `TemplateData`: the data as a JSON object of string values, serialised to a STRING
 * (docs/providers/tencent-ses.md: an object would be sent as a nested object and fail).
 */
export function templateData(
  data: Readonly<Record<string, string | number | boolean>> | undefined,
): string {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data ?? {})) values[key] = String(value);
  return JSON.stringify(values);
}

const base64 = (value: string | Uint8Array): string =>
  (typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value)).toString('base64');

/**
 * Checks SendEmail needs beyond the capabilities (which hold recipient names, raw content,
 * the template id shape, the bcc overlap, the sender alias and the 4 MB whole-email size):
 * options that belong to batches.
 */
export function validateMessage(message: Message): void {
  const options = readSendOptions(message.providerOptions);
  if (options.templateData !== undefined || options.adLocation !== undefined) {
    throw misplacedOptions(
      'templateData and adLocation apply to batches; use template.data',
      'BatchSendEmail-only option on a message',
    );
  }
}

/**
 * SendEmail parameters for a validated message.
 *
 * @see https://cloud.tencent.com/document/api/1288/51034 (SendEmail)
 */
export function sendParams(message: Message): ActionInput<'SendEmail'> {
  const options = readSendOptions(message.providerOptions);
  const addresses = (list: readonly Address[]) => list.map((a) => a.address);
  return {
    FromEmailAddress: formatFrom(message.from),
    ...(message.to.length > 0 ? { Destination: addresses(message.to) } : {}),
    Subject: message.subject,
    ...(message.replyTo[0] ? { ReplyToAddresses: message.replyTo[0].address } : {}),
    ...(message.cc.length > 0 ? { Cc: addresses(message.cc) } : {}),
    ...(message.bcc.length > 0 ? { Bcc: addresses(message.bcc) } : {}),
    ...content(message),
    ...(message.attachments.length > 0
      ? {
          Attachments: message.attachments.map((a) => ({
            FileName: a.filename,
            Content: base64(a.content),
          })),
        }
      : {}),
    ...sendOptions(options),
  };
}

function content(message: Message): Pick<ActionInput<'SendEmail'>, 'Template' | 'Simple'> {
  if (message.template) {
    return {
      Template: {
        TemplateID: templateId(message.template.id) as number,
        TemplateData: templateData(message.template.data),
      },
    };
  }
  return {
    Simple: {
      ...(message.html === undefined ? {} : { Html: base64(message.html) }),
      ...(message.text === undefined ? {} : { Text: base64(message.text) }),
    },
  };
}

function sendOptions(options: TencentSesSendOptions): Partial<ActionInput<'SendEmail'>> {
  return {
    ...(options.unsubscribe === undefined
      ? {}
      : { Unsubscribe: unsubscribeDigit(options.unsubscribe) }),
    ...(options.triggerType === undefined
      ? {}
      : { TriggerType: options.triggerType === 'transactional' ? 1 : 0 }),
    ...(options.smtpMessageId === undefined ? {} : { SmtpMessageId: options.smtpMessageId }),
    ...(options.smtpHeaders === undefined ? {} : { SmtpHeaders: options.smtpHeaders }),
    ...(options.headerFrom === undefined ? {} : { HeaderFrom: options.headerFrom }),
  };
}

/** The numeric ReceiverId of a group id string. */
export function receiverId(group: string): number | undefined {
  return /^\d{1,15}$/.test(group) ? Number(group) : undefined;
}

type Schedule = NonNullable<Batch['schedule']>;
type Recurring = Extract<Schedule, { readonly every: unknown }>;

function isRecurring(schedule: Schedule): schedule is Recurring {
  return 'every' in schedule;
}

/**
 * Checks a batch needs before BatchSendEmail beyond the capabilities (which hold the numeric
 * group and template ids, the 1-100 character subject, the bare reply-to, the sender alias, and
 * which schedules SES holds natively: no cron, no run count, see capabilities.ts): only the
 * SendEmail-only options. `times: 1` is one run, sent as a timed task (TaskType 2).
 */
export function validateBatch(batch: Batch): void {
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
export function batchParams(batch: Batch): ActionInput<'BatchSendEmail'> {
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
  if (!s || isCronRule(s)) return { TaskType: 1 }; // cron never reaches here (checkBatch)
  const BeginTime = beginTime(s.at);
  if (!isRecurring(s) || s.times === 1) return { TaskType: 2, TimedParam: { BeginTime } };
  // TermCycle 0 keeps the cycle running (1 would stop it, docs/providers/tencent-ses.md CycleEmailParam).
  return {
    TaskType: 3,
    // IntervalTime is in HOURS (the SDK models: "Task recurrence in hours", "任务周期 小时维度").
    CycleParam: { BeginTime, IntervalTime: intervalHours(s.every), TermCycle: 0 },
  };
}
