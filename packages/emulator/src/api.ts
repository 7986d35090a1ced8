/**
 * The public shape of a running emulator and its options. Kept apart from server.ts so the
 * types can be read (and exported) without the implementation.
 */
import type { AliyunSeed } from './aliyun/index.js';
import type { EmulatorEvents } from './events/log.js';
import type { RequestListener } from './inbox/index.js';
import type { TencentSeed } from './tencent/seed.js';
import type { Credential, FaultRule, OutboxEntry, ProviderId } from './types.js';

/**
 * Resources to create at start (or later through `seed()` / `POST /__emulator/seed`), per
 * provider. Seeding adds to what exists; it never deletes.
 */
export interface EmulatorSeed {
  /** DirectMail resources; the shape is documented by the DirectMail section of the README. */
  readonly aliyun?: AliyunSeed;
  /** Tencent SES resources: domains, senders, templates, groups, `allowSimple`, limits. */
  readonly tencent?: TencentSeed;
}

/** Options of `startEmulator`. Every field is optional. */
export interface EmulatorOptions {
  /** Interface to bind; default `127.0.0.1` (loopback only). */
  readonly host?: string;
  /** Port to bind; default 0 = any free port (read it back from `emulator.port`). */
  readonly port?: number;
  /** DirectMail keys to accept; default one random pair. */
  readonly aliyunKeys?: readonly Credential[];
  /** Tencent SES keys to accept; default one random pair. */
  readonly tencentKeys?: readonly Credential[];
  /** Extra resources, applied after the default seed (and again on `reset()`). */
  readonly seed?: EmulatorSeed;
  /** Seed the default resources (`ALIYUN_DEFAULT_SEED`, `TENCENT_DEFAULT_SEED`); default true. */
  readonly defaultSeed?: boolean;
  /** Initial emulator clock, ms since epoch; default `Date.now()`. */
  readonly startTime?: number;
  /**
   * Offset (ms) added to the wall clock for signature-timestamp checks. Signatures are checked
   * against `Date.now() + authSkewMs`, never the emulator clock, so moving the clock for
   * scheduled work does not expire every signature. Default 0.
   */
  readonly authSkewMs?: number;
  /** Where to POST each provider's delivery events from the start (see `Emulator.events`). */
  readonly callbacks?: Partial<Record<ProviderId, string>>;
}

/** Per provider, per action: how many requests the emulator received (faulted ones included). */
export type RequestCounts = Readonly<Record<ProviderId, Readonly<Record<string, number>>>>;

/** A running emulator: endpoints, accepted keys, outbox, faults, clock and state controls. */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Endpoint for DirectMail clients (same as `url`). */
  readonly aliyunEndpoint: string;
  /** Endpoint for Tencent SES clients (same as `url`). */
  readonly tencentEndpoint: string;
  /** The inbox page, `http://127.0.0.1:PORT/`: every delivered copy, live (see the README). */
  readonly inboxUrl: string;
  /**
   * Call `listener` once per provider request when it is answered (or dropped): provider,
   * action, status, copies delivered, latency, and the request with its signature redacted.
   * Returns the unsubscribe function. The bin's console log is built on it.
   */
  onRequest(listener: RequestListener): () => void;
  /**
   * DirectMail's SMTP interface (attachments): plain SMTP with AUTH PLAIN/LOGIN on this host,
   * as a seeded sender address with its `smtpPassword` (the default seed's
   * `noreply@mail.example.com` has `emulator-smtp-password`).
   */
  readonly smtp: { readonly host: string; readonly port: number };
  /** `host:port`, the form the official SDKs take as their endpoint. */
  readonly host: string;
  readonly port: number;
  /** The keys each provider accepts (the generated ones when none were passed). */
  readonly credentials: { readonly aliyun: Credential[]; readonly tencent: Credential[] };
  /**
   * Delivery events: every accepted copy gets one (its address picks the outcome: `bounce@`,
   * `bounce+soft@`, `defer@`, `drop@`, `complaint@`, `unsubscribe@`, else delivered), opens and
   * clicks are added here; each is recorded and POSTed in its provider's shape to the callback
   * set with `events.setCallback`.
   */
  readonly events: EmulatorEvents;
  /** Every delivered copy, oldest first. A live array: it grows as mail is accepted. */
  readonly outbox: readonly OutboxEntry[];
  clearOutbox(): void;
  /** Live request counters: `requests['tencent-ses'].SendEmail`. */
  readonly requests: RequestCounts;
  /** Requests received for a provider and/or action (all when both are omitted). */
  requestCount(filter?: { readonly provider?: ProviderId; readonly action?: string }): number;
  /** Apply `rule.fault` to the next `rule.count` (default 1) matching requests. */
  inject(rule: FaultRule): void;
  clearFaults(): void;
  /** The emulator clock (ms since epoch). */
  now(): number;
  /** Move the clock forwards and fire every scheduled task that became due. */
  advance(ms: number): void;
  /** Set the clock to an absolute time and fire what became due. */
  setTime(ms: number): void;
  /** Change the signature-timestamp offset (see `EmulatorOptions.authSkewMs`). */
  setAuthSkew(ms: number): void;
  /**
   * Add resources (see `EmulatorSeed`). All or nothing: a refused entry throws a TypeError
   * naming its path, and nothing of the seed (of either provider) is applied.
   */
  seed(data: EmulatorSeed): void;
  /** JSON view of every provider's state (groups, templates, tasks…), as the admin API shows. */
  state(): Readonly<Record<ProviderId, unknown>>;
  /**
   * Back to the state right after start: clears outbox, faults, counters and every resource,
   * then re-applies the default seed and `options.seed`. Keys and clock are kept.
   */
  reset(): void;
  /** Stop listening, cancel pending delays and destroy open sockets (keep-alive included). */
  close(): Promise<void>;
}
