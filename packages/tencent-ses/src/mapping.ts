/**
 * Neutral message -> SendEmail parameters, and the checks the capabilities cannot express.
 * Field rules: shared/providers/tencent-ses.md §3.2 (SendEmail), §3.18 (Template, Simple,
 * Attachment), §4 (limits). Batches: batch.ts.
 */
import {
  type Address,
  type Issue,
  invalidInput,
  type Message,
  unsupported,
} from '@mailbridge/core';
import type { ActionInput } from './actions.js';
import { PROVIDER_ID } from './config.js';
import {
  misplacedOptions,
  readSendOptions,
  type TencentSesSendOptions,
  unsubscribeDigit,
} from './options.js';

/** §4 / FAQ: the whole email, html, text and attachments together, at most 4 MB. */
export const EMAIL_MAX_BYTES = 4 * 1024 * 1024;

/** §3.18 Attachment.FileName: at most 255 characters. */
export const ATTACHMENT_NAME_MAX = 255;

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
  refuseUnsupported(message, allowRawContent);
  const issues: Issue[] = [
    ...senderIssues(message.from, ['from']),
    ...bccIssues(message),
    ...contentIssues(message),
    ...sizeIssues(message),
  ];
  if (issues.length > 0) throw invalidInput(issues, PROVIDER_ID);
  const options = readSendOptions(message.providerOptions);
  if (options.templateData !== undefined || options.adLocation !== undefined) {
    throw misplacedOptions(
      'templateData and adLocation apply to batches; use template.data',
      'BatchSendEmail-only option on a message',
    );
  }
}

/** What SendEmail cannot carry at all: raw content without the permission, recipient names. */
function refuseUnsupported(message: Message, allowRawContent: boolean): void {
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
}

/** §3.2: Bcc must not repeat a Destination address. */
function bccIssues(message: Message): Issue[] {
  const to = new Set(message.to.map((a) => a.address.toLowerCase()));
  const issues: Issue[] = [];
  message.bcc.forEach((a, i) => {
    if (to.has(a.address.toLowerCase()))
      issues.push({ path: ['bcc', i], message: 'bcc must not repeat a to address' });
  });
  return issues;
}

/** A numeric template id, or raw content (when allowed), never both and never neither. */
function contentIssues(message: Message): Issue[] {
  const raw = message.html !== undefined || message.text !== undefined;
  if (!message.template) {
    return raw
      ? []
      : [{ path: ['template'], message: 'SES needs a template (or raw content when allowed)' }];
  }
  const issues: Issue[] = [];
  if (templateId(message.template.id) === undefined)
    issues.push({
      path: ['template', 'id'],
      message: 'SES templates are referenced by numeric id',
    });
  if (raw)
    issues.push({ path: ['template'], message: 'send a template or raw html/text, not both' });
  return issues;
}

/** The alias rule of `FromEmailAddress` (§3.2), as issues under `path`. */
export function senderIssues(from: Address, path: (string | number)[]): Issue[] {
  if (from.name === undefined || !ALIAS_FORBIDDEN.test(from.name)) return [];
  return [
    { path: [...path, 'name'], message: 'the sender alias may not contain : < > " or line breaks' },
  ];
}

/**
 * Attachment names (255 characters) and the whole-email size: the capabilities bound html,
 * text and attachments one by one, Tencent bounds their sum (FailedOperation.EmailContentToolarge).
 */
function sizeIssues(message: Message): Issue[] {
  const issues: Issue[] = [];
  let bytes = Buffer.byteLength(message.html ?? '') + Buffer.byteLength(message.text ?? '');
  message.attachments.forEach((a, i) => {
    if ([...a.filename].length > ATTACHMENT_NAME_MAX) {
      issues.push({
        path: ['attachments', i, 'filename'],
        message: `at most ${ATTACHMENT_NAME_MAX} characters`,
      });
    }
    bytes += a.content.byteLength;
  });
  if (bytes > EMAIL_MAX_BYTES) {
    issues.push({
      path: ['attachments'],
      message: `the email is ${bytes} bytes with its attachments; Tencent SES takes at most 4 MB`,
    });
  }
  return issues;
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
