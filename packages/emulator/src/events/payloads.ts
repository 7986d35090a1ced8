/**
 * Event bodies in each provider's documented shape (docs/providers/events.md §2 Tencent callback, §3
 * DirectMail CloudEvent), built from one emulated event. Written from the provider documents:
 * nothing here comes from the library's parsers.
 */
import { randomUUID } from 'node:crypto';
import type { OutboxEntry } from '../types.js';
import type { EmulatedKind, Outcome } from './outcome.js';

/** What one payload is built from. */
export interface EventFacts {
  readonly kind: EmulatedKind;
  readonly entry: OutboxEntry;
  readonly outcome: Outcome;
  /** Emulator clock, ms. */
  readonly time: number;
  readonly url?: string;
  readonly userAgent?: string;
}

const TENCENT_TYPES: Readonly<Record<EmulatedKind, readonly [string, number]>> = {
  delivered: ['delivered', 1],
  dropped: ['dropped', 2],
  bounced: ['bounce', 3],
  opened: ['open', 4],
  clicked: ['click', 5],
  complained: ['spamreport', 6],
  unsubscribed: ['unsubscribe', 7],
  deferred: ['deferred', 8],
};

/** The Tencent callback body: one JSON object per event. */
export function tencentPayload(f: EventFacts): Record<string, unknown> {
  const [event, eventid] = TENCENT_TYPES[f.kind];
  const failed = f.kind === 'bounced' || f.kind === 'dropped' || f.kind === 'deferred';
  return {
    event,
    email: f.entry.to,
    bulkId: f.entry.messageId,
    timestamp: Math.floor(f.time / 1000),
    ...(failed ? { reason: f.outcome.smtp } : {}),
    ...(f.kind === 'bounced' ? { bounceType: `${f.outcome.bounce ?? 'hard'}_bounce` } : {}),
    ...(f.url === undefined ? {} : { link: f.url }),
    ...(f.userAgent === undefined ? {} : { useragent: f.userAgent }),
    username: '1250000000',
    from: f.entry.from,
    fromDomain: f.entry.from.slice(f.entry.from.lastIndexOf('@') + 1),
    ...(f.entry.templateId === undefined || !/^\d+$/.test(f.entry.templateId)
      ? {}
      : { templateId: Number(f.entry.templateId) }),
    subject: f.entry.subject,
    messageId: `<${f.entry.messageId}@emulator.invalid>`,
    eventid,
    sentTimestamp: Math.floor(f.entry.time / 1000),
  };
}

const DM_TYPES: Readonly<Record<EmulatedKind, string>> = {
  delivered: 'dm:Deliver:Succeed',
  bounced: 'dm:Deliver:Fail',
  // DirectMail has no deferred or dropped event: both end as a failed delivery.
  deferred: 'dm:Deliver:Fail',
  dropped: 'dm:Deliver:Fail',
  complained: 'dm:Feedback:FblReport',
  unsubscribed: 'dm:Feedback:UnSubscribe',
  opened: 'dm:Trace:Open',
  clicked: 'dm:Trace:Click',
};

/** The emulated account and region (cn-hangzhou keeps UTC+8, docs/providers/events.md §3). */
const ACCOUNT_ID = '1234567890123456';
const REGION = 'cn-hangzhou';
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2024-04-29T11:07:04`: cn-hangzhou wall-clock time without a zone, as DirectMail writes it. */
const localTime = (ms: number) => new Date(ms + OFFSET_MS).toISOString().slice(0, 19);

/** The DirectMail event as EventBridge delivers it to an HTTP target: a CloudEvents 1.0 envelope. */
export function aliyunPayload(f: EventFacts): Record<string, unknown> {
  const type = DM_TYPES[f.kind];
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: 'acs:dm',
    type,
    subject: `acs:dm:${REGION}:${ACCOUNT_ID}:*`,
    time: `${localTime(f.time)}+08:00`,
    aliyunaccountid: ACCOUNT_ID,
    aliyunpublishtime: new Date(f.time).toISOString(),
    aliyuneventbusname: 'default',
    datacontenttype: 'application/json;charset=utf-8',
    data: { ...aliyunCommon(f, type), ...aliyunDetail(f) },
  };
}

function aliyunCommon(f: EventFacts, type: string): Record<string, unknown> {
  const notify = Object.entries(f.entry.headers ?? {}).filter(([name]) =>
    /^X-(User-)?Notify-/i.test(name),
  );
  return {
    header: Object.fromEntries(notify),
    env_id: f.entry.messageId,
    msg_id: `<${f.entry.messageId}@emulator.invalid>`,
    account: f.entry.from,
    from: f.entry.from,
    rcpt: f.entry.to,
    event: type,
    region: REGION,
    ...(f.entry.tag === undefined ? {} : { tag: f.entry.tag }),
  };
}

function aliyunDetail(f: EventFacts): Record<string, unknown> {
  switch (f.kind) {
    case 'complained':
      return {
        block_email: f.entry.to,
        send_email: f.entry.from,
        block_time: Math.floor(f.time / 1000),
        message_id: `<${f.entry.messageId}@emulator.invalid>`,
      };
    case 'unsubscribed':
      return { operate_time: localTime(f.time) };
    case 'opened':
    case 'clicked':
      return {
        ...(f.url === undefined ? {} : { url: f.url }),
        ...(f.userAgent === undefined ? {} : { user_agent: f.userAgent }),
      };
    default:
      return deliveryDetail(f);
  }
}

/** Failure statuses follow SenderStatisticsDetailByParam: 0 ok, 2 invalid address, 4 failed. */
function deliveryDetail(f: EventFacts): Record<string, unknown> {
  const ok = f.kind === 'delivered';
  const hard = f.kind === 'bounced' && f.outcome.bounce === 'hard';
  return {
    channel_name: 'api',
    outbound_ip: '203.0.113.1',
    send_time: localTime(f.entry.time),
    deliver_time: localTime(f.time),
    status: ok ? '0' : hard ? '2' : '4',
    err_code: f.outcome.smtp.slice(0, 3),
    err_msg: f.outcome.smtp,
    ...(ok ? {} : { failed_type: hard ? 'SmtpNxBox' : 'SmtpTempFail' }),
    esp: f.entry.to.slice(f.entry.to.lastIndexOf('@') + 1),
    ip_pool_id: '',
    is_dedicated_ip: false,
  };
}

/** The DirectMail status code (SenderStatisticsDetailByParam) of an outcome. */
export function aliyunStatusCode(outcome: Outcome): number {
  if (outcome.delivery === 'delivered') return 0;
  return outcome.delivery === 'bounced' && outcome.bounce === 'hard' ? 2 : 4;
}
