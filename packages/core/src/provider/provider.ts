/**
 * The provider contract. An adapter never performs I/O or retries itself: each neutral
 * operation returns an `Operation` that says how to build (and sign) one HTTP request for one
 * attempt and how to read its response. The core runs it: rate limit, attempt, HTTP, parse,
 * classify, retry, hooks. So retries, timeouts, redaction and duplicate safety live in one place.
 */
import type { Capabilities } from '../capabilities/capabilities.js';
import type { MailError } from '../errors.js';
import type { ProviderStatus } from '../events/status.js';
import type { Mailer, MailerOptions } from '../mailer/mailer.js';
import type { Batch, Message, Recipient } from '../message/message.js';
import type { ProviderResources } from '../resources/contract.js';
import type { ReplayPin } from '../schedule/contract.js';
import type { NativeTasks } from '../schedule/native.js';
import type { TransportConfig } from './config.js';

/** A request ready to send: built and signed for one attempt. */
export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Exact body bytes (what was hashed for the signature is what is sent). */
  readonly body?: string | Uint8Array;
  /**
   * Strings that must never appear in a hook payload, log or error (secrets, signatures,
   * tokens of this attempt). The core also redacts the well-known header and parameter names.
   */
  readonly secrets?: readonly string[];
}

/** A response as the adapter reads it: status, lower-case headers, text body. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What the core tells the adapter about the attempt it is building. */
export interface AttemptContext {
  /** 1-based attempt number. */
  readonly attempt: number;
  /** Aborts when the caller aborts or the request times out. */
  readonly signal: AbortSignal;
  /** The current time (ms since epoch), from the mailer's clock. */
  now(): number;
  /** The mailer's per-request timeout (ms), for an operation with its own `transport`. */
  readonly timeoutMs?: number;
  /**
   * The pipeline running this attempt, for an operation that needs another call first (a
   * DirectMail list name resolved to its id): that call gets the same mailer's limits, hooks,
   * retries and dispatcher. Pass `{ signal }` on to it.
   */
  readonly execute: Execute;
}

/**
 * How an operation may be retried:
 * - `read`: retried on any retryable error, ambiguous ones included (no side effect);
 * - `write` / `send`: retried only when `delivery === 'not_sent'` (an ambiguous failure may have
 *   had its effect), except by identical replay when `replayable` is set.
 */
export type OperationKind = 'read' | 'write' | 'send';

/** One provider call, as a recipe the core executes. */
export interface Operation<T> {
  /** The provider action (`SingleSendMail`, `SendEmail`), for rate limits and hooks. */
  readonly action: string;
  readonly kind: OperationKind;
  /**
   * The provider rejects a byte-identical resend when the first one arrived (DirectMail's
   * `SignatureNonceUsed`), so after an ambiguous failure the core may resend the previous
   * attempt's exact request instead of giving up. See `isReplayRejection`.
   */
  readonly replayable?: boolean;
  /** Build and sign the request for this attempt (fresh timestamp and nonce each time). */
  build(ctx: AttemptContext): Promise<HttpRequest> | HttpRequest;
  /** Read a response: return the result or throw a classified `MailError`. */
  parse(response: HttpResponse, ctx: AttemptContext): T;
  /** On a replayed request: does this error mean "the first copy arrived"? */
  isReplayRejection?(error: MailError): boolean;
  /**
   * A transport of the operation's own instead of HTTP (DirectMail attachments go over SMTP):
   * it carries out the request `build` described and answers what `parse` reads. It honours
   * `ctx.signal` and `ctx.timeoutMs`, and throws classified `MailError`s whose `delivery` says
   * whether anything may have been sent. Rate limits, retries and hooks stay the core's.
   */
  transport?(request: HttpRequest, ctx: AttemptContext): Promise<HttpResponse>;
}

/** What an adapter reads from an accepted send; the core adds provider and attempts. */
export interface SendReceipt {
  readonly messageId: string;
  readonly requestId?: string;
}

/** What an adapter reads from an accepted batch. */
export interface BatchReceipt {
  readonly batchId: string;
  readonly requestId?: string;
}

/** The outcome of one accepted send. */
export interface SendResult {
  readonly provider: string;
  /** Provider message id (DirectMail EnvId, Tencent MessageId), always a string. */
  readonly messageId: string;
  readonly requestId?: string;
  /** How many attempts the call took (on a composite: the sending member's attempts). */
  readonly attempts: number;
  /** Composite providers (`failover`, `roundRobin`): the member that sent. */
  readonly member?: string;
  /** Composite providers: every member considered for this call, in order. */
  readonly route?: readonly RouteStep[];
}

/** The outcome of an accepted batch. */
export interface BatchResult {
  readonly provider: string;
  /** Provider task or envelope id, as a string. */
  readonly batchId: string;
  readonly requestId?: string;
  readonly attempts: number;
  readonly scheduled: boolean;
  /** Composite providers (`failover`, `roundRobin`): the member that sent. */
  readonly member?: string;
  /** Composite providers: every member considered for this call, in order. */
  readonly route?: readonly RouteStep[];
}

/**
 * What a composite provider (`failover`, `roundRobin`) did with one member on one call:
 * `sent` (it accepted), `unknown` (it may have sent: no other member was tried), `failed` (it
 * certainly did not send, so the next was tried) or `skipped` (not called: circuit open, quota
 * spent, a capability or a per-provider value missing), with the reason.
 */
export interface RouteStep {
  readonly member: string;
  readonly provider: string;
  readonly outcome: 'sent' | 'unknown' | 'failed' | 'skipped';
  readonly reason?: string;
  /** Requests this member made for the call (0 when skipped). */
  readonly attempts: number;
}

