/**
 * The neutral resource views of a mailer: `mailer.templates`, `.senders`, `.domains`,
 * `.suppression` and `.stats`. Inputs are checked here, before any request; an operation the
 * provider lacks is `unsupported`, naming it; listings page lazily.
 */
import { invalidInput, unsupported } from '../errors.js';
import type { Operation, Page, Provider } from '../provider.js';
import {
  checkStatsQuery,
  checkTemplateInput,
  formatDay,
  requireAddress,
  requireAddresses,
  requireId,
  requireTemplateId,
} from './check.js';
import { allPages, type Run } from './pages.js';
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

/** Per-call options of the resource views. */
export interface ResourceCallOptions {
  readonly signal?: AbortSignal;
}
type Opts = ResourceCallOptions | undefined;
type PageOp<T> = (cursor: string | undefined, pageSize: number) => Operation<Page<T>>;

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

/** The five resource views a mailer carries. */
export interface AccountResources {
  readonly templates: Templates;
  readonly senders: Senders;
  readonly domains: Domains;
  readonly suppression: SuppressionList;
  readonly stats: Stats;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Build the resource views over a provider; every view is `unsupported` when it has none. */
export function createResources(provider: Provider, run: Run, now: () => number): AccountResources {
  const id = provider.id;
  const ops = provider.resources;
  const caps = provider.capabilities.resources;
  const missing = (operation: string) => () => {
    throw unsupported(id, operation, `the ${id} API has no such operation`);
  };
  /** The adapter's operation, or an `unsupported` error naming `name` when it has none. */
  const need = <F>(f: F | undefined, name: string): F => {
    if (f === undefined || !ops || !caps) return missing(name)() as never;
    return f;
  };
  const value = async <T>(op: Operation<T>, o: Opts): Promise<T> =>
    (await run(op, o?.signal)).value;
  const pageSize = caps?.pageSize ?? 100;
  const templateId = (tid: unknown) =>
    requireTemplateId(tid, id, provider.capabilities.content.template === 'id');
  const list = <T>(name: string, page: PageOp<T> | undefined, o: Opts) => {
    const f = need(page, name);
    return allPages<T>(id, run, (cursor) => f(cursor, pageSize), o?.signal);
  };

  const templates: Templates = {
    list: (o) => list('templates.list', ops?.templates.list, o),
    get: async (tid, o) => value(need(ops?.templates.get, 'templates.get')(templateId(tid)), o),
    async create(input, o) {
      const f = need(
        caps?.templates.create ? ops?.templates.create : undefined,
        'templates.create',
      );
      return value(f(checkTemplateInput(input, id, caps?.templates.nameMaxLength)), o);
    },
    async update(tid, input, o) {
      const f = need(
        caps?.templates.update ? ops?.templates.update : undefined,
        'templates.update',
      );
      const checked = checkTemplateInput(input, id, caps?.templates.nameMaxLength);
      await value(f(templateId(tid), checked), o);
    },
    async delete(tid, o) {
      const f = need(
        caps?.templates.delete ? ops?.templates.delete : undefined,
        'templates.delete',
      );
      await value(f(templateId(tid)), o);
    },
  };

  const domains: Domains = {
    list: (o) => list('domains.list', ops?.domains.list, o),
    get: async (did, o) =>
      value(need(ops?.domains.get, 'domains.get')(requireId(did, 'id', id)), o),
    async create(name, o) {
      const f = need(caps?.domains.create ? ops?.domains.create : undefined, 'domains.create');
      return value(f(requireDomain(name, id)), o);
    },
    async delete(did, o) {
      const f = need(caps?.domains.delete ? ops?.domains.delete : undefined, 'domains.delete');
      await value(f(requireId(did, 'id', id)), o);
    },
  };

  const senders: Senders = {
    list: (o) =>
      withDomainStatus(list<Sender>('senders.list', ops?.senders.list, o), () => domains.list(o)),
    async create(input, o) {
      const f = need(caps?.senders.create ? ops?.senders.create : undefined, 'senders.create');
      const address = requireAddress((input as SenderInput | undefined)?.address, ['address'], id);
      const name = (input as SenderInput).name;
      if (name !== undefined && !caps?.senders.name) missing('senders.name')();
      if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
        throw invalidInput([{ path: ['name'], message: 'expected a non-empty string' }], id);
      }
      return value(f({ address, ...(name === undefined ? {} : { name }) }), o);
    },
    async delete(sid, o) {
      const f = need(caps?.senders.delete ? ops?.senders.delete : undefined, 'senders.delete');
      await value(f(requireId(sid, 'id', id)), o);
    },
  };

