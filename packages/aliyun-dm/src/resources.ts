/**
 * The account resources over DirectMail (docs/providers/resources.md): one module per resource,
 * gathered here with the paging both list styles share (PageNo/PageSize with TotalCount).
 */
import type { Page } from '@mailbridge/core';
import type { Operation, ProviderResources } from '@mailbridge/core/provider';
import type { ClientContext } from './client.js';
import { domainOperations } from './domains.js';
import { senderOperations } from './senders.js';
import { statsOperations } from './stats.js';
import { suppressionOperations } from './suppression.js';
import { templateOperations } from './templates.js';

/** The resource operations of the DirectMail provider. */
export function resourceOperations(ctx: ClientContext): ProviderResources {
  return {
    templates: templateOperations(ctx),
    senders: senderOperations(ctx),
    domains: domainOperations(ctx),
    suppression: suppressionOperations(ctx),
    stats: statsOperations(ctx),
  };
}

/** The PageNo a cursor stands for (the first page has no cursor). */
export function pageNoOf(cursor: string | undefined): number {
  return cursor === undefined ? 1 : Number(cursor);
}

/** A page, with the next PageNo while TotalCount says more remain (or the page was full). */
export function pageOf<T>(
  items: readonly T[],
  pageNo: number,
  pageSize: number,
  total: number | undefined,
): Page<T> {
  const more =
    items.length > 0 &&
    (total === undefined ? items.length >= pageSize : pageNo * pageSize < total);
  return { items, ...(more ? { next: String(pageNo + 1) } : {}) };
}

/** An operation whose parsed value is passed through `f`. */
export function mapOperation<A, B>(op: Operation<A>, f: (a: A) => B): Operation<B> {
  return { ...op, parse: (response, attempt) => f(op.parse(response, attempt)) };
}

/** A DirectMail time: epoch seconds when given, else the `2019-09-29T13:28Z` text. */
export function dmTime(seconds: number | undefined, text: string | undefined): Date | undefined {
  if (seconds !== undefined && Number.isFinite(seconds) && seconds > 0) {
    return new Date(seconds * 1000);
  }
  const ms = text === undefined ? Number.NaN : Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
