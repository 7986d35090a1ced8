/**
 * SendEmail (docs/providers/tencent-ses.md "Sending", docs/providers/tencent-ses-limits.md "The limits"): validate with the documented codes, then record
 * one outbox copy per To/Cc/Bcc recipient under one MessageId.
 */
import type { OutboxEntry } from '../types.js';
import type { ActionContext, ActionResult } from './action.js';
import { readAttachments } from './attachments.js';
import { isAddress, parseSender, type Sender } from './content.js';
import { fail } from './errors.js';
import { checkKnown, optInt, optString, optStrings, type Params, reqString } from './params.js';
import { checkSenderForSend, readSendContent } from './send-content.js';
import { messageId } from './time.js';

const FIELDS = [
  'FromEmailAddress',
  'Destination',
  'Subject',
  'ReplyToAddresses',
  'Cc',
  'Bcc',
  'Template',
  'Simple',
  'Attachments',
  'Unsubscribe',
  'TriggerType',
  'SmtpMessageId',
  'SmtpHeaders',
  'HeaderFrom',
];

/** FAQ (docs/providers/tencent-ses-limits.md "The limits"): UTF-8, at most 998 characters. */
const MAX_SUBJECT = 998;
/** docs/providers/tencent-ses.md "Sending": the whole email, attachments included, at most 4 MB. */
const MAX_EMAIL_BYTES = 4 * 1024 * 1024;

interface Recipients {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
}

/** docs/providers/tencent-ses-limits.md "The limits": 50 To, 20 Cc, 20 Bcc, Bcc not repeating To, at least one recipient. */
function readRecipients(params: Params): Recipients {
  const to = optStrings(params, 'Destination') ?? [];
  const cc = optStrings(params, 'Cc') ?? [];
  const bcc = optStrings(params, 'Bcc') ?? [];
  if (to.length + cc.length + bcc.length === 0) {
    fail(
      'InvalidParameterValue.EmailAddressIsNULL',
      'Destination is empty: at least one recipient is required',
    );
  }
  // The documented code is TooManyRecipients ("more than 50"); Tencent documents no separate
  // code for the Cc/Bcc caps, so they share it.
  if (to.length > 50)
    fail('FailedOperation.TooManyRecipients', `Destination has ${to.length} addresses; at most 50`);
  if (cc.length > 20)
    fail('FailedOperation.TooManyRecipients', `Cc has ${cc.length} addresses; at most 20`);
  if (bcc.length > 20)
    fail('FailedOperation.TooManyRecipients', `Bcc has ${bcc.length} addresses; at most 20`);
  const bad = [...to, ...cc, ...bcc].find((a) => !isAddress(a));
  if (bad !== undefined)
    fail('InvalidParameterValue.ReceiverEmailInvalid', `recipient "${bad}" is not a valid address`);
  const toSet = new Set(to.map((a) => a.toLowerCase()));
  const both = bcc.find((a) => toSet.has(a.toLowerCase()));
  // No specific code is documented for a Bcc that repeats a To address; the generic one is used.
  if (both !== undefined)
    fail('InvalidParameterValue', `Bcc address ${both} must not repeat a Destination address`);
  return { to, cc, bcc };
}

function readOptions(params: Params): { replyTo?: string } {
  const replyTo = optString(params, 'ReplyToAddresses');
  if (replyTo !== undefined && !isAddress(replyTo)) {
    fail(
      'FailedOperation.IncorrectEmail',
      `ReplyToAddresses "${replyTo}" is not one valid address`,
    );
  }
  const trigger = optInt(params, 'TriggerType');
  if (trigger !== undefined && trigger !== 0 && trigger !== 1) {
    fail('InvalidParameterValue', 'TriggerType must be 0 (non-triggered) or 1 (triggered)');
  }
  checkUnsubscribe(params);
  for (const key of ['SmtpMessageId', 'SmtpHeaders', 'HeaderFrom']) optString(params, key);
  return replyTo === undefined ? {} : { replyTo };
}

/** Unsubscribe is a string holding a digit (docs/providers/tencent-ses-limits.md "Decisions where sources disagree"): 0-12. */
export function checkUnsubscribe(params: Params): void {
  const value = optString(params, 'Unsubscribe');
  if (value !== undefined && !/^(?:[0-9]|1[0-2])$/.test(value)) {
    fail('InvalidParameterValue', 'Unsubscribe must be a string holding a number 0-12');
  }
}

/** Handle SendEmail. */
export function sendEmail(a: ActionContext): ActionResult {
  const { params, state, ctx } = a;
  checkKnown(params, FIELDS);
  const sender: Sender = parseSender(reqString(params, 'FromEmailAddress'));
  const recipients = readRecipients(params);
  const subject = reqString(params, 'Subject');
  // Characters are code points (an emoji is one), as the core counts them.
  const length = [...subject].length;
  if (length === 0 || length > MAX_SUBJECT) {
    // SubjectLengthError is documented for BatchSendEmail; it is the one subject code Tencent has.
    fail('InvalidParameterValue.SubjectLengthError', `Subject must be 1-${MAX_SUBJECT} characters`);
  }
  const options = readOptions(params);
  const content = readSendContent(state, params);
  const attachments = readAttachments(params);
  const size =
    Buffer.byteLength(content.html ?? '') +
    Buffer.byteLength(content.text ?? '') +
    attachments.bytes;
  if (size > MAX_EMAIL_BYTES) {
    fail(
      'FailedOperation.EmailContentToolarge',
      `the email is ${size} bytes; at most 4 MB with attachments`,
    );
  }
  checkSenderForSend(state, sender);
  const id = messageId(ctx.now());
  const render = content.render;
  const base = {
    provider: 'tencent-ses' as const,
    action: 'SendEmail',
    from: sender.address,
    ...(sender.alias === undefined ? {} : { fromName: sender.alias }),
    ...(recipients.cc.length > 0 ? { cc: recipients.cc } : {}),
    ...(recipients.bcc.length > 0 ? { bcc: recipients.bcc } : {}),
    ...(options.replyTo === undefined ? {} : { replyTo: options.replyTo }),
    subject: render(subject),
    ...(content.html === undefined ? {} : { html: content.html }),
    ...(content.text === undefined ? {} : { text: content.text }),
    ...(content.templateId === undefined ? {} : { templateId: String(content.templateId) }),
    ...(content.templateData === undefined ? {} : { templateData: content.templateData }),
    ...(attachments.list.length > 0 ? { attachments: attachments.list } : {}),
    time: ctx.now(),
    requestId: a.requestId,
    messageId: id,
  };
  const all = [...recipients.to, ...recipients.cc, ...recipients.bcc];
  ctx.deliver(all.map((to): OutboxEntry => ({ ...base, to })));
  return { MessageId: id };
}
