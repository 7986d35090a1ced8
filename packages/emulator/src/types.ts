/**
 * The seam between the emulator's HTTP server (server.ts, faults, clock, outbox, admin API)
 * and each provider's implementation (aliyun/, tencent/). A provider module exports one
 * `ProviderModule`; the server routes a request to the first module whose `match` accepts it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { EventLog } from './events/log.js';

/** The providers the emulator serves: Alibaba Cloud DirectMail and Tencent Cloud SES. */
export type ProviderId = 'aliyun-dm' | 'tencent-ses';

/** A fully read HTTP request, as a provider module sees it. */
export interface EmuRequest {
  readonly method: string;
  /** Absolute URL as addressed (scheme http, host from the Host header). */
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  /** The exact body bytes. */
  readonly body: Buffer;
}

/** What a provider module answers; the server writes it verbatim. */
export interface EmuResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

/** One delivered copy: one recipient of one accepted send (or one member of a batch/task). */
export interface OutboxEntry {
  readonly provider: ProviderId;
  readonly action: string;
  readonly from: string;
  /** Sender display name (DirectMail FromAlias, Tencent `Alias <addr>`), when one was given. */
  readonly fromName?: string;
  readonly to: string;
  readonly cc?: readonly string[];
  readonly bcc?: readonly string[];
  readonly replyTo?: string;
  readonly subject: string;
  /** HTML body (rendered from the template and data where a template was used). */
  readonly html?: string;
  readonly text?: string;
  readonly tag?: string;
  readonly templateId?: string;
  /** The variables the template was rendered with (request data merged with per-recipient data). */
  readonly templateData?: Readonly<Record<string, string>>;
  readonly attachments?: readonly {
    readonly name: string;
    readonly size: number;
    /** Received over SMTP (smtp/): the MIME type and the bytes, base64. */
    readonly contentType?: string;
    readonly content?: string;
  }[];
  readonly headers?: Readonly<Record<string, string>>;
  /** Emulator clock time (ms since epoch) when the copy was recorded. */
  readonly time: number;
  readonly requestId: string;
  /** DirectMail EnvId (decimal string), Tencent MessageId, or for batches the task/env id. */
  readonly messageId: string;
  /** Tencent BatchSendEmail TaskId or DirectMail batch EnvId, when the copy came from a batch. */
  readonly taskId?: string;
}

/** Shared state and services every provider module gets. */
export interface EmuContext {
  /** The emulator clock (ms since epoch). Injectable; `advance` moves it. */
  now(): number;
  /** Append delivered copies to the shared outbox. */
  deliver(entries: readonly OutboxEntry[]): void;
  /** Every delivered copy so far. */
  readonly outbox: readonly OutboxEntry[];
  /** A fresh request id (uuid v4, upper- or lower-case as the provider uses). */
  requestId(): string;
  /** Delivery events of accepted copies (events/log.ts); status queries answer from it. */
  readonly events: EventLog;
}

/** A provider-documented error, answered in that provider's envelope. */
export interface EmuError {
  readonly code: string;
  readonly message: string;
  /** HTTP status (DirectMail uses 4xx/5xx; Tencent answers 200 unless told otherwise). */
  readonly status?: number;
}

export interface ProviderModule {
  readonly id: ProviderId;
  /** Does this request belong to this provider? */
  match(req: EmuRequest): boolean;
  /** The action name of the request, or undefined if none can be read. */
  action(req: EmuRequest): string | undefined;
  /** Verify, validate and execute. Never throws for a bad request: answers the provider's error. */
  handle(req: EmuRequest, ctx: EmuContext): Promise<EmuResponse>;
  /** Render a provider error in the provider's envelope (used by fault injection). */
  errorResponse(req: EmuRequest, error: EmuError, ctx: EmuContext): EmuResponse;
  /** Called when the clock moves: fire scheduled work that is due. */
  tick?(ctx: EmuContext): void;
  /** JSON-friendly view of the module's state for the admin API. */
  snapshot(): unknown;
  /** Seed resources (senders, domains, templates, groups); shape documented by the module. */
  seed(data: unknown): void;
  /**
   * Throw the TypeError `seed(data)` would, changing nothing: a seed's checks read no state, so
   * modules apply it to an empty one. `seedModules` checks every part before applying any.
   */
  checkSeed(data: unknown): void;
  /** Forget everything except accepted credentials. */
  reset(): void;
}

/** A fault applied to the next `count` requests of one action (or of any action). */
export type Fault =
  | {
      readonly kind: 'error';
      readonly code: string;
      readonly message?: string;
      readonly status?: number;
    }
  | { readonly kind: 'status'; readonly status: number; readonly body?: string }
  | { readonly kind: 'delay'; readonly ms: number }
  /** Read the request, process it normally, then destroy the socket without answering. */
  | { readonly kind: 'drop' }
  /** Destroy the socket before processing (the request is certainly not executed). */
  | { readonly kind: 'reset' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'html'; readonly status?: number }
  /** Answer a valid-looking body larger than `bytes`. */
  | { readonly kind: 'oversize'; readonly bytes: number };

/**
 * "Apply `fault` to the next `count` requests of this provider and/or action": what
 * `emulator.inject()` and `POST /__emulator/faults` take. Rules are consumed in order.
 */
export interface FaultRule {
  readonly provider?: ProviderId;
  /** Action name; omitted = every action. */
  readonly action?: string;
  /** How many matching requests the fault applies to (default 1). */
  readonly count?: number;
  readonly fault: Fault;
}

/** Credentials the emulator accepts, per provider. */
export interface Credential {
  readonly id: string;
  readonly secret: string;
  /** STS token (Aliyun SecurityToken, Tencent X-TC-Token) that must accompany this key, if any. */
  readonly token?: string;
}
