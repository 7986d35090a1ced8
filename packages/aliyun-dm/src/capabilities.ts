/**
 * What DirectMail can do, as data the core checks every message against before any request.
 * Every number names its source in docs/providers/aliyun-dm.md ("Sending", "Rate limits") or
 * docs/providers/aliyun-dm-limits.md.
 */
import type { Capabilities, RateLimit, ResourceCapabilities } from '@mailbridge/core';
import { PROVIDER_ID } from './config.js';

const QUOTA = 'the API reference quota page (docs/providers/aliyun-dm.md "Rate limits")';
const perSecond = (requests: number, source = QUOTA): RateLimit => ({
  requests,
  perMs: 1_000,
  source,
});
const perMinute = (requests: number, source = QUOTA): RateLimit => ({
  requests,
  perMs: 60_000,
  source,
});

/**
 * Client-side rate limits per action (docs/providers/aliyun-dm.md, "Rate limits"). Actions without a
 * documented limit are not limited client-side; the server's `Throttling` is retried instead.
 */
export const RATE_LIMITS: Readonly<Record<string, RateLimit>> = {
  SingleSendMail: perSecond(100, 'official answer developer.aliyun.com/ask/478816 (2022): 100 QPS'),
  // 20/min in China, 10/min overseas (same answer); the quota page says 20/60s. The lower
  // overseas figure would halve Hangzhou users for no reason, so it is an override, not the default.
  BatchSendMail: perMinute(20),
  SenderStatisticsDetailByParam: perMinute(
    500,
    'the DirectMail statistics manual (500/min) and the API reference quota page (500/60s)',
  ),
  SenderStatisticsByTagNameAndBatchID: perMinute(50, 'the DirectMail statistics API doc: 50/min'),
  QueryTemplateByParam: perSecond(20),
  DescTemplate: perSecond(20),
  DeleteReceiverDetail: perSecond(20),
  QueryMailAddressByParam: perSecond(5),
  QueryReceiverDetail: perSecond(2),
  CreateReceiver: perMinute(10),
  CheckDomain: perMinute(10),
  DescAccountSummary: perMinute(10),
  DeleteMailAddress: perSecond(10),
  ModifyMailAddress: perMinute(300),
  CreateTag: { requests: 30, perMs: 10_000, source: QUOTA },
  ValidateEmail: perSecond(50),
  GetTrackListByMailFromAndTagName: perMinute(60),
  SendTestByTemplate: perMinute(60),
  GetIpfilterList: perMinute(60),
  UpdateIpProtection: perMinute(60),
  // Messages with attachments (smtp/send.ts): 5000 per 180 s (docs/providers/aliyun-dm-smtp.md).
  SMTP: { requests: 5_000, perMs: 180_000, source: QUOTA },
};

/** `ReplyAddressAlias`: at most 15 characters. */
export const REPLY_ALIAS_MAX = 15;

/** BatchSendMail's `TemplateName` and `ReceiversName`: 1 to 30 characters. */
const BATCH_NAME = /^.{1,30}$/su;

/** `TagName`: 1–128 characters of `[A-Za-z0-9_-]` (SDK, docs/providers/aliyun-dm.md). */
export const TAG_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Account resources (docs/providers/resources.md): templates are read-only through the API
 * (console only for the rest); one address per CreateUserSuppression; removal by entry id;
 * statistics span at most 7 days and start at most 30 days ago.
 */
const RESOURCE_CAPABILITIES: ResourceCapabilities = {
  templates: { create: false, update: false, delete: false },
  senders: { create: true, delete: true, name: false },
  domains: { create: true, delete: true },
  suppression: { addChunk: 1, removeBy: 'id' },
  stats: { maxSpanDays: 7, maxAgeDays: 30 },
  pageSize: 50,
};

