/**
 * The neutral delivery event: what either provider pushes after a send, in one shape. The
 * kinds and fields follow docs/providers/events.md (§2 Tencent, §3 DirectMail); adapters
 * parse their payloads into it (`parseEvents` in each adapter's `events.ts`).
 */
import { MailError } from '../errors.js';

/**
 * Every neutral event kind. `unknown` is a type the library does not know yet: it is kept
 * (with the provider type verbatim and the raw payload), never dropped.
 */
export const MAIL_EVENT_KINDS = [
  'processed',
  'deferred',
  'delivered',
  'bounced',
  'dropped',
  'complained',
  'opened',
  'clicked',
  'unsubscribed',
  'subscribed',
  'unknown',
] as const;

/** A neutral event kind. */
export type MailEventKind = (typeof MAIL_EVENT_KINDS)[number];

/** Whether a bounce is permanent (`hard`: stop mailing the address) or temporary (`soft`). */
export type BounceType = 'hard' | 'soft';

/** One delivery event for one recipient, from either provider. */
export interface MailEvent {
  /** The provider id (`tencent-ses`, `aliyun-dm`). */
  readonly provider: string;
  readonly kind: MailEventKind;
  /** The provider's own type, verbatim (`bounce`, `dm:Deliver:Fail`). */
  readonly providerType: string;
  /**
   * A key that is the same for redeliveries of the same event (the CloudEvent `id`; for
   * Tencent, which sends none, built from message id, recipient, type, time and link).
   */
  readonly id: string;
  readonly recipient?: string;
  /** The id the send API returned (Tencent `MessageId`, DirectMail `EnvId`). */
  readonly messageId?: string;
  /** When the event happened. */
  readonly at?: Date;
  /** Only for `bounced`, when the provider says or implies it. */
  readonly bounce?: BounceType;
  /** Why delivery failed, or the provider's detail text. */
  readonly reason?: string;
  /** The SMTP reply code, as a string (`"554"`). */
  readonly smtpCode?: string;
  /** The clicked URL (`clicked`). */
  readonly url?: string;
  /** The recipient's user agent (`opened`, `clicked`). */
  readonly userAgent?: string;
  /** Tags sent with the message (DirectMail TagName). */
  readonly tags?: readonly string[];
  /** Custom headers echoed back (DirectMail `X-User-Notify-*`, Tencent's custom callback value). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The payload as received, for anything the neutral shape leaves out. */
  readonly raw: unknown;
}

/**
 * A clear `invalid_input` error for an event body that cannot be read, naming the field. Parsers
 * throw only this, so a receiver can answer 400 and carry on.
 */
export function eventError(provider: string, path: readonly (string | number)[], message: string) {
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  return new MailError(`Invalid ${provider} event: ${where}${message}`, {
    code: 'invalid_input',
    provider,
    issues: [{ path: path.map(String), message }],
  });
}
