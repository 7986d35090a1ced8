/**
 * What every resource view shares: the provider's operations and capabilities, the one
 * `unsupported` answer for an operation it lacks, and running an operation or a listing
 * through the mailer's executor.
 */
import { unsupported } from '../errors.js';
import type { Operation, Page, Provider } from '../provider/provider.js';
import type { ProviderResources, ResourceCapabilities } from './contract.js';
import { allPages, type Run } from './pages.js';

/** Per-call options of the resource views. */
export interface ResourceCallOptions {
  readonly signal?: AbortSignal;
}

/** One page operation of an adapter. */
export type PageOp<T> = (cursor: string | undefined, pageSize: number) => Operation<Page<T>>;

/** The shared pieces of the views over one provider. */
export interface Kit {
  readonly id: string;
  readonly provider: Provider;
  readonly ops: ProviderResources | undefined;
  readonly caps: ResourceCapabilities | undefined;
  readonly pageSize: number;
  readonly run: Run;
  readonly now: () => number;
  /** The adapter's operation, or throw `unsupported` naming `name` when it has none. */
  need<F>(f: F | undefined, name: string): F;
  /** Like `need`, for an operation the capabilities may also turn off. */
  allowed<F>(flag: boolean | undefined, f: F | undefined, name: string): F;
  /** Run one operation and return its value. */
  value<T>(op: Operation<T>, options: ResourceCallOptions | undefined): Promise<T>;
  /** Every item of a listing, page by page as the caller reads. */
  list<T>(
    name: string,
    page: PageOp<T> | undefined,
    options: ResourceCallOptions | undefined,
  ): AsyncIterable<T>;
}

/** The kit over a provider and the mailer's executor. */
export function createKit(provider: Provider, run: Run, now: () => number): Kit {
  const id = provider.id;
  const ops = provider.resources;
  const caps = provider.capabilities.resources;
  const pageSize = caps?.pageSize ?? 100;
  const need = <F>(f: F | undefined, name: string): F => {
    if (f === undefined || !ops || !caps) {
      throw unsupported(id, name, `the ${id} API has no such operation`);
    }
    return f;
  };
  return {
    id,
    provider,
    ops,
    caps,
    pageSize,
    run,
    now,
    need,
    allowed: (flag, f, name) => need(flag ? f : undefined, name),
    value: async (op, options) => (await run(op, options?.signal)).value,
    list(name, page, options) {
      const f = need(page, name);
      return allPages(id, run, (cursor) => f(cursor, pageSize), options?.signal);
    },
  };
}
