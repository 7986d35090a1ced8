import type { OutboxEntry } from '../types.js';
import type { DmCall } from './call.js';
import { fail, invalid } from './errors.js';
import type { DmParams } from './params.js';
import { type DmBody, RawNumber } from './render.js';
import {
  checkAddressType,
  checkOptions,
  checkSender,
  fromHeader,
  readHeaders,
  readReply,
  readTag,
  renderTemplate,
} from './send-common.js';
import type { DmSender, DmState } from './state.js';
import { charLength, isEmail, oneOf, required } from './validate.js';

/**
 * Limits (docs/providers/aliyun-dm-limits.md "Sending (SingleSendMail, BatchSendMail)"). Subject:
 * 256, the SDK and current API reference (the 2019 manual said 100: "Decisions where sources
 * disagree").
 */
const MAX_TO = 100;
const MAX_BCC = 2;
const MAX_SUBJECT = 256;
/** Body size: about 80 KB as a URL parameter, about 8 MB as a form-body parameter. */
const MAX_BODY_IN_QUERY = 80 * 1024;
const MAX_BODY_IN_FORM = 8 * 1024 * 1024;

function splitAddresses(list: string): string[] {
  return list
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** ToAddress: 1–100 comma-separated addresses, none on the invalid-address list. */
function readRecipients(params: DmParams, state: DmState): string[] {
  const to = splitAddresses(required(params, 'ToAddress'));
  if (to.length === 0) fail('InvalidToAddress', 'No address given.');
  if (to.length > MAX_TO) fail('InvalidToAddress', `${to.length} addresses; at most ${MAX_TO}.`);
  const bad = to.find((a) => !isEmail(a));
  if (bad !== undefined) fail('InvalidToAddress', `Got "${bad}".`);
  const blocked = to.find((a) => state.invalidAddresses.has(a.toLowerCase()));
  if (blocked !== undefined)
    fail('InvalidToAddress.Spam', `${blocked} is on the invalid-address list.`);
  return to;
}

/** BccAddress: at most 2 addresses (SDK). */
function readBcc(params: DmParams): string[] {
  const raw = params.opt('BccAddress');
  if (raw === undefined) return [];
  const bcc = splitAddresses(raw);
  if (bcc.length > MAX_BCC) invalid('BccAddress', `at most ${MAX_BCC} addresses.`);
  const bad = bcc.find((a) => !isEmail(a));
  if (bad !== undefined) invalid('BccAddress', `"${bad}" is not an address.`);
  return bcc;
}

function checkBodySize(params: DmParams, name: 'HtmlBody' | 'TextBody'): string | undefined {
  const value = params.opt(name);
  if (value === undefined) return undefined;
  const limit = params.source(name) === 'query' ? MAX_BODY_IN_QUERY : MAX_BODY_IN_FORM;
  if (Buffer.byteLength(value, 'utf8') > limit) {
    fail('InvalidBody', `${name} is over ${limit} bytes (${params.source(name)} parameter).`);
  }
  return value;
}

interface Content {
  readonly subject: string;
  readonly html?: string;
  readonly text?: string;
  readonly templateId?: string;
  readonly templateData?: Readonly<Record<string, string>>;
}

/** `Template` = `{"TemplateId":"…","TemplateData":{…}}` as a JSON string (SDK). */
function readTemplate(params: DmParams, state: DmState): Content | undefined {
  const raw = params.opt('Template');
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    invalid('Template', 'expected a JSON object.');
  }
  if (typeof parsed !== 'object' || parsed === null) invalid('Template', 'expected a JSON object.');
  const { TemplateId: id, TemplateData: vars } = parsed as {
    TemplateId?: unknown;
    TemplateData?: unknown;
  };
  const template = state.templates.get(String(id));
  if (!template) fail('InvalidTemplate.NotFound', `No template with id ${String(id)}.`);
  if (template.status !== 'approved') fail('InvalidTemplateStatus.Malformed', 'Not approved.');
  const data = stringValues(vars);
  return {
    subject: renderTemplate(required(params, 'Subject'), data),
    ...(template.html !== undefined && { html: renderTemplate(template.html, data) }),
    ...(template.text !== undefined && { text: renderTemplate(template.text, data) }),
    templateId: template.name,
    templateData: data,
  };
}

