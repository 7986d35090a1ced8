/**
 * Neutral message and batch -> DirectMail parameters (docs/providers/aliyun-dm.md SingleSendMail and
 * BatchSendMail), plus the checks capabilities cannot express. Each field's rule names its
 * source; nothing is dropped silently: what DirectMail cannot carry is `unsupported`.
 */
import type { Batch, Message, TemplateRef, Tracking } from '@mailbridge/core';
import { invalidInput, unsupported } from '@mailbridge/core/provider';
import type { AliyunDmRequest } from './actions.js';
import { PROVIDER_ID } from './config.js';
import { optionParams, readOptions } from './options.js';

/**
 * Checks beyond what the core checks from `capabilities` (recipient names, reply-to alias
 * length, body or template, batch subject and names are all there), before any request:
 * - SingleSendMail has no send without `ToAddress` (bcc alone would be `MissingToAddress`);
 * - `replyTo` and `replyToAddress: true` are two ways to say the same thing: pick one;
 * - tracking needs a tag (`ClickTrace` requires `TagName`);
 * - opens and clicks are one switch (`ClickTrace=1`), so they cannot be set apart.
 * Facts: docs/providers/aliyun-dm.md.
 */
export function validateMessage(message: Message): void {
  const options = readOptions(message.providerOptions);
  if (message.to.length === 0) {
    throw invalidInput(
      [{ path: ['to'], message: 'DirectMail needs at least one `to` address' }],
      PROVIDER_ID,
    );
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
 * Batch checks beyond the capabilities (no schedule, no subject, no sender name, name lengths
 * are the core's): no console reply-to flag (BatchSendMail has no `ReplyToAddress`), and the
 * tracking rules of single sends.
 */
export function validateBatch(batch: Batch): void {
  const options = readOptions(batch.providerOptions);
  if (options.replyToAddress !== undefined) {
    throw unsupported(
      PROVIDER_ID,
      `providerOptions.${PROVIDER_ID}.replyToAddress`,
      'BatchSendMail has no ReplyToAddress flag; use replyTo',
    );
  }
  checkTracking(batch.tracking, batch.tags);
}

/** The BatchSendMail parameters of a validated batch: template and group by name. */
export function batchParams(batch: Batch): AliyunDmRequest<'BatchSendMail'> {
  const options = readOptions(batch.providerOptions);
  const templateName = String(batch.template.id);
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
 * parameter (SDK 1.9.0 SingleSendMailRequest; docs/providers/aliyun-dm.md). Values go as strings.
 *
 * @see https://www.alibabacloud.com/help/en/direct-mail/api-dm-2015-11-23-singlesendmail
 */
function templateParam(template: TemplateRef): Record<string, unknown> {
  const data = Object.fromEntries(
    Object.entries(template.data ?? {}).map(([key, value]) => [key, String(value)]),
  );
  return { TemplateId: String(template.id), TemplateData: data };
}

function isTracked(tracking: Tracking): boolean {
  return tracking.opens === true || tracking.clicks === true;
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
