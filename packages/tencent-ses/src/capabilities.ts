/**
 * What Tencent SES can do, as data the core and users can query, built from the config because raw
 * html/text depends on the account's `Simple` permission. Sources: docs/providers/tencent-ses.md
 */
import type { Capabilities, RateLimit, ResourceCapabilities } from '@mailbridge/core';
import { TENCENT_SES_ACTION_NAMES, TENCENT_SES_ACTIONS } from './actions.js';
import { PROVIDER_ID } from './config.js';
import { RECIPIENT_DATA_MAX_BYTES } from './groups.js';
import { BATCH_SUBJECT_MAX, EMAIL_MAX_BYTES, SEND_SUBJECT_MAX } from './limits.js';

const MB = 1024 * 1024;

/**
 * What SES can do with the account resources: templates, senders and domains in full; the
 * custom blocklist takes a list of addresses per call (no maximum documented: 100 per call here)
 * and removes by address. GetStatisticsReport states no range limit; 31 days per request and
 * a year back are this library's assumption.
 */
export const RESOURCE_CAPABILITIES: ResourceCapabilities = {
  templates: { create: true, update: true, delete: true },
  senders: { create: true, delete: true, name: true },
  domains: { create: true, delete: true },
  suppression: { addChunk: 100, removeBy: 'address' },
  stats: { maxSpanDays: 31, maxAgeDays: 365 },
  // ListEmailTemplates, ListEmailIdentities, ListCustomBlacklist: Limit at most 100 (docs/providers/tencent-ses.md).
  pageSize: 100,
};

/** The documented default: 20 requests per second per action (docs/providers/tencent-ses.md "Groups, limits, errors"). */
export const DEFAULT_REQUESTS_PER_SECOND = 20;

/** Per-action rate limits with where each number was read, then the overrides. */
export function tencentSesRateLimits(
  override?: number | Readonly<Record<string, RateLimit>>,
): Readonly<Record<string, RateLimit>> {
  const limits: Record<string, RateLimit> = {};
  for (const action of TENCENT_SES_ACTION_NAMES) {
    const documented = TENCENT_SES_ACTIONS[action].limitSource === 'doc';
    limits[action] =
      typeof override === 'number'
        ? { requests: override, perMs: 1000, source: 'config rateLimit' }
        : {
            requests: DEFAULT_REQUESTS_PER_SECOND,
            perMs: 1000,
            source: documented
              ? `docs/providers/tencent-ses.md: the ${action} doc page states 20 req/s`
              : 'docs/providers/tencent-ses.md: assumed from the FAQ default of 20 req/s per account',
          };
  }
  return typeof override === 'object' ? { ...limits, ...override } : limits;
}

/** Template ids are numeric (`TemplateID`, an integer); 15 digits stay exact in a double. */
const TEMPLATE_ID = {
  pattern: /^\d{1,15}$/,
  description: 'a numeric template id of 1 to 15 digits',
};

/** Why html/text is refused on an account without the permission for raw content. */
const RAW_CONTENT_NOTE =
  'the account sends templates only (raw content needs the Simple permission; set allowRawContent)';

/** The capabilities for a config (`allowRawContent` opens html/text). */
export function tencentSesCapabilities(options: {
  readonly allowRawContent?: boolean;
  readonly rateLimit?: number | Readonly<Record<string, RateLimit>>;
}): Capabilities {
  const raw = options.allowRawContent ?? false;
  return {
    provider: PROVIDER_ID,
    // docs/providers/tencent-ses.md: one message; every To address appears in it, so they see each other.
    // Destination, Cc and Bcc are bare addresses; Bcc must not repeat a Destination address.
    recipients: {
      to: 50,
      cc: 20,
      bcc: 20,
      toVisibleToEachOther: true,
      bccMayOverlapTo: false,
      names: false,
    },
    // `Alias <addr>`: the alias may not contain ':' (IllegalSenderName), nor what would break
    // that form; no documented length. CreateEmailAddress's EmailSenderName follows the same rule.
    from: {
      name: true,
      namePattern: {
        pattern: /^[^:<>"\r\n]*$/,
        description: 'a sender alias without : < > " or line breaks',
      },
    },
    // ReplyToAddresses is a single address string.
    replyTo: { max: 1, name: false },
    // FAQ: at most 998 characters (BatchSendEmail: 1-100, checked by validateBatch).
    subject: { maxLength: SEND_SUBJECT_MAX },
    content: {
      html: raw,
      text: raw,
      // docs/providers/tencent-ses.md: the whole email at most 4 MB.
      bodyMaxBytes: 4 * MB,
      template: 'id',
      batchTemplate: 'id',
      templateId: TEMPLATE_ID,
      rawContentNote: RAW_CONTENT_NOTE,
      // The whole email (bodies and attachments together) at most 4 MB.
      messageMaxBytes: EMAIL_MAX_BYTES,
      // No templateDataMaxBytes: the SDK models put the 800-byte TemplateData bound on
      // ReceiverInputData (group rows: groups.recipientDataRules), not on
      // SendEmail's Template; a send's data is bounded by the 8 MB request (REQUEST_MAX_BYTES).
    },
    // docs/providers/tencent-ses.md: at most 10, 4 MB raw in total (the request, base64 included, at most 8 MB).
    // Attachment is {FileName, Content}: no media type field (docs/providers/tencent-ses.md).
    attachments: {
      maxCount: 10,
      maxTotalBytes: 4 * MB,
      filenameMaxLength: 255,
      contentType: false,
    },
    // SmtpHeaders has no confirmed format: raw via providerOptions['tencent-ses'].smtpHeaders.
    headers: false,
    // SendEmail has neither tags nor per-message tracking switches.
    tags: { max: 0 },
    tracking: { opens: false, clicks: false },
    schedule: {
      timed: true,
      recurring: true,
      // CycleParam has no run count: TermCycle 1 stops a cycle only when a task is updated, and
      // no public action updates a task (docs/providers/tencent-ses.md "Templates and tasks").
      note: 'BatchSendEmail takes a start time, or a start time and an interval in hours that repeats until stopped',
    },
    batch: {
      // BatchSendEmail: InvalidParameterValue.SubjectLengthError outside 1-100 characters.
      subject: { minLength: 1, maxLength: BATCH_SUBJECT_MAX },
      fromName: true,
      template: TEMPLATE_ID,
      group: { pattern: /^\d{1,15}$/, description: 'a numeric group id (ReceiverId)' },
    },
    groups: {
      uploadChunk: 20_000,
      maxPerGroup: 50_000,
      removeRecipients: false,
      recipientData: true,
      // CreateReceiverDetail(WithData) takes `Emails` / `{Email, TemplateData}`: no names.
      recipientNames: false,
      // CreateReceiver's Desc: InvalidParameterValue.ReceiverDescIllegal over 300 characters
      // (docs/providers/tencent-ses-limits.md).
      descriptionMaxLength: 300,
      // ReceiverInputData rows: the same keys in every row (TemplateDataInconsistent), at most
      // 800 bytes each, no HTML markup (InValidTemplateData) (docs/providers/tencent-ses.md).
      recipientDataRules: {
        sameKeys: true,
        maxJsonBytes: RECIPIENT_DATA_MAX_BYTES,
        plainText: true,
      },
      pageSize: 100,
    },
    resources: RESOURCE_CAPABILITIES,
    rateLimits: tencentSesRateLimits(options.rateLimit),
  };
}

/** The capabilities of the default config (templates only; `allowRawContent` opens html/text). */
export const capabilities: Capabilities = tencentSesCapabilities({});
