/**
 * The neutral message: loose input (`MessageInput`) as users write it, and the readonly,
 * normalised `Message` that adapters receive. `normalizeMessage` (validate.ts) turns one into
 * the other or throws `invalid_input`.
 */
import type { ScheduleRule } from '../schedule/rule.js';

/** A mailbox: address plus optional display name. */
export interface Address {
  readonly address: string;
  readonly name?: string;
}

/** `'a@b.com'`, `'Name <a@b.com>'` or `{ address, name }`. */
export type AddressInput = string | { readonly address: string; readonly name?: string };

/** One address or several. */
export type AddressListInput = AddressInput | readonly AddressInput[];

/** A file attached to a message. */
export interface Attachment {
  readonly filename: string;
  readonly content: Uint8Array;
  readonly contentType?: string;
}

/** Attachment input: `content` as bytes, or a string (UTF-8 text unless `encoding: 'base64'`). */
export interface AttachmentInput {
  readonly filename: string;
  readonly content: Uint8Array | string;
  readonly encoding?: 'utf8' | 'base64';
  readonly contentType?: string;
}

/** A stored template and the data that fills it. `id` is a name or a numeric id by provider. */
export interface TemplateRef {
  readonly id: string | number;
  readonly data?: Readonly<Record<string, string | number | boolean>>;
}

/** Open and click tracking requests. */
export interface Tracking {
  readonly opens?: boolean;
  readonly clicks?: boolean;
}

/**
 * Per-provider options, keyed by provider id. Adapters add their key by declaration merging:
 * `declare module '@mailbridge/core' { interface ProviderOptionsRegistry { 'x': XOptions } }`.
 * Options for a provider other than the one sending are ignored, so one message works with
 * every configured provider; the sending provider validates its own strictly.
 */
// biome-ignore lint/suspicious/noEmptyInterface: extended by adapters through declaration merging
export interface ProviderOptionsRegistry {}

/** The typed `providerOptions` field. */
export type ProviderOptions = {
  readonly [K in keyof ProviderOptionsRegistry]?: ProviderOptionsRegistry[K];
} & Readonly<Record<string, unknown>>;

/** A message as users write it. */
export interface MessageInput {
  readonly from: AddressInput;
  readonly to?: AddressListInput;
  readonly cc?: AddressListInput;
  readonly bcc?: AddressListInput;
  readonly replyTo?: AddressListInput;
  readonly subject: string;
  readonly html?: string;
  readonly text?: string;
  readonly template?: TemplateRef;
  readonly attachments?: readonly AttachmentInput[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly tags?: readonly string[];
  readonly tracking?: Tracking;
  readonly providerOptions?: ProviderOptions;
  /** Values that differ by provider or account (see `PerProvider`). */
  readonly perProvider?: PerProvider<MemberValues>;
}

/** What `perProvider` may set for one provider or member of a message. */
export interface MemberValues {
  /** The sender address verified on that provider or account. */
  readonly from?: AddressInput;
  /** The template reference there (DirectMail: a name; Tencent: a numeric id). */
  readonly template?: string | number;
}

/** What `perProvider` may set for one provider or member of a batch. */
export interface BatchMemberValues extends MemberValues {
  /** The recipient group there (groups are stored per account). */
  readonly group?: string;
  /** The subject there (Tencent SES batches need one; DirectMail's come from the template). */
  readonly subject?: string;
}

/**
 * Values that differ by provider, keyed by member name or provider id (the member name wins).
 * The sending provider's entry replaces the top-level field; when `perProvider` is given, a
 * provider or member without an entry is not used (a composite passes it over, recording why).
 */
export type PerProvider<V> = Readonly<Record<string, V>>;

/** A validated, normalised, deeply readonly message. */
export interface Message {
  readonly from: Address;
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly bcc: readonly Address[];
  readonly replyTo: readonly Address[];
  readonly subject: string;
  readonly html?: string;
  readonly text?: string;
  readonly template?: TemplateRef;
  readonly attachments: readonly Attachment[];
  readonly headers: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
  readonly tracking: Tracking;
  readonly providerOptions: Readonly<Record<string, unknown>>;
}

/** A recipient of a stored group, with optional per-recipient template data. */
export interface Recipient {
  readonly address: string;
  readonly name?: string;
  readonly data?: Readonly<Record<string, string>>;
}

/** Recipient input: an address string or a `Recipient`. */
export type RecipientInput = string | Recipient;

/** When a batch fires: `{ at }`, `{ at, every: { hours | days }, times? }` or `{ cron, tz?, times? }`. */
export type Schedule = ScheduleRule;

/** A provider-side send of a stored template to a stored group. */
export interface BatchInput {
  readonly from: AddressInput;
  /** Group name (DirectMail) or id (Tencent), as `groups.create` returned it. */
  readonly group: string;
  readonly template: { readonly id: string | number };
  readonly subject?: string;
  readonly replyTo?: AddressInput;
  readonly tags?: readonly string[];
  readonly tracking?: Tracking;
  readonly schedule?: Schedule;
  readonly providerOptions?: ProviderOptions;
  /** Values that differ by provider or account (see `PerProvider`). */
  readonly perProvider?: PerProvider<BatchMemberValues>;
}

/** A validated batch. */
export interface Batch {
  readonly from: Address;
  readonly group: string;
  readonly template: { readonly id: string | number };
  readonly subject?: string;
  readonly replyTo?: Address;
  readonly tags: readonly string[];
  readonly tracking: Tracking;
  readonly schedule?: Schedule;
  readonly providerOptions: Readonly<Record<string, unknown>>;
}
