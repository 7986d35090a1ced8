/**
 * Capability checks: a normalised message against what the chosen provider can do, before any
 * request. A field the provider cannot honour at all is `unsupported`; a value beyond a
 * documented limit is `invalid_input` naming the field, the limit and the provider. Nothing is
 * silently dropped or truncated. This is the one home of each rule that depends on the
 * provider: adapters state the limit in their capabilities and do not check it again.
 */
import { needsSmtpUtf8 } from '../message/address.js';
import type { Message } from '../message/message.js';
import { utf8Length } from '../message/text.js';
import type { Capabilities } from './capabilities.js';
import {
  checkFromName,
  checkName,
  checkSubject,
  checkTags,
  checkTemplateRef,
  checkTracking,
  localPartWhy,
} from './fields.js';
import { byteLength, charLength, Findings } from './findings.js';

function checkRecipients(f: Findings, message: Message, caps: Capabilities): void {
  for (const field of ['to', 'cc', 'bcc'] as const) {
    const list = message[field];
    const max = caps.recipients[field];
    if (list.length > 0 && max === 0) f.cannot(field, `it has no ${field} recipients`);
    else if (list.length > max) f.over([field], `${max} recipients`, list.length);
    if (caps.recipients.names === false && list.some((a) => a.name !== undefined && a.name !== ''))
      f.cannot(`${field}.name`, 'it takes bare recipient addresses, without display names');
  }
  // The one to/bcc overlap rule: normalizeMessage leaves this pair to the provider.
  if (!caps.recipients.bccMayOverlapTo && message.bcc.length > 0 && message.to.length > 0) {
    const to = new Set(message.to.map((a) => a.address.toLowerCase()));
    message.bcc.forEach((a, index) => {
      if (to.has(a.address.toLowerCase()))
        f.issue(['bcc', index], `${f.provider} does not allow a recipient in both to and bcc`);
    });
  }
}

function checkReplyTo(f: Findings, message: Message, caps: Capabilities): void {
  const { replyTo } = message;
  if (replyTo.length === 0) return;
  if (caps.replyTo.max === 0) {
    f.cannot('replyTo', 'it has no reply-to address');
    return;
  }
  if (replyTo.length > caps.replyTo.max)
    f.over(['replyTo'], `${caps.replyTo.max} addresses`, replyTo.length);
  replyTo.forEach((a, index) => {
    checkName(f, 'replyTo', a, caps.replyTo.name, caps.replyTo.nameMaxLength, [
      'replyTo',
      index,
      'name',
    ]);
  });
}

function checkBodies(f: Findings, message: Message, caps: Capabilities): void {
  const { content } = caps;
  for (const field of ['html', 'text'] as const) {
    const body = message[field];
    if (body === undefined) continue;
    if (!content[field]) f.cannot(field, rawContentWhy(caps, field));
    else if (byteLength(body, content.bodyMaxBytes) > content.bodyMaxBytes) {
      f.over([field], `${content.bodyMaxBytes} bytes (UTF-8)`, utf8Length(body));
    }
  }
}

function rawContentWhy(caps: Capabilities, field: 'html' | 'text'): string {
  const { content } = caps;
  if (content.rawContentNote !== undefined) return content.rawContentNote;
  return content.template ? 'it sends stored templates only' : `it cannot send a ${field} body`;
}

function checkTemplate(f: Findings, message: Message, caps: Capabilities): void {
  const { content } = caps;
  const { template } = message;
  if (template === undefined) return;
  if (content.template === false) {
    f.cannot('template', 'it cannot send a stored template on single sends');
    return;
  }
  checkTemplateRef(f, ['template', 'id'], template.id, content.template, content.templateId);
  const max = content.templateDataMaxBytes;
  if (max !== undefined && template.data !== undefined && jsonBytesBound(template.data) > max) {
    const bytes = utf8Length(JSON.stringify(template.data));
    if (bytes > max) f.over(['template', 'data'], `${max} bytes of serialised JSON`, bytes);
  }
}

