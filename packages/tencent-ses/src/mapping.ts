/**
 * Neutral message -> SendEmail parameters, and the checks the capabilities cannot express.
 * Field rules: docs/providers/tencent-ses.md (SendEmail), docs/providers/tencent-ses.md (Template, Simple,
 * Attachment), docs/providers/tencent-ses.md (limits). Batches: batch.ts.
 */
import type { Address, Issue, Message } from '@mailbridge/core';
import { invalidInput } from '@mailbridge/core/provider';
import type { ActionInput } from './actions.js';
import { PROVIDER_ID } from './config.js';
import {
  misplacedOptions,
  readSendOptions,
  type TencentSesSendOptions,
  unsubscribeDigit,
} from './options.js';

/** Characters a sender alias may not hold: `:` (docs/providers/tencent-ses.md) and what would break `Alias <addr>`. */
const ALIAS_FORBIDDEN = /[:<>"\r\n]/;

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
 * the template id shape, the bcc overlap and the 4 MB whole-email size): the sender alias
 * rule, and options that belong to batches.
 */
export function validateMessage(message: Message): void {
  const issues = senderIssues(message.from, ['from']);
  if (issues.length > 0) throw invalidInput(issues, PROVIDER_ID);
  const options = readSendOptions(message.providerOptions);
  if (options.templateData !== undefined || options.adLocation !== undefined) {
    throw misplacedOptions(
      'templateData and adLocation apply to batches; use template.data',
      'BatchSendEmail-only option on a message',
    );
  }
}

/** The alias rule of `FromEmailAddress` (docs/providers/tencent-ses.md), as issues under `path`. */
export function senderIssues(from: Address, path: (string | number)[]): Issue[] {
  if (from.name === undefined || !ALIAS_FORBIDDEN.test(from.name)) return [];
  return [
    { path: [...path, 'name'], message: 'the sender alias may not contain : < > " or line breaks' },
  ];
}

/**
 * SendEmail parameters for a validated message.
 *
 * @see https://cloud.tencent.com/document/api/1288/51034 (SendEmail)
 */
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
