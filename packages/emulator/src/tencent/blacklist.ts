/**
 * The account's custom blocklist (docs/providers/resources.md §4; request and row fields as the official
 * SDK models them): CreateCustomBlacklist, ListCustomBlacklist (Status 0 expired, 1 active,
 * 2 all), DeleteCustomBlackList. Kept per state object, so `reset()` empties it.
 */
import type { ActionContext, ActionResult } from './action.js';
import { fail } from './errors.js';
import { checkKnown, optString, optStrings, paging, reqInt } from './params.js';
import type { TencentState } from './state.js';
import { formatCst } from './time.js';

interface Entry {
  readonly id: number;
  readonly email: string;
  readonly createdAt: number;
  readonly expireDate?: string;
}

const lists = new WeakMap<TencentState, Map<string, Entry>>();
const listOf = (state: TencentState) => {
  const list = lists.get(state) ?? new Map<string, Entry>();
  lists.set(state, list);
  return list;
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emails(a: ActionContext): readonly string[] {
  const list = optStrings(a.params, 'Emails');
  if (list === undefined || list.length === 0)
    fail('MissingParameter', 'missing required parameter Emails');
  return list;
}

/** CreateCustomBlacklist: Emails, ExpireDate (optional). */
export function createCustomBlacklist(a: ActionContext): ActionResult {
  checkKnown(a.params, ['Emails', 'ExpireDate']);
  const expireDate = optString(a.params, 'ExpireDate');
  const list = listOf(a.state);
  let valid = 0;
  let repeat = 0;
  let invalid = 0;
  for (const email of emails(a)) {
    const key = email.toLowerCase();
    if (!EMAIL.test(email)) invalid += 1;
    else if (list.has(key)) repeat += 1;
    else {
      list.set(key, {
        id: list.size + 1,
        email,
        createdAt: a.ctx.now(),
        ...(expireDate ? { expireDate } : {}),
      });
      valid += 1;
    }
  }
  return {
    TotalCount: valid + repeat + invalid,
    ValidCount: valid,
    TooLongCount: 0,
    RepeatCount: repeat,
    InvalidCount: invalid,
  };
}

/** ListCustomBlacklist: Offset, Limit (≤100), Status (required), Email. */
export function listCustomBlacklist(a: ActionContext): ActionResult {
  checkKnown(a.params, ['Offset', 'Limit', 'Status', 'Email']);
  const { offset, limit } = paging(a.params);
  const status = reqInt(a.params, 'Status');
  const email = optString(a.params, 'Email')?.toLowerCase();
  // Every emulated entry is active: Status 0 (expired) lists none.
  const rows =
    status === 0
      ? []
      : [...listOf(a.state).entries()].filter(([k]) => email === undefined || k === email);
  return {
    TotalCount: rows.length,
    Data: rows.slice(offset, offset + limit).map(([, e]) => ({
      Id: e.id,
      Email: e.email,
      CreateTime: formatCst(e.createdAt),
      ExpireDate: e.expireDate ?? '',
      Status: 1,
    })),
  };
}

/** DeleteCustomBlackList: Emails. */
export function deleteCustomBlackList(a: ActionContext): ActionResult {
  checkKnown(a.params, ['Emails']);
  const list = listOf(a.state);
  for (const email of emails(a)) list.delete(email.toLowerCase());
  return {};
}
