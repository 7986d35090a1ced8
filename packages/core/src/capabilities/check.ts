/**
 * Capability checks: a normalised message or batch against what the chosen provider can do,
 * before any request. A field the provider cannot honour at all is `unsupported`; a value
 * beyond a documented limit is `invalid_input` naming the field, the limit and the provider.
 * Nothing is silently dropped or truncated.
 */

import type { Issue } from '../errors.js';
import { needsSmtpUtf8, utf8Length } from '../message/address.js';
import type { Address, Batch, Message, Tracking } from '../message/message.js';
import type { Capabilities } from './capabilities.js';
import { byteLength, charLength, Findings } from './findings.js';

function checkName(
  f: Findings,
  field: 'from' | 'replyTo',
  address: Address,
  allowed: boolean,
  max?: number,
  path: Issue['path'] = [field, 'name'],
): void {
  if (address.name === undefined) return;
  if (!allowed) f.cannot(`${field}.name`, `it cannot send a display name in ${field}`);
  else if (max !== undefined && charLength(address.name, max) > max)
    f.over(path, `${max} characters`, charLength(address.name, Number.POSITIVE_INFINITY));
}

function checkRecipients(f: Findings, message: Message, caps: Capabilities): void {
  for (const field of ['to', 'cc', 'bcc'] as const) {
    const count = message[field].length;
    const max = caps.recipients[field];
    if (count > 0 && max === 0) f.cannot(field, `it has no ${field} recipients`);
    else if (count > max) f.over([field], `${max} recipients`, count);
  }
  if (!caps.recipients.bccMayOverlapTo && message.bcc.length > 0) {
    const to = new Set(message.to.map((a) => a.address.toLowerCase()));
    message.bcc.forEach((a, index) => {
      if (to.has(a.address.toLowerCase()))
        f.issue(['bcc', index], `${f.provider} does not allow a recipient in both to and bcc`);
    });
  }
}

function checkReplyTo(f: Findings, replyTo: readonly Address[], caps: Capabilities): void {
  if (replyTo.length === 0) return;
  if (caps.replyTo.max === 0) {
    f.cannot('replyTo', 'it has no reply-to address');
    return;
  }
  if (replyTo.length > caps.replyTo.max)
    f.over(['replyTo'], `${caps.replyTo.max} addresses`, replyTo.length);
  replyTo.forEach((a, index) => {
    checkName(f, 'replyTo', a, caps.replyTo.name, undefined, ['replyTo', index, 'name']);
  });
}

function checkTemplateRef(
  f: Findings,
  path: Issue['path'],
  id: string | number,
  kind: 'name' | 'id',
): void {
  if (kind === 'id' && !(typeof id === 'number' ? Number.isSafeInteger(id) : /^[0-9]+$/.test(id))) {
    f.issue(
      path,
      `${f.provider} references templates by numeric id: expected a number or a numeric string`,
    );
  }
  if (kind === 'name' && (typeof id !== 'string' || id.trim() === '')) {
    f.issue(path, `${f.provider} references templates by name: expected a non-empty string`);
  }
}

function checkContent(f: Findings, message: Message, caps: Capabilities): void {
  const { content } = caps;
  for (const field of ['html', 'text'] as const) {
    const body = message[field];
    if (body === undefined) continue;
    if (!content[field])
      f.cannot(
        field,
        content.template ? 'it sends stored templates only' : `it cannot send a ${field} body`,
      );
    else if (byteLength(body, content.bodyMaxBytes) > content.bodyMaxBytes) {
      f.over([field], `${content.bodyMaxBytes} bytes (UTF-8)`, utf8Length(body));
    }
  }
  const { template } = message;
  if (template === undefined) return;
  if (content.template === false) {
    f.cannot('template', 'it cannot send a stored template on single sends');
    return;
  }
  checkTemplateRef(f, ['template', 'id'], template.id, content.template);
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
  let total = 0;
  for (const a of attachments) total += a.content.byteLength;
  if (total > limits.maxTotalBytes)
    f.over(['attachments'], `${limits.maxTotalBytes} bytes in total`, total);
}

function checkHeaders(
  f: Findings,
  headers: Readonly<Record<string, string>>,
  caps: Capabilities,
): void {
  const count = Object.keys(headers).length;
  if (count === 0) return;
  if (caps.headers === false) {
    f.cannot('headers', 'it cannot send custom headers');
    return;
  }
  if (count > caps.headers.max) f.over(['headers'], `${caps.headers.max} headers`, count);
}