/**
 * DirectMail capabilities.
 * - `to` 100 comma-separated addresses, each receiving its own copy (not visible to each other);
 *   `cc` none; `bcc` 2 (`BccAddress`, SDK).
 * - `from.name` is `FromAlias`, fewer than 15 characters (14 is the safe maximum).
 * - `replyTo`: one explicit `ReplyAddress` with `ReplyAddressAlias` (≤15).
 * - Subject 256 characters (SDK and current API reference; the 2019 manual said 100:
 *   docs/providers/aliyun-dm-limits.md "Decisions where sources disagree"). Bodies about 8 MB as
 *   a POST form parameter (SDK remark), which is how this adapter sends them.
 * - Single sends take a stored template through the SDK's `Template` parameter
 *   (`{TemplateId, TemplateData}` as JSON, docs/providers/aliyun-dm.md; not in the 2019 manual, which predates it), by the
 *   numeric `TemplateId` QueryTemplateByParam returns. Batches reference templates by name.
 * - Attachments go over DirectMail's SMTP interface (smtp/, docs/providers/aliyun-dm-smtp.md):
 *   at most 100 per message and 15 MB for the whole message as sent; base64 grows the bytes by
 *   about 37% (76-character lines), so 10 MiB of attachments leaves room for headers and bodies.
 * - `Headers`: at most 10 (extras silently dropped by DirectMail, so the core refuses them).
 * - One `TagName`; `ClickTrace=1` turns on open *and* click tracking together (the BatchSendMail doc, docs/providers/aliyun-dm.md), so
 *   both are reported, and either one requested enables it (with a tag, docs/providers/aliyun-dm.md).
 * - No scheduling field on BatchSendMail (docs/providers/aliyun-dm.md).
 * - Receiver lists: 500 per SaveReceiverDetail, per-recipient data, single-recipient delete;
 *   at most 10 lists of at most 10,000 recipients each.
 */
export const capabilities: Capabilities = {
  provider: PROVIDER_ID,
  recipients: {
    to: 100,
    cc: 0,
    bcc: 2,
    toVisibleToEachOther: false,
    bccMayOverlapTo: false,
    // `ToAddress`/`BccAddress` are comma-separated bare addresses.
    names: false,
  },
  from: { name: true, nameMaxLength: 14 },
  // `ReplyAddressAlias`: at most 15 characters.
  replyTo: { max: 1, name: true, nameMaxLength: REPLY_ALIAS_MAX },
  subject: { maxLength: 256 },
  content: {
    html: true,
    text: true,
    bodyMaxBytes: 8 * 1024 * 1024,
    template: 'id',
    batchTemplate: 'name',
  },
  attachments: { maxCount: 100, maxTotalBytes: 10 * 1024 * 1024 },
  headers: { max: 10 },
  tags: { max: 1, pattern: TAG_PATTERN, maxLength: 128 },
  tracking: { opens: true, clicks: true },
  schedule: {
    timed: false,
    recurring: false,
    note: 'BatchSendMail sends at once and has no send-time field',
  },
  batch: {
    // BatchSendMail has neither `Subject` (the template's is used) nor `FromAlias`.
    subject: false,
    fromName: false,
    template: { pattern: BATCH_NAME, description: 'a TemplateName of 1 to 30 characters' },
    group: { pattern: BATCH_NAME, description: 'a ReceiversName of 1 to 30 characters' },
  },
  groups: {
    uploadChunk: 500,
    removeRecipients: true,
    recipientData: true,
    // SaveReceiverDetail keeps a recipient's name as `u`, the template variable {UserName}.
    recipientNameKey: 'UserName',
    pageSize: 50,
    // CreateReceiver's ReceiversName: 1-30 characters (SDK request model).
    nameMaxLength: 30,
    // "You can add up to 10 recipient lists … the maximum number [of addresses] is 10000"
    // (docs/providers/aliyun-dm-limits.md, "Recipient lists and tags").
    maxPerGroup: 10_000,
    maxGroups: 10,
  },
  resources: RESOURCE_CAPABILITIES,
  rateLimits: RATE_LIMITS,
};