/**
 * An upper bound of the JSON size of template data, so the common small payload is not
 * serialised on every send: JSON escapes at most 6 bytes per UTF-16 unit (`\u0000`), plus
 * quotes, colon and comma per entry; a number prints in at most 24 characters.
 */
function jsonBytesBound(data: Readonly<Record<string, string | number | boolean>>): number {
  let bound = 2;
  for (const key in data) {
    const value = data[key];
    bound += key.length * 6 + 4 + (typeof value === 'string' ? value.length * 6 + 2 : 24);
  }
  return bound;
}

function checkAttachments(f: Findings, message: Message, caps: Capabilities): void {
  const { attachments } = message;
  if (attachments.length === 0) return;
  const limits = caps.attachments;
  if (limits === false) {
    f.cannot('attachments', 'it cannot send attachments');
    return;
  }
  if (attachments.length > limits.maxCount)
    f.over(['attachments'], `${limits.maxCount} attachments`, attachments.length);
  const nameMax = limits.filenameMaxLength;
  let total = 0;
  attachments.forEach((a, index) => {
    total += a.content.byteLength;
    if (limits.contentType === false && a.contentType !== undefined)
      f.cannot(`attachments.${index}.contentType`, 'it infers the media type from the file name');
    if (nameMax !== undefined && charLength(a.filename, nameMax) > nameMax) {
      const got = charLength(a.filename, Number.POSITIVE_INFINITY);
      f.over(['attachments', index, 'filename'], `${nameMax} characters`, got);
    }
  });
  if (total > limits.maxTotalBytes)
    f.over(['attachments'], `${limits.maxTotalBytes} bytes in total`, total);
}

/** The whole message (bodies and attachments together), when the provider bounds the sum. */
function checkMessageSize(f: Findings, message: Message, caps: Capabilities): void {
  const max = caps.content.messageMaxBytes;
  if (max === undefined) return;
  let bytes = 0;
  for (const a of message.attachments) bytes += a.content.byteLength;
  if (message.html !== undefined) bytes += utf8Length(message.html);
  if (message.text !== undefined) bytes += utf8Length(message.text);
  if (bytes > max) f.over(['attachments'], `${max} bytes for bodies and attachments`, bytes);
}

function checkHeaders(f: Findings, message: Message, caps: Capabilities): void {
  const count = Object.keys(message.headers).length;
  if (count === 0) return;
  if (caps.headers === false) {
    f.cannot('headers', 'it cannot send custom headers');
    return;
  }
  if (count > caps.headers.max) f.over(['headers'], `${caps.headers.max} headers`, count);
}

/** Addresses whose local part needs SMTPUTF8, refused unless the provider takes them. */
function checkLocalParts(f: Findings, message: Message, caps: Capabilities): void {
  if (caps.recipients.unicodeLocalPart === true) return;
  const fields = [
    ['from', [message.from]],
    ['to', message.to],
    ['cc', message.cc],
    ['bcc', message.bcc],
    ['replyTo', message.replyTo],
  ] as const;
  for (const [field, list] of fields) {
    if (list.some((a) => needsSmtpUtf8(a.address))) f.cannot(field, localPartWhy);
  }
}

/**
 * Check a normalised message against a provider's capabilities before any request. Throws
 * `unsupported` (naming the first field the provider cannot honour, and listing all in
 * `issues`) or else `invalid_input` listing every value over a documented limit.
 *
 * @example
 * ```ts
 * checkMessage(normalizeMessage(input), provider.capabilities);
 * ```
 */
export function checkMessage(message: Message, caps: Capabilities): void {
  const f = new Findings(caps.provider);
  checkLocalParts(f, message, caps);
  checkRecipients(f, message, caps);
  checkFromName(f, message.from, caps);
  checkReplyTo(f, message, caps);
  checkSubject(f, message.subject, caps.subject.maxLength);
  checkBodies(f, message, caps);
  checkTemplate(f, message, caps);
  checkAttachments(f, message, caps);
  checkMessageSize(f, message, caps);
  checkHeaders(f, message, caps);
  checkTags(f, message.tags, caps);
  checkTracking(f, message.tracking, caps);
  f.throwIfAny();
}