  const suppression: SuppressionList = {
    list: (o) => list('suppression.list', ops?.suppression.list, o),
    async add(addresses, o) {
      const add = need(ops?.suppression.add, 'suppression.add');
      const valid = requireAddresses(addresses, 'addresses', id);
      const chunk = caps?.suppression.addChunk ?? 1;
      for (let i = 0; i < valid.length; i += chunk) await value(add(valid.slice(i, i + chunk)), o);
      return { added: valid.length };
    },
    async remove(addresses, o) {
      const s = need(ops?.suppression, 'suppression.remove');
      const valid = requireAddresses(addresses, 'addresses', id);
      let removed = 0;
      for (const address of valid) {
        const want = address.toLowerCase();
        const entries: SuppressedAddress[] = [];
        for await (const e of allPages(id, run, (c) => s.list(c, pageSize, address), o?.signal)) {
          if (e.address.toLowerCase() === want) entries.push(e);
        }
        if (entries.length === 0) continue;
        await value(s.remove(caps?.suppression.removeBy === 'id' ? entries : [{ address }]), o);
        removed += 1;
      }
      return { removed };
    },
  };

  const stats: Stats = {
    async daily(query, o) {
      const daily = need(ops?.stats.daily, 'stats.daily');
      const span = caps?.stats.maxSpanDays ?? 1;
      const q = checkStatsQuery(query, id, caps?.stats.maxAgeDays ?? 0, now());
      const out: DailyStats[] = [];
      for (let start = q.from; start <= q.to; start += span * DAY_MS) {
        const end = Math.min(q.to, start + (span - 1) * DAY_MS);
        const part = {
          from: formatDay(start),
          to: formatDay(end),
          ...(q.domain ? { domain: q.domain } : {}),
        };
        out.push(...(await value<readonly DailyStats[]>(daily(part), o)));
      }
      return out;
    },
  };

  return { templates, senders, domains, suppression, stats };
}

/** A domain name: a non-empty string with a dot and no `@` or spaces. */
function requireDomain(name: unknown, provider: string): string {
  if (typeof name === 'string' && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(name)) return name;
  throw invalidInput([{ path: ['name'], message: 'expected a domain name' }], provider);
}

/**
 * Fill the status of senders the API lists without one (Tencent's ListEmailAddress) from their
 * domain's verification: mail goes out from an address only when its domain is verified.
 */
async function* withDomainStatus(
  senders: AsyncIterable<Sender>,
  domains: () => AsyncIterable<Domain>,
): AsyncGenerator<Sender, void, undefined> {
  let byName: Map<string, Domain> | undefined;
  for await (const sender of senders) {
    if (sender.providerStatus !== undefined) {
      yield sender;
      continue;
    }
    if (!byName) {
      byName = new Map();
      for await (const d of domains()) byName.set(d.name.toLowerCase(), d);
    }
    const domain = byName.get(sender.address.split('@')[1]?.toLowerCase() ?? '');
    yield {
      ...sender,
      status: domain?.status ?? 'failed',
      providerStatus: domain ? `domain:${domain.providerStatus}` : 'domain:missing',
    };
  }
}
