/**
 * The inbox's view of the outbox: a stable id per delivered copy (kept while the copy is in
 * the outbox), newest-first listing with filters, and the detail of one copy joined with the
 * request that delivered it.
 */
import type { OutboxEntry } from '../types.js';
import type { Journal, RequestRecord } from './journal.js';

/** One line of the inbox list. */
export interface MessageSummary {
  readonly id: number;
  readonly provider: OutboxEntry['provider'];
  readonly action: string;
  readonly from: string;
  readonly fromName?: string;
  readonly to: string;
  readonly subject: string;
  readonly time: number;
  readonly messageId: string;
  readonly taskId?: string;
  readonly templateId?: string;
}

/** Filters of `GET /__emulator/inbox`: all optional, all must match. */
export interface MessageFilter {
  /** Substring of the recipient (case-insensitive). */
  readonly to?: string | undefined;
  readonly provider?: string | undefined;
  /** Substring of subject, sender, recipient, message id or task id (case-insensitive). */
  readonly q?: string | undefined;
}

/** Ids for outbox entries, assigned oldest first as they are first seen. */
export function createMessageIndex(outbox: readonly OutboxEntry[]) {
  const ids = new WeakMap<OutboxEntry, number>();
  let next = 1;
  const idOf = (entry: OutboxEntry): number => {
    let id = ids.get(entry);
    if (id === undefined) {
      id = next++;
      ids.set(entry, id);
    }
    return id;
  };
  const assignAll = () => {
    for (const entry of outbox) idOf(entry);
  };
  return {
    idOf,
    /** Give every current copy its id (oldest first), before newer ones are numbered. */
    assign: assignAll,
    /** Newest first, filtered, at most `limit`; `total` counts every match. */
    list(filter: MessageFilter, limit: number): { total: number; messages: MessageSummary[] } {
      assignAll();
      const messages: MessageSummary[] = [];
      let total = 0;
      for (let i = outbox.length - 1; i >= 0; i--) {
        const entry = outbox[i] as OutboxEntry;
        if (!matches(entry, filter)) continue;
        total += 1;
        if (messages.length < limit) messages.push(summaryOf(entry, idOf(entry)));
      }
      return { total, messages };
    },
    find(id: number): OutboxEntry | undefined {
      assignAll();
      return outbox.find((entry) => ids.get(entry) === id);
    },
  };
}

/** The list fields of a copy. */
export function summaryOf(entry: OutboxEntry, id: number): MessageSummary {
  return {
    id,
    provider: entry.provider,
    action: entry.action,
    from: entry.from,
    ...(entry.fromName === undefined ? {} : { fromName: entry.fromName }),
    to: entry.to,
    subject: entry.subject,
    time: entry.time,
    messageId: entry.messageId,
    ...(entry.taskId === undefined ? {} : { taskId: entry.taskId }),
    ...(entry.templateId === undefined ? {} : { templateId: entry.templateId }),
  };
}

/** A copy with everything the message view shows: the whole entry and its request. */
export function detailOf(
  entry: OutboxEntry,
  id: number,
  journal: Journal,
): OutboxEntry & { readonly id: number; readonly request?: RequestRecord } {
  const request = journal.byRequestId(entry.requestId);
  return { ...entry, id, ...(request === undefined ? {} : { request }) };
}

function matches(entry: OutboxEntry, filter: MessageFilter): boolean {
  if (filter.provider && entry.provider !== filter.provider) return false;
  if (filter.to && !entry.to.toLowerCase().includes(filter.to.toLowerCase())) return false;
  if (!filter.q) return true;
  const q = filter.q.toLowerCase();
  return [entry.subject, entry.from, entry.fromName, entry.to, entry.messageId, entry.taskId].some(
    (field) => field?.toLowerCase().includes(q),
  );
}