/** A stored recipient group. */
export interface Group {
  /** What `sendBatch` and the group calls take (DirectMail: name; Tencent: numeric id). */
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly count?: number;
  readonly createdAt?: Date;
  /** Provider status, kept as the provider states it. */
  readonly status?: string;
}

/** One page of a listing; `next` is the cursor of the following page, if any. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next?: string;
}

/** Input to `groups.create`. */
export interface GroupInput {
  readonly name: string;
  readonly description?: string;
}

/** The group operations an adapter implements (one request each; the core pages and chunks). */
export interface ProviderGroups {
  create(input: GroupInput): Operation<Group>;
  list(cursor: string | undefined, pageSize: number): Operation<Page<Group>>;
  /** Upload one chunk (at most `capabilities.groups.uploadChunk` recipients). */
  addRecipients(group: string, chunk: readonly Recipient[]): Operation<{ readonly added: number }>;
  listRecipients(
    group: string,
    cursor: string | undefined,
    pageSize: number,
  ): Operation<Page<Recipient>>;
  /** Remove one recipient (the core loops); absent when the provider has no way to. */
  removeRecipient?(group: string, address: string): Operation<void>;
  delete(group: string): Operation<void>;
}

/**
 * Per-call options of every mailbridge call (neutral, raw, kit): the caller's `signal`, under
 * that one name. An abort before a request is `aborted` with `delivery: 'not_sent'`.
 */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/** Runs operations for a raw client: the same pipeline as the neutral calls. */
export type Execute = <T>(operation: Operation<T>, options?: CallOptions) => Promise<T>;

/** What the core needs from an adapter. Build one with `defineProvider`. */
export interface Provider<Id extends string = string, Raw = unknown> {
  readonly id: Id;
  readonly capabilities: Capabilities;
  /**
   * Extra checks the core cannot express as capabilities (e.g. Tencent's raw-html permission),
   * run before any request. Return issues or throw a `MailError`.
   */
  validate?(message: Message): void;
  validateBatch?(batch: Batch, now: number): void;
  /**
   * Parses `providerOptions[id]` (`undefined` when absent) into what `send`, `sendBatch` and
   * the validators then read from the message: the core calls it once per send, before them,
   * and replaces the raw value with its result. Throw `invalid_input` naming the key; build it
   * with `optionsParser` from `@mailbridge/core/provider`.
   */
  readonly options?: (value: unknown) => unknown;
  /** With a `pin` (scheduled sends, when `replayPins` is set) every attempt reuses its nonce and time. */
  send(message: Message, pin?: ReplayPin): Operation<SendReceipt>;
  sendBatch(batch: Batch, pin?: ReplayPin): Operation<BatchReceipt>;
  /**
   * `send`/`sendBatch` honour a `ReplayPin`, and the provider accepts at most one copy of a
   * pinned request (DirectMail refuses a reused SignatureNonce): scheduled sends recover
   * after a crash by replaying it.
   */
  readonly replayPins?: boolean;
  /** The key a pin is bound to (see `ReplayPin.keyId`): the current credentials' key id. */
  readonly pinKey?: () => Promise<string | undefined>;
  /** The provider's own scheduled tasks, for `mailer.schedules` (Tencent ListSendTasks). */
  readonly scheduledTasks?: NativeTasks;
  readonly groups: ProviderGroups;
  /** Templates, senders, domains, suppression list, stats (`capabilities.resources` says which). */
  readonly resources?: ProviderResources;
  /** Delivery status, one page per operation; absent when the provider cannot be asked. */
  readonly status?: ProviderStatus;
  /** The adapter's typed client for every provider action, running through `execute`. */
  raw(execute: Execute): Raw;
  /** Strings (secrets) configured on this provider, redacted wherever a request is described. */
  readonly secrets?: () => readonly string[];
  /** The endpoint origin the adapter talks to (for the https-only rule and the HTTP pool). */
  readonly origin: string;
  /**
   * Plain http to a non-loopback `origin` was explicitly allowed (an emulator in another
   * container); without it only https, or http on loopback, is accepted.
   */
  readonly allowInsecureHttp?: boolean;
  /** Transport settings from the adapter's config (timeouts, retries, size cap). */
  readonly transport?: TransportConfig;
  /**
   * An in-process stand-in for HTTP (the testing provider). Network adapters leave it out and
   * the core sends through undici.
   */
  readonly dispatch?: (
    request: HttpRequest,
    signal: AbortSignal | undefined,
  ) => Promise<HttpResponse>;
  /**
   * A provider made of providers (`failover`, `roundRobin`): `createMailer` hands it the
   * options and it builds its mailer over one mailer per member. Adapters leave it out.
   */
  readonly compose?: (options: MailerOptions) => Mailer;
}

/**
 * Identity helper that types an adapter's provider object: operations are recipes (build a
 * signed request, parse a response); the core runs them with retries, limits and hooks.
 *
 * @example
 * ```ts
 * export const provider = defineProvider({
 *   id: 'acme',
 *   origin: 'https://api.acme.example',
 *   capabilities,
 *   send: (message) => ({
 *     action: 'Send',
 *     kind: 'send',
 *     build: async (ctx) => sign({ method: 'POST', url: `${origin}/send`, body: toJson(message) }, ctx.now()),
 *     parse: (response) => readReceipt(response),
 *   }),
 *   sendBatch, groups, raw: (execute) => createRawClient(execute),
 * });
 * ```
 */
export function defineProvider<Id extends string, Raw>(
  provider: Provider<Id, Raw>,
): Provider<Id, Raw> {
  return provider;
}
