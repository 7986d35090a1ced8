/**
 * Neutral message and batch -> SendEmail and BatchSendEmail parameters, and the checks the
 * capabilities cannot express. Field rules: shared/providers/tencent-ses.md §3.2 (SendEmail),
 * §3.3 (BatchSendEmail), §3.18 (Template, Simple, Attachment, TimedParam, CycleParam).
 */
import {
  type Address,
  type Batch,
  type Issue,
  invalidInput,
  MailError,
  type Message,
  type Schedule,
  unsupported,
} from '@mailbridge/core';
import type { ActionInput } from './actions.js';
import { PROVIDER_ID } from './config.js';
import { readSendOptions, type TencentSesSendOptions, unsubscribeDigit } from './options.js';
import { formatChinaTime } from './time.js';

/** BatchSendEmail subjects must be 1-100 characters (InvalidParameterValue.SubjectLengthError). */
export const BATCH_SUBJECT_MAX = 100;

/** Characters a sender alias may not hold: `:` (§3.2) and what would break `Alias <addr>`. */
const ALIAS_FORBIDDEN = /[:<>"\r\n]/;

/** `Alias <addr>` (one space before `<`, §3.2), or the bare address without a name. */
export function formatFrom(from: Address): string {
  return from.name ? `${from.name} <${from.address}>` : from.address;
}

/** The numeric template id (§3.18 Template.TemplateID), or undefined if it is not one. */
export function templateId(id: string | number): number | undefined {
  const n = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * `TemplateData`: the data as a JSON object of string values, serialised to a STRING
 * (tencent-ses.md Surprises 3: an object would be sent as a nested object and fail).
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
 * Checks SendEmail needs beyond the capabilities: the alias rule, addresses without names,
 * a numeric template id, template-or-raw content, and the provider options.
 */
export function validateMessage(message: Message, allowRawContent: boolean): void {
  if ((message.html !== undefined || message.text !== undefined) && !allowRawContent) {
    const field = message.html !== undefined ? 'html' : 'text';
    throw unsupported(
      PROVIDER_ID,
      field,
      'the account sends templates only (raw content needs the Simple permission; set allowRawContent)',
    );
  }
  for (const field of ['to', 'cc', 'bcc', 'replyTo'] as const) {
    if (message[field].some((a) => a.name)) {
      throw unsupported(
        PROVIDER_ID,
        `${field}.name`,
        'SES takes bare recipient addresses, without display names',
      );
    }
  }
  const issues: Issue[] = [...senderIssues(message.from, ['from'])];
  const to = new Set(message.to.map((a) => a.address.toLowerCase()));
  message.bcc.forEach((a, i) => {
    if (to.has(a.address.toLowerCase()))
      issues.push({ path: ['bcc', i], message: 'bcc must not repeat a to address' });
  });
  if (message.template) {
    if (templateId(message.template.id) === undefined) {
      issues.push({
        path: ['template', 'id'],
        message: 'SES templates are referenced by numeric id',
      });
    }
    if (message.html !== undefined || message.text !== undefined) {
      issues.push({ path: ['template'], message: 'send a template or raw html/text, not both' });
    }
  } else if (message.html === undefined && message.text === undefined) {
    issues.push({
      path: ['template'],
      message: 'SES needs a template (or raw content when allowed)',
    });
  }
  if (issues.length > 0) throw invalidInput(issues, PROVIDER_ID);
  const options = readSendOptions(message.providerOptions);
  if (options.templateData !== undefined || options.adLocation !== undefined) {
    throw new MailError(
      'tencent-ses: templateData and adLocation apply to batches; use template.data',
      {
        code: 'unsupported',
        provider: PROVIDER_ID,
        issues: [
          {
            path: ['providerOptions', PROVIDER_ID],
            message: 'BatchSendEmail-only option on a message',
          },
        ],
      },
    );
  }
}

function senderIssues(from: Address, path: (string | number)[]): Issue[] {
  if (from.name === undefined || !ALIAS_FORBIDDEN.test(from.name)) return [];
  return [
    { path: [...path, 'name'], message: 'the sender alias may not contain : < > " or line breaks' },
  ];
}

/** SendEmail parameters for a validated message. */
export function sendEmailParams(message: Message): ActionInput<'SendEmail'> {
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

/**
 * Checks a batch needs before BatchSendEmail: numeric group and template ids, a 1-100
 * character subject, a schedule in the future, and a whole number of days between runs.
 */
export function validateBatch(batch: Batch, now: number): void {
  const issues: Issue[] = [...senderIssues(batch.from, ['from'])];
  if (receiverId(batch.group) === undefined)
    issues.push({ path: ['group'], message: 'SES groups are numeric ReceiverIds' });
  if (templateId(batch.template.id) === undefined) {
    issues.push({
      path: ['template', 'id'],
      message: 'SES templates are referenced by numeric id',
    });
  }
  const subject = batch.subject ?? '';
  if (subject.length < 1 || subject.length > BATCH_SUBJECT_MAX) {
    issues.push({
      path: ['subject'],
      message: `BatchSendEmail needs a subject of 1-${BATCH_SUBJECT_MAX} characters`,
    });
  }
  if (batch.replyTo?.name)
    issues.push({ path: ['replyTo', 'name'], message: 'SES takes a bare reply-to address' });
  const schedule = batch.schedule;
  if (schedule && schedule.at.getTime() < now) {
    issues.push({
      path: ['schedule', 'at'],
      message: `${schedule.at.toISOString()} is in the past`,
    });
  }
  if (schedule && isRecurring(schedule)) {
    if (!Number.isInteger(schedule.every.days) || schedule.every.days < 1) {
      issues.push({
        path: ['schedule', 'every', 'days'],
        message: 'a whole number of days, at least 1',
      });
    }
  }
  if (issues.length > 0) throw invalidInput(issues, PROVIDER_ID);
  if (schedule && isRecurring(schedule) && schedule.times !== undefined) {
    throw unsupported(
      PROVIDER_ID,
      'schedule.times',
      'CycleParam repeats until stopped; SES has no run count (TermCycle only stops a cycle)',
    );
  }
  const options = readSendOptions(batch.providerOptions);
  if (options.triggerType || options.smtpHeaders || options.smtpMessageId || options.headerFrom) {
    throw new MailError(
      'tencent-ses: triggerType, smtp* and headerFrom apply to SendEmail, not batches',
      {
        code: 'unsupported',
        provider: PROVIDER_ID,
        issues: [
          { path: ['providerOptions', PROVIDER_ID], message: 'SendEmail-only option on a batch' },
        ],
      },
    );
  }
}

/** BatchSendEmail parameters for a validated batch (§3.3, TaskType 1 / 2 / 3). */
export function batchSendEmailParams(batch: Batch): ActionInput<'BatchSendEmail'> {
  const options = readSendOptions(batch.providerOptions);
  return {
    FromEmailAddress: formatFrom(batch.from),
    ReceiverId: receiverId(batch.group) as number,
    Subject: batch.subject ?? '',
    ...schedule(batch),
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

const HOURS_PER_DAY = 24;

type Recurring = Extract<Schedule, { readonly every: unknown }>;

function isRecurring(schedule: Schedule): schedule is Recurring {
  return 'every' in schedule;
}

function schedule(
  batch: Batch,
): Pick<ActionInput<'BatchSendEmail'>, 'TaskType' | 'TimedParam' | 'CycleParam'> {
  const s = batch.schedule;
  if (!s) return { TaskType: 1 };
  const BeginTime = formatChinaTime(s.at);
  if (!isRecurring(s)) return { TaskType: 2, TimedParam: { BeginTime } };
  // IntervalTime is in hours (§3.18 CycleEmailParam); TermCycle 0 keeps the cycle running.
  return {
    TaskType: 3,
    CycleParam: { BeginTime, IntervalTime: s.every.days * HOURS_PER_DAY, TermCycle: 0 },
  };
}