function checkTags(f: Findings, tags: readonly string[], caps: Capabilities): void {
  if (tags.length === 0) return;
  const { max, pattern, maxLength } = caps.tags;
  if (max === 0) {
    f.cannot('tags', 'it cannot tag messages');
    return;
  }
  if (tags.length > max) f.over(['tags'], `${max} tags`, tags.length);
  // A global or sticky pattern would carry lastIndex between tests; use a stateless copy.
  const test =
    pattern && (pattern.global || pattern.sticky)
      ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))
      : pattern;
  tags.forEach((tag, index) => {
    if (maxLength !== undefined && charLength(tag, maxLength) > maxLength) {
      f.over(['tags', index], `${maxLength} characters`, charLength(tag, Number.POSITIVE_INFINITY));
    } else if (test && !test.test(tag)) {
      f.issue(
        ['tags', index],
        `tag does not match ${String(test)}, the tag syntax of ${f.provider}`,
      );
    }
  });
}

function checkTracking(f: Findings, tracking: Tracking, caps: Capabilities): void {
  if (tracking.opens === true && !caps.tracking.opens)
    f.cannot('tracking.opens', 'it cannot track opens');
  if (tracking.clicks === true && !caps.tracking.clicks)
    f.cannot('tracking.clicks', 'it cannot track clicks');
}

function checkSubject(f: Findings, subject: string | undefined, caps: Capabilities): void {
  const max = caps.subject.maxLength;
  if (subject !== undefined && charLength(subject, max) > max) {
    f.over(['subject'], `${max} characters`, charLength(subject, Number.POSITIVE_INFINITY));
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
  checkName(f, 'from', message.from, caps.from.name, caps.from.nameMaxLength);
  checkReplyTo(f, message.replyTo, caps);
  checkSubject(f, message.subject, caps);
  checkContent(f, message, caps);
  checkAttachments(f, message, caps);
  checkHeaders(f, message.headers, caps);
  checkTags(f, message.tags, caps);
  checkTracking(f, message.tracking, caps);
  f.throwIfAny();
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
    if (list.some((a) => needsSmtpUtf8(a.address))) {
      f.cannot(field, 'it accepts only ASCII, unquoted local parts (before the "@")');
    }
  }
}

function checkSchedule(f: Findings, batch: Batch, caps: Capabilities): void {
  const { schedule } = batch;
  if (schedule === undefined) return;
  const recurring = 'every' in schedule;
  if (!caps.schedule.timed && !caps.schedule.recurring) {
    f.cannot(
      'schedule',
      'it has no native scheduling; send at the chosen time yourself, or configure a scheduler',
    );
  } else if (recurring && !caps.schedule.recurring) {
    f.cannot('schedule', 'it has no native recurring scheduling (timed sends only)');
  } else if (!recurring && !caps.schedule.timed) {
    f.cannot('schedule', 'it has no native timed scheduling (recurring sends only)');
  }
}

/**
 * Check a normalised batch against a provider's capabilities: scheduling support, the
 * template reference kind (`'id'` needs a numeric id, `'name'` a non-empty string), sender
 * and reply-to names, subject length, tags and tracking. Throws like `checkMessage`.
 */
export function checkBatch(batch: Batch, caps: Capabilities): void {
  const f = new Findings(caps.provider);
  if (caps.recipients.unicodeLocalPart !== true && needsSmtpUtf8(batch.from.address)) {
    f.cannot('from', 'it accepts only ASCII, unquoted local parts (before the "@")');
  }
  checkName(f, 'from', batch.from, caps.from.name, caps.from.nameMaxLength);
  if (batch.replyTo !== undefined) {
    if (caps.replyTo.max === 0) f.cannot('replyTo', 'it has no reply-to address');
    else checkName(f, 'replyTo', batch.replyTo, caps.replyTo.name);
  }
  checkSubject(f, batch.subject, caps);
  checkTemplateRef(f, ['template', 'id'], batch.template.id, caps.content.batchTemplate);
  checkTags(f, batch.tags, caps);
  checkTracking(f, batch.tracking, caps);
  checkSchedule(f, batch, caps);
  f.throwIfAny();
}
