/**
 * What an adapter implements for the account resources: one `Operation` per provider request
 * (the core pages, chunks, validates and runs them), and capabilities saying which operations
 * exist (`capabilities.resources`). An operation the capabilities mark `false` is absent and the
 * core answers `unsupported`, naming it, before any request.
 */
import type { Operation, Page } from '../provider/provider.js';
import type {
  DailyStats,
  Domain,
  Sender,
  SenderInput,
  StatsQuery,
  SuppressedAddress,
  Template,
  TemplateInput,
} from './types.js';

/** Which resource operations a provider has, and their documented limits. */
export interface ResourceCapabilities {
  readonly templates: {
    readonly create: boolean;
    readonly update: boolean;
    readonly delete: boolean;
    /** Longest template name in characters, if documented. */
    readonly nameMaxLength?: number;
  };
  readonly senders: {
    readonly create: boolean;
    readonly delete: boolean;
    /** A display name is stored with the address. */
    readonly name: boolean;
  };
  readonly domains: { readonly create: boolean; readonly delete: boolean };
  readonly suppression: {
    /** Most addresses one add request takes (the core chunks to it). */
    readonly addChunk: number;
    /** `id`: removal needs the entries' ids, so the core looks each address up first. */
    readonly removeBy: 'address' | 'id';
  };
  readonly stats: {
    /** Longest range one request may cover, in days (the core splits longer ranges). */
    readonly maxSpanDays: number;
    /** How far back the provider keeps daily statistics, in days. */
    readonly maxAgeDays: number;
  };
  /** Page size of the list iterators. */
  readonly pageSize: number;
}

/** The template operations of an adapter. */
export interface ProviderTemplates {
  list(cursor: string | undefined, pageSize: number): Operation<Page<Template>>;
  get(id: string): Operation<Template>;
  create?(input: TemplateInput): Operation<Template>;
  update?(id: string, input: TemplateInput): Operation<void>;
  delete?(id: string): Operation<void>;
}

/** The sender-address operations of an adapter. */
export interface ProviderSenders {
  /** Senders whose verification the API does not state carry `status: 'pending'` and `providerStatus` undefined; the core fills them from the domains. */
  list(cursor: string | undefined, pageSize: number): Operation<Page<Sender>>;
  create?(input: SenderInput): Operation<Sender>;
  delete?(id: string): Operation<void>;
}

/** The sending-domain operations of an adapter. */
export interface ProviderDomains {
  list(cursor: string | undefined, pageSize: number): Operation<Page<Domain>>;
  get(id: string): Operation<Domain>;
  create?(name: string): Operation<Domain>;
  delete?(id: string): Operation<void>;
}

/** The suppression-list operations of an adapter. */
export interface ProviderSuppressionList {
  /** One page; with `address`, only that address's entries. */
  list(
    cursor: string | undefined,
    pageSize: number,
    address?: string,
  ): Operation<Page<SuppressedAddress>>;
  /** Add one chunk (at most `suppression.addChunk` addresses). */
  add(addresses: readonly string[]): Operation<void>;
  /** Remove entries (by address, or by the ids a lookup found: `suppression.removeBy`). */
  remove(entries: readonly SuppressedAddress[]): Operation<void>;
}

/** The statistics operation of an adapter: one request for a range within the limits. */
export interface ProviderStats {
  daily(query: StatsQuery): Operation<readonly DailyStats[]>;
}

/** Everything an adapter offers for the account resources. */
export interface ProviderResources {
  readonly templates: ProviderTemplates;
  readonly senders: ProviderSenders;
  readonly domains: ProviderDomains;
  readonly suppression: ProviderSuppressionList;
  readonly stats: ProviderStats;
}
