/**
 * Neutral views of what a sender manages besides mail: templates, sender addresses, sending
 * domains, the provider's suppression list and daily statistics. The types here are what a
 * caller sees; `contract.ts` says what an adapter implements.
 */

/**
 * Where a template, domain or sender stands: usable (`verified`, for a template: approved),
 * waiting for review or DNS (`pending`), refused (`failed`), or not submitted (`draft`).
 */
export type ResourceStatus = 'verified' | 'pending' | 'failed' | 'draft';

/** A stored template. `html`/`text`/`subject` are filled by `templates.get` where the API returns them. */
export interface Template {
  /** What sends reference (DirectMail: the TemplateId; Tencent: the numeric TemplateID). */
  readonly id: string;
  readonly name: string;
  readonly status: ResourceStatus;
  /** The provider's own status value, kept as it states it. */
  readonly providerStatus: string;
  readonly subject?: string;
  readonly html?: string;
  readonly text?: string;
  readonly createdAt?: Date;
  /** Why the provider refused it, when it says. */
  readonly reason?: string;
}

/** Input to `templates.create` and `templates.update`: a name and at least one body. */
export interface TemplateInput {
  readonly name: string;
  readonly html?: string;
  readonly text?: string;
}

/** A sender address. */
export interface Sender {
  /** What `senders.delete` takes (DirectMail: MailAddressId; Tencent: the address). */
  readonly id: string;
  readonly address: string;
  /** Display name stored with the address (Tencent's EmailSenderName). */
  readonly name?: string;
  readonly replyTo?: string;
  /** Whether mail can go out from it: its domain's verification (and not frozen). */
  readonly status: ResourceStatus;
  readonly providerStatus?: string;
  readonly createdAt?: Date;
}

/** Input to `senders.create`. */
export interface SenderInput {
  readonly address: string;
  /** Display name (Tencent stores one; DirectMail has none and refuses it as `unsupported`). */
  readonly name?: string;
}

/** One DNS record a domain needs for verification. */
export interface DnsRecord {
  readonly type: string;
  readonly name: string;
  readonly value: string;
  /** Whether the provider found it in DNS, when it says. */
  readonly verified?: boolean;
}

/** A sending domain. */
export interface Domain {
  /** What `domains.get`/`delete` take (DirectMail: DomainId; Tencent: the domain name). */
  readonly id: string;
  readonly name: string;
  readonly status: ResourceStatus;
  readonly providerStatus: string;
  readonly createdAt?: Date;
  /** The records to publish, from `domains.get` and `domains.create` where the API returns them. */
  readonly records?: readonly DnsRecord[];
}

/** One address on the provider's suppression list. */
export interface SuppressedAddress {
  readonly address: string;
  /** The provider's entry id, when entries have one. */
  readonly id?: string;
  /** The provider's type or reason, as it states it. */
  readonly reason?: string;
  readonly createdAt?: Date;
  readonly expiresAt?: Date;
}

/** A date range of `stats.daily`, both ends included, as `YYYY-MM-DD` in the provider's zone. */
export interface StatsQuery {
  readonly from: string;
  readonly to: string;
  /** Only mail from this sending domain. */
  readonly domain?: string;
}

/** One day of sending. Counts a provider does not report are left out. */
export interface DailyStats {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Messages requested. */
  readonly requests: number;
  /** Delivered to the receiving server. */
  readonly delivered: number;
  /** Bounced, refused or invalid. */
  readonly failed: number;
  readonly opened?: number;
  readonly clicked?: number;
  readonly unsubscribed?: number;
}
