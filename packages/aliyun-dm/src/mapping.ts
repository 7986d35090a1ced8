/**
 * Neutral message and batch -> DirectMail parameters (aliyun-dm.md §3.2 SingleSendMail and
 * BatchSendMail), plus the checks capabilities cannot express. Each field's rule names its
 * source; nothing is dropped silently: what DirectMail cannot carry is `unsupported`.
 */
import {
  type Batch,
  invalidInput,
  type Message,
  type TemplateRef,
  type Tracking,
  unsupported,
} from '@mailbridge/core';
import type { AliyunDmRequest } from './actions.js';
import { PROVIDER_ID } from './config.js';
import { optionParams, readOptions } from './options.js';

/** `ReplyAddressAlias`: at most 15 characters (S003 error text, §4). */
export const REPLY_ALIAS_MAX = 15;

/**
 * BatchSendMail's `TemplateName` and `ReceiversName`: 1 to 30 characters (S003
 * `InvalidTemplateName.Malformed`; SDK). The request schema says so too, but the neutral path
 * does not run it (provider.ts `envelopeOperation`), so the mapping checks it.
 */
export const BATCH_NAME_MAX = 30;

/**
 * Checks beyond capabilities, before any request:
 * - `to`/`bcc` display names: `ToAddress`/`BccAddress` take bare addresses;
 * - `replyTo` and `replyToAddress: true` are two ways to say the same thing: pick one;
 * - tracking needs a tag (`ClickTrace` requires `TagName`, §3.2, §6.2);
 * - opens and clicks are one switch (`ClickTrace=1`), so they cannot be set apart;
 * - a body or a template, not both: `Template` replaces `HtmlBody`/`TextBody` (SDK), so a body
 *   sent beside it would be dropped silently; with neither, DirectMail answers `InvalidBody`.
 */
export function validateMessage(message: Message): void {
  const options = readOptions(message.providerOptions);
  checkBody(message);
  if (message.to.length === 0) {
    // SingleSendMail has no send without ToAddress (bcc alone would be `MissingToAddress`).
    throw invalidInput(
      [{ path: ['to'], message: 'DirectMail needs at least one `to` address' }],
      PROVIDER_ID,
    );
  }
  for (const field of ['to', 'bcc'] as const) {
    const index = message[field].findIndex((a) => a.name !== undefined && a.name !== '');
    if (index !== -1) {
      throw unsupported(
        PROVIDER_ID,
        `${field}.name`,
        `${recipientParam(field)} takes bare addresses, without display names`,
      );
    }
  }
  if (options.replyToAddress === true && message.replyTo.length > 0) {
    throw invalidInput(
      [
        {
          path: ['replyTo'],
          message: "give either replyTo or providerOptions['aliyun-dm'].replyToAddress, not both",
        },
      ],
      PROVIDER_ID,
    );
  }
  checkReplyAlias(message.replyTo[0]?.name);
  checkTracking(message.tracking, message.tags);
}

/**
 * The SingleSendMail parameters of a validated message. Optional parameters are assigned, not
 * spread in: V8 defines each property written after a spread on a slow path, which made this
 * object cost more than the rest of the mapping together.
 */
export function sendParams(message: Message): AliyunDmRequest<'SingleSendMail'> {
  const options = readOptions(message.providerOptions);
  const params: AliyunDmRequest<'SingleSendMail'> = Object.assign(optionParams(options), {
    AccountName: message.from.address,
    // `ReplyToAddress` is required; `true` means "the console-configured reply-to".
    ReplyToAddress: options.replyToAddress ?? false,
    ToAddress: message.to.map((a) => a.address).join(','),
    Subject: message.subject,
  });
  if (message.from.name) params.FromAlias = message.from.name;
  const replyTo = message.replyTo[0];
  if (replyTo) params.ReplyAddress = replyTo.address;
  if (replyTo?.name) params.ReplyAddressAlias = replyTo.name;
  if (message.bcc.length > 0) params.BccAddress = message.bcc.map((a) => a.address).join(',');
  if (message.html !== undefined) params.HtmlBody = message.html;
  if (message.text !== undefined) params.TextBody = message.text;
  if (message.template !== undefined) params.Template = templateParam(message.template);
  const tag = message.tags[0];
  if (tag !== undefined) params.TagName = tag;
  if (isTracked(message.tracking)) params.ClickTrace = '1';
  if (Object.keys(message.headers).length > 0) params.Headers = JSON.stringify(message.headers);
  return params;
}

/**
 * Batch checks: no scheduling (BatchSendMail has no send-time field, §3.2; Surprises 19), no
 * subject (the template's is used), no sender display name (no `FromAlias` on BatchSendMail),
 * and no console reply-to flag (no `ReplyToAddress` on BatchSendMail).
 */