function stringValues(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, item] of Object.entries(value)) out[key] = String(item);
  return out;
}

/**
 * Subject ≤256, FromAlias < 15 characters, and a body or a template (2019 manual, SDK;
 * docs/providers/aliyun-dm-limits.md "Decisions where sources disagree").
 */
function readContent(params: DmParams, state: DmState): Content {
  const subject = required(params, 'Subject');
  if (charLength(subject) > MAX_SUBJECT)
    fail('InvalidSubject.Malformed', `Over ${MAX_SUBJECT} characters.`);
  const alias = params.opt('FromAlias');
  if (alias !== undefined && charLength(alias) >= 15) {
    fail('InvalidFromAlias.Malformed', 'Use fewer than 15 characters.');
  }
  const html = checkBodySize(params, 'HtmlBody');
  const text = checkBodySize(params, 'TextBody');
  const fromTemplate = readTemplate(params, state);
  if (fromTemplate) return fromTemplate;
  if (html === undefined && text === undefined) fail('InvalidBody', 'Give HtmlBody or TextBody.');
  return { subject, ...(html !== undefined && { html }), ...(text !== undefined && { text }) };
}

/** ReplyToAddress=true uses the console reply-to address, which must be verified. */
function replyTo(params: DmParams, sender: DmSender): string | undefined {
  const useConsole = oneOf(params, 'ReplyToAddress', ['true', 'false']);
  const explicit = readReply(params).address;
  if (explicit !== undefined || useConsole !== 'true') return explicit;
  if (!sender.replyAddress || !sender.replyVerified) {
    fail('InvalidReplyAddress.Malformed', `${sender.address} has no verified reply-to address.`);
  }
  return sender.replyAddress;
}

/** Attachments.N.AttachmentName / AttachmentUrl (SDK); only the names are recorded. */
function readAttachments(params: DmParams): { name: string; size: number }[] {
  const out: { name: string; size: number }[] = [];
  for (let n = 1; n <= 100; n++) {
    const name = params.opt(`Attachments.${n}.AttachmentName`);
    if (name === undefined) break;
    out.push({ name, size: 0 });
  }
  return out;
}

/**
 * SingleSendMail (docs/providers/aliyun-dm.md "Sending" and "Error codes"): one EnvId for the call,
 * one outbox copy per ToAddress recipient, plus one per BCC address (marked by `bcc`).
 */
export function singleSendMail(call: DmCall): DmBody {
  const { params, state } = call;
  const accountName = required(params, 'AccountName');
  required(params, 'AddressType');
  checkAddressType(params);
  required(params, 'ReplyToAddress');
  required(params, 'ToAddress');
  required(params, 'Subject');
  checkOptions(params);
  const sender = checkSender(state, accountName, 'trigger');
  const to = readRecipients(params, state);
  const content = readContent(params, state);
  const reply = replyTo(params, sender);
  const tag = readTag(params, state);
  const bcc = readBcc(params);
  const headers = readHeaders(params);
  const attachments = readAttachments(params);
  const envId = state.nextEnvId();
  const base = {
    provider: 'aliyun-dm' as const,
    action: 'SingleSendMail',
    from: fromHeader(sender.address, params.opt('FromAlias')),
    ...content,
    ...(reply !== undefined && { replyTo: reply }),
    ...(tag !== undefined && { tag }),
    ...(headers !== undefined && { headers }),
    ...(attachments.length > 0 && { attachments }),
    time: call.now,
    requestId: call.requestId,
    messageId: envId,
  };
  const copies: OutboxEntry[] = [
    ...to.map((address) => ({ ...base, to: address })),
    ...bcc.map((address) => ({ ...base, to: address, bcc: [address] })),
  ];
  call.ctx.deliver(copies);
  return { EnvId: new RawNumber(envId) };
}
