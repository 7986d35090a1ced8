/**
 * DirectMail events (docs/providers/events.md §3): the EventBridge CloudEvents envelope, the same
 * `data` object on its own (an MNS queue target), and the legacy MNS `key=value&…` notification,
 * read into neutral `MailEvent`s. Unknown fields are ignored and unknown types become `unknown`
 * (kept); a known field of the wrong type is an `invalid_input` error.
 */
import type { BounceType, MailEvent, MailEventKind } from '@mailbridge/core';
import {
  type EventFields,
  eventError,
  eventFields,
  parseEventBody,
} from '@mailbridge/core/provider';
import { PROVIDER_ID } from './config.js';
import { EVENT_REGION_ZONES, localTimeToDate, offsetOf } from './time.js';

/**
 * DirectMail event type → neutral kind (docs/providers/events.md §3 tables; legacy MNS types
 * included).
 */
export const EVENT_KINDS: Readonly<Record<string, MailEventKind>> = {
  'dm:Deliver:Succeed': 'delivered',
  'dm:Deliver:Fail': 'bounced',
  'dm:Feedback:FblReport': 'complained',
  'dm:Feedback:UnSubscribe': 'unsubscribed',
  'dm:Feedback:Subscribe': 'subscribed',
  'dm:Trace:Open': 'opened',
  'dm:Trace:Click': 'clicked',
  'Deliver:SendSuccessfully': 'delivered',
  'Deliver:SendFailed': 'bounced',
  'Deliver:Open': 'opened',
  'Deliver:Click': 'clicked',
};

/** Options of `parseEvents`. */
export interface ParseEventsOptions {
  /**
   * The region whose clock zone-less times use when neither the envelope `time` nor the payload
   * tells (default `cn-hangzhou`, the documented sample's).
   */
  readonly region?: string;
}

/**
 * Read a DirectMail event body (JSON text, an already-parsed value, or a legacy MNS
 * `key=value&…` string; one event or an array of them) into neutral events. Throws only a
 * `MailError` with code `invalid_input`.
 *
 * @example
 * ```ts
 * const [event] = parseEvents(await request.text());
 * if (event.kind === 'bounced') suppress(event.recipient);
 * ```
 */
export function parseEvents(body: unknown, options: ParseEventsOptions = {}): MailEvent[] {
  const value = isLegacyForm(body)
    ? Object.fromEntries(new URLSearchParams(body))
    : parseEventBody(PROVIDER_ID, body);
  const list = Array.isArray(value) ? value : [value];
  return list.map((item, i) =>
    toEvent(eventFields(PROVIDER_ID, item, Array.isArray(value) ? [i] : []), options),
  );
}

