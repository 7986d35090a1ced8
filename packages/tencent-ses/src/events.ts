/**
 * Tencent SES event callbacks (docs/providers/events.md §2): one JSON object per POST, read into
 * neutral `MailEvent`s. Unknown fields are ignored and unknown event types become `unknown`
 * (kept, never dropped); a known field of the wrong type is an `invalid_input` error.
 */
import type { BounceType, MailEvent, MailEventKind } from '@mailbridge/core';
import {
  type EventFields,
  eventError,
  eventFields,
  parseEventBody,
} from '@mailbridge/core/provider';
import { PROVIDER_ID } from './config.js';

/** Tencent `event` value → neutral kind (docs/providers/events.md §2 table). */
export const EVENT_KINDS: Readonly<Record<string, MailEventKind>> = {
  processed: 'processed',
  deferred: 'deferred',
  delivered: 'delivered',
  dropped: 'dropped',
  bounce: 'bounced',
  open: 'opened',
  click: 'clicked',
  spamreport: 'complained',
  unsubscribe: 'unsubscribed',
};

/** `bounceType`, current and older spellings (docs/providers/events.md §2). */
const BOUNCE_TYPES: Readonly<Record<string, BounceType>> = {
  hard_bounce: 'hard',
  soft_bounce: 'soft',
  hard: 'hard',
  soft: 'soft',
};

/** Documented fields the neutral event does not carry (they stay in `raw`), checked for type. */
const INTEGER_FIELDS = ['templateId', 'taskId', 'eventid', 'sentTimestamp'];
const STRING_FIELDS = ['username', 'from', 'fromDomain', 'subject', 'messageId'];

/** The console-configured value Tencent echoes on every callback. */
const CUSTOM = 'X-Tencentcloudses-Cb-Custom';

/**
 * Read a Tencent SES callback body (JSON text or an already-parsed value; one event object, or
 * an array of them) into neutral events. Throws only a `MailError` with code `invalid_input`.
 *
 * @example
 * ```ts
 * const [event] = parseEvents('{"event":"bounce","email":"a@example.com","bulkId":"qcloudses-…","timestamp":1714360024,"bounceType":"hard_bounce"}');
 * event.kind; // 'bounced'
 * event.bounce; // 'hard'
 * ```
 */
export function parseEvents(body: unknown): MailEvent[] {
  const value = parseEventBody(PROVIDER_ID, body);
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, i) =>
    toEvent(eventFields(PROVIDER_ID, item, Array.isArray(value) ? [i] : [])),
  );
}

function toEvent(f: EventFields): MailEvent {
  const type = f.string('event');
  if (type === undefined) throw eventError(PROVIDER_ID, ['event'], 'missing');
  const kind = EVENT_KINDS[type] ?? 'unknown';
  const recipient = f.string('email');
  const messageId = f.string('bulkId', 'bulkid');
  const at = f.seconds('timestamp');
  const link = f.string('link');
  const bounceType = f.string('bounceType');
  const bounce = kind === 'bounced' && bounceType ? BOUNCE_TYPES[bounceType] : undefined;
  const reason = f.string('reason');
  const userAgent = f.string('useragent');
  const custom = f.string(CUSTOM);
  // Read for their types only: a wrong type here is as bad a body as anywhere else.
  for (const name of INTEGER_FIELDS) f.integer(name);
  for (const name of STRING_FIELDS) f.string(name);
  return {
    provider: PROVIDER_ID,
    kind,
    providerType: type,
    // Tencent sends no event id: these fields together name one event (redeliveries repeat them).
    id: [messageId, recipient, type, at?.getTime(), link].map((v) => v ?? '').join('|'),
    ...(recipient === undefined ? {} : { recipient }),
    ...(messageId === undefined ? {} : { messageId }),
    ...(at === undefined ? {} : { at }),
    ...(bounce === undefined ? {} : { bounce }),
    ...(reason === undefined ? {} : { reason }),
    ...smtpCodeOf(reason),
    ...(link === undefined ? {} : { url: link }),
    ...(userAgent === undefined ? {} : { userAgent }),
    ...(custom === undefined ? {} : { headers: { [CUSTOM]: custom } }),
    raw: f.raw,
  };
}

/** `reason` often starts with the SMTP reply (`551 5.1.1 …`); Tencent has no separate field. */
function smtpCodeOf(reason: string | undefined): { smtpCode?: string } {
  const m = reason === undefined ? null : /^([245]\d\d)\b/.exec(reason.trim());
  return m?.[1] ? { smtpCode: m[1] } : {};
}
