/**
 * The neutral resource views of a mailer: `mailer.templates`, `.senders`, `.domains`,
 * `.suppression` and `.stats`. Inputs are checked here, before any request; an operation the
 * provider lacks is `unsupported`, naming it; listings page lazily.
 */
import type { Provider } from '../provider/provider.js';
import { domainsView, sendersView, templatesView } from './catalog.js';
import { createKit, type ResourceCallOptions } from './kit.js';
import { statsView, suppressionView } from './lists.js';
import type { Run } from './pages.js';
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

export type { ResourceCallOptions } from './kit.js';

/** Stored templates. `create`, `update` and `delete` are `unsupported` where the API has none. */
export interface Templates {
  list(options?: ResourceCallOptions): AsyncIterable<Template>;
  get(id: string, options?: ResourceCallOptions): Promise<Template>;
  create(input: TemplateInput, options?: ResourceCallOptions): Promise<Template>;
  update(id: string, input: TemplateInput, options?: ResourceCallOptions): Promise<void>;
  delete(id: string, options?: ResourceCallOptions): Promise<void>;
}

/** Sender addresses, with the verification status of their domain. */
export interface Senders {
  list(options?: ResourceCallOptions): AsyncIterable<Sender>;
  create(input: SenderInput, options?: ResourceCallOptions): Promise<Sender>;
  delete(id: string, options?: ResourceCallOptions): Promise<void>;
}

/** Sending domains and their verification. */
export interface Domains {
  list(options?: ResourceCallOptions): AsyncIterable<Domain>;
  get(id: string, options?: ResourceCallOptions): Promise<Domain>;
  create(name: string, options?: ResourceCallOptions): Promise<Domain>;
  delete(id: string, options?: ResourceCallOptions): Promise<void>;
}

/** The provider's own suppression list (DirectMail user suppression, Tencent custom blocklist). */
export interface SuppressionList {
  list(options?: ResourceCallOptions): AsyncIterable<SuppressedAddress>;
  add(addresses: readonly string[], options?: ResourceCallOptions): Promise<{ added: number }>;
  /** Remove addresses; `removed` counts the addresses that were on the list. */
  remove(addresses: readonly string[], options?: ResourceCallOptions): Promise<{ removed: number }>;
}

/** Daily sending statistics. */
export interface Stats {
  /** One entry per day the provider reports, oldest first; long ranges take several requests. */
  daily(query: StatsQuery, options?: ResourceCallOptions): Promise<DailyStats[]>;
}

/**
 * The five resource views a mailer carries. Listings are async iterators that fetch a page as
 * the loop reads; `capabilities.resources` says which operations the provider has.
 *
 * @example
 * ```ts
 * for await (const t of mailer.templates.list()) console.log(t.id, t.name, t.status);
 * await mailer.suppression.add(['bounced@example.com']);
 * const days = await mailer.stats.daily({ from: '2026-12-01', to: '2026-12-07' });
 * ```
 */
export interface AccountResources {
  readonly templates: Templates;
  readonly senders: Senders;
  readonly domains: Domains;
  readonly suppression: SuppressionList;
  readonly stats: Stats;
}

/** Build the resource views over a provider; an operation it lacks is `unsupported`. */
export function createResources(provider: Provider, run: Run, now: () => number): AccountResources {
  const kit = createKit(provider, run, now);
  const domains = domainsView(kit);
  return {
    templates: templatesView(kit),
    senders: sendersView(kit, domains),
    domains,
    suppression: suppressionView(kit),
    stats: statsView(kit),
  };
}