export function validateBatch(batch: Batch): void {
  if (batch.schedule !== undefined) {
    throw unsupported(
      PROVIDER_ID,
      'schedule',
      'DirectMail has no native scheduling: BatchSendMail sends at once and has no send-time field',
    );
  }
  if (batch.subject !== undefined) {
    throw unsupported(PROVIDER_ID, 'subject', "BatchSendMail uses the template's subject");
  }
  if (batch.from.name) {
    throw unsupported(PROVIDER_ID, 'from.name', 'BatchSendMail has no FromAlias parameter');
  }
  const options = readOptions(batch.providerOptions);
  if (options.replyToAddress !== undefined) {
    throw unsupported(
      PROVIDER_ID,
      `providerOptions.${PROVIDER_ID}.replyToAddress`,
      'BatchSendMail has no ReplyToAddress flag; use replyTo',
    );
  }
  checkReplyAlias(batch.replyTo?.name);
  checkTracking(batch.tracking, batch.tags);
}

/** The BatchSendMail parameters of a validated batch: template and group by name. */
export function batchParams(batch: Batch): AliyunDmRequest<'BatchSendMail'> {
  const options = readOptions(batch.providerOptions);
  const templateName = String(batch.template.id);
  checkBatchName(['template', 'id'], 'TemplateName', templateName);
  checkBatchName(['group'], 'ReceiversName', batch.group);
  const params: AliyunDmRequest<'BatchSendMail'> = Object.assign(optionParams(options), {
    AccountName: batch.from.address,
    TemplateName: templateName,
    ReceiversName: batch.group,
  });
  if (batch.replyTo) params.ReplyAddress = batch.replyTo.address;
  if (batch.replyTo?.name) params.ReplyAddressAlias = batch.replyTo.name;
  const tag = batch.tags[0];
  if (tag !== undefined) params.TagName = tag;
  if (isTracked(batch.tracking)) params.ClickTrace = '1';
  return params;
}

/**
 * `Template` = `{"TemplateId":"…","TemplateData":{"var":"value"}}`, sent as one JSON-string
 * parameter (SDK 1.9.0 SingleSendMailRequest; aliyun-dm.md §3.2). Values go as strings.
 *
 * @see https://www.alibabacloud.com/help/en/direct-mail/api-dm-2015-11-23-singlesendmail
 */
function templateParam(template: TemplateRef): Record<string, unknown> {
  const data = Object.fromEntries(
    Object.entries(template.data ?? {}).map(([key, value]) => [key, String(value)]),
  );
  return { TemplateId: String(template.id), TemplateData: data };
}

function checkBody(message: Message): void {
  const hasBody = message.html !== undefined || message.text !== undefined;
  if (hasBody && message.template !== undefined) {
    throw invalidInput(
      [{ path: ['template'], message: 'send a template or an html/text body, not both' }],
      PROVIDER_ID,
    );
  }
  if (!hasBody && message.template === undefined) {
    throw invalidInput(
      [{ path: ['html'], message: 'DirectMail needs an html or text body, or a template' }],
      PROVIDER_ID,
    );
  }
}

function recipientParam(field: 'to' | 'bcc'): string {
  return field === 'to' ? 'ToAddress' : 'BccAddress';
}

function isTracked(tracking: Tracking): boolean {
  return tracking.opens === true || tracking.clicks === true;
}

function checkReplyAlias(name: string | undefined): void {
  if (name !== undefined && [...name].length > REPLY_ALIAS_MAX) {
    throw invalidInput(
      [
        {
          path: ['replyTo', 'name'],
          message: `ReplyAddressAlias is at most ${REPLY_ALIAS_MAX} characters`,
        },
      ],
      PROVIDER_ID,
    );
  }
}

function checkBatchName(path: string[], param: string, name: string): void {
  const length = [...name].length;
  if (length >= 1 && length <= BATCH_NAME_MAX) return;
  throw invalidInput(
    [{ path, message: `${param} is 1 to ${BATCH_NAME_MAX} characters, got ${length}` }],
    PROVIDER_ID,
  );
}

function checkTracking(tracking: Tracking, tags: readonly string[]): void {
  if (!isTracked(tracking)) return;
  if (tracking.opens === false || tracking.clicks === false) {
    throw unsupported(
      PROVIDER_ID,
      'tracking',
      'ClickTrace turns open and click tracking on together',
    );
  }
  if (tags.length === 0) {
    throw invalidInput(
      [{ path: ['tags'], message: 'DirectMail tracking (ClickTrace) needs a tag (TagName)' }],
      PROVIDER_ID,
    );
  }
}
