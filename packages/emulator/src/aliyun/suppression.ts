/**
 * The user suppression list (docs/providers/aliyun-dm.md "Other actions"; response fields as
 * the official SDK models them): CreateUserSuppression (Address: an email or a domain),
 * ListUserSuppression (Address, PageNo, PageSize → `Data.UserSuppressions[]`),
 * RemoveUserSuppression (SuppressionIds, comma-separated). Kept per state object, so
 * `reset()` empties it.
 */
import type { DmCall } from './call.js';
import { fail } from './errors.js';
import type { DmBody } from './render.js';
import type { DmState } from './state.js';
import { paginate, paging, required } from './validate.js';

interface Entry {
  readonly id: number;
  readonly address: string;
  readonly createTime: number;
}

const lists = new WeakMap<DmState, Map<string, Entry>>();
const listOf = (state: DmState) => {
  const list = lists.get(state) ?? new Map<string, Entry>();
  lists.set(state, list);
  return list;
};

/** CreateUserSuppression: answers the new SuppressionId; an address already listed keeps its id. */
export function createUserSuppression(call: DmCall): DmBody {
  const address = required(call.params, 'Address');
  if (!/^([^\s@]+@)?[^\s@]+\.[^\s@]+$/.test(address))
    fail('InvalidParameter', 'Address is not an email or a domain.');
  const list = listOf(call.state);
  const key = address.toLowerCase();
  const existing = list.get(key);
  if (existing) return { SuppressionId: String(existing.id) };
  const entry = { id: 1000 + list.size + 1, address, createTime: Math.floor(call.now / 1000) };
  list.set(key, entry);
  return { SuppressionId: String(entry.id) };
}

/** ListUserSuppression: Address filter (exact, case-insensitive), PageNo (1), PageSize (10). */
export function listUserSuppression(call: DmCall): DmBody {
  const address = call.params.opt('Address')?.toLowerCase();
  const { pageNo, pageSize } = paging(call.params, 10);
  const rows = [...listOf(call.state).entries()]
    .filter(([key]) => address === undefined || key === address)
    .map(([, e]) => ({
      SuppressionId: e.id,
      Address: e.address,
      Type: 'user',
      CreateTime: e.createTime,
      LastBounceTime: 0,
    }));
  return {
    TotalCount: rows.length,
    PageNumber: pageNo,
    PageSize: pageSize,
    Data: { UserSuppressions: paginate(rows, pageNo, pageSize) },
  };
}

/** RemoveUserSuppression: SuppressionIds, comma-separated; unknown ids are ignored. */
export function removeUserSuppression(call: DmCall): DmBody {
  const ids = new Set(
    required(call.params, 'SuppressionIds')
      .split(',')
      .map((s) => s.trim()),
  );
  const list = listOf(call.state);
  for (const [key, entry] of list) if (ids.has(String(entry.id))) list.delete(key);
  return {};
}