/** The legacy MNS body is a form string, never JSON (docs/providers/events.md §3). */
function isLegacyForm(body: unknown): body is string {
  return typeof body === 'string' && !/^\s*[[{"]/.test(body) && body.includes('=');
}

interface Envelope {
  readonly type?: string;
  readonly id?: string;
  readonly time?: string;
  readonly region?: string;
}

function toEvent(outer: EventFields, options: ParseEventsOptions): MailEvent {
  const cloud = outer.string('specversion') !== undefined;
  const envelope: Envelope = cloud ? readEnvelope(outer) : {};
  const data = cloud ? (outer.object('data') ?? eventFields(PROVIDER_ID, {}, ['data'])) : outer;
  const type = envelope.type ?? data.string('event', 'type');
  if (type === undefined) throw eventError(PROVIDER_ID, cloud ? ['type'] : ['event'], 'missing');
  const kind = EVENT_KINDS[type] ?? 'unknown';
  const recipient = data.string('rcpt', 'block_email');
  const messageId = envId(data);
  const zone = zoneOf(envelope, data.string('region'), options);
  const at = timeOf(data, zone) ?? (envelope.time ? validDate(envelope.time) : undefined);
  const reason = data.string('err_msg');
  const smtpCode = data.string('err_code');
  const tag = data.string('tag');
  const headers = data.strings('header');
  const url = data.string('url', 'link');
  const userAgent = data.string('user_agent', 'useragent');
  const bounce = kind === 'bounced' ? bounceOf(data) : undefined;
  for (const name of STRING_FIELDS) data.string(name);
  data.boolean('is_dedicated_ip');
  return {
    provider: PROVIDER_ID,
    kind,
    providerType: type,
    id:
      envelope.id ??
      [messageId, recipient, type, data.string('deliver_time', 'recv_time')]
        .map((v) => v ?? '')
        .join('|'),
    ...(recipient === undefined ? {} : { recipient }),
    ...(messageId === undefined ? {} : { messageId }),
    ...(at === undefined ? {} : { at }),
    ...(bounce === undefined ? {} : { bounce }),
    ...(reason === undefined ? {} : { reason }),
    ...(smtpCode === undefined ? {} : { smtpCode }),
    ...(url === undefined ? {} : { url }),
    ...(userAgent === undefined ? {} : { userAgent }),
    ...(tag === undefined ? {} : { tags: [tag] }),
    ...(headers === undefined ? {} : { headers }),
    raw: outer.raw,
  };
}

/** Documented `data` fields the neutral event does not carry (kept in `raw`), checked for type. */
const STRING_FIELDS = [
  'msg_id',
  'account',
  'from',
  'channel_name',
  'outbound_ip',
  'status',
  'failed_type',
  'esp',
  'ip_pool_id',
  'send_email',
  'message_id',
];

function readEnvelope(f: EventFields): Envelope {
  const type = f.string('type');
  const id = f.string('id');
  const time = f.string('time');
  // `subject` is `acs:dm:<region>:<accountId>:*` (docs/providers/events.md §3).
  const region = /^acs:dm:([^:]+):/.exec(f.string('subject') ?? '')?.[1];
  for (const name of ['source', 'aliyunaccountid', 'aliyunpublishtime']) f.string(name);
  return {
    ...(type && { type }),
    ...(id && { id }),
    ...(time && { time }),
    ...(region && { region }),
  };
}

/** `env_id` (some consumers see `envid`): a string, or a JSON integer (EnvId is numeric). */
function envId(data: EventFields): string | undefined {
  const raw = data.raw.env_id ?? data.raw.envid;
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return String(raw);
  return data.string('env_id', 'envid');
}

/** The envelope's own offset first (same clock), then the region's zone, then the option's. */
function zoneOf(envelope: Envelope, dataRegion: string | undefined, options: ParseEventsOptions) {
  const offset = envelope.time === undefined ? undefined : offsetOf(envelope.time);
  if (offset !== undefined) return offset;
  const region = envelope.region ?? dataRegion ?? options.region ?? 'cn-hangzhou';
  return EVENT_REGION_ZONES[region] ?? 'Asia/Shanghai';
}

/** When the event happened: delivery time, feedback time, legacy receive time, in that order. */
function timeOf(data: EventFields, zone: number | string): Date | undefined {
  const blockTime = data.seconds('block_time');
  if (blockTime !== undefined) return blockTime;
  for (const name of ['deliver_time', 'operate_time', 'recv_time', 'send_time']) {
    // `operate_time`'s format is unconfirmed: epoch seconds are read as such.
    const seconds = typeof data.raw[name] === 'number' ? data.seconds(name) : undefined;
    if (seconds !== undefined) return seconds;
    const text = data.string(name);
    if (text === undefined) continue;
    const at = localTimeToDate(text, zone) ?? validDate(text);
    if (at === undefined)
      throw eventError(PROVIDER_ID, [...data.path, name], `not a time: "${text}"`);
    return at;
  }
  return undefined;
}

function validDate(text: string): Date | undefined {
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/**
 * Hard when the address itself is bad (`status` "2", or a no-such-mailbox `failed_type`),
 * soft otherwise: mailbridge's reading of the failure sample (docs/providers/events.md §3
 * "Hard or soft").
 */
function bounceOf(data: EventFields): BounceType {
  const status = data.string('status');
  const failed = data.string('failed_type') ?? '';
  return status === '2' || /NxBox|NxDomain|NoSuchUser/i.test(failed) ? 'hard' : 'soft';
}
