/**
 * Recipient groups over DirectMail's receiver lists (docs/providers/aliyun-dm.md). A group's neutral id
 * is its `ReceiversName` (BatchSendMail names the list); the list calls resolve it to a
 * `ReceiverId` first (receiver-ids.ts).
 */
import type { Group, GroupInput, Page, Recipient } from '@mailbridge/core';
import type { Operation, ProviderGroups } from '@mailbridge/core/provider';
import { ACTIONS, type AliyunDmResponse } from './actions.js';
import type { ClientContext } from './client.js';
import { actionOperation, checkedParams, dmOperation, readResponse } from './client.js';
import { type ListsPage, nextPage, type ReceiverIds } from './receiver-ids.js';

/** `Detail` short keys (SDK, docs/providers/aliyun-dm.md SaveReceiverDetail) by the template variable they fill. */
const DETAIL_KEYS = {
  UserName: 'u',
  NickName: 'n',
  Gender: 'g',
  Birthday: 'b',
  Mobile: 'm',
} as const;
/** An operation on a list that first resolves its name to a ReceiverId (inside `build`). */
function onList<T>(
  ctx: ClientContext,
  ids: ReceiverIds,
  name: string,
  action: 'SaveReceiverDetail' | 'QueryReceiverDetail' | 'DeleteReceiverDetail' | 'DeleteReceiver',
  params: (receiverId: string) => Record<string, unknown>,
  read: (body: Record<string, unknown>, status: number) => T,
): Operation<T> {
  const spec = ACTIONS[action];
  let receiverId: string | undefined;
  const op = (id: string) =>
    dmOperation(ctx, { action, kind: spec.kind }, checkedParams(action, params(id)), (body, r) =>
      read(body, r.status),
    );
  return {
    ...op(''),
    async build(attempt) {
      receiverId ??= await ids.resolve(name, attempt);
      return op(receiverId).build(attempt);
    },
  };
}

/** Per-recipient `Detail` and `CustomDetail` entries (docs/providers/aliyun-dm.md SaveReceiverDetail). */
export function detailParams(chunk: readonly Recipient[]): {
  Detail: string;
  CustomDetail?: string;
} {
  const detail: Record<string, string>[] = [];
  const custom: { Email: string; CustomData: Record<string, string> }[] = [];
  for (const recipient of chunk) {
    const entry: Record<string, string> = { e: recipient.address };
    if (recipient.name) entry['u'] = recipient.name;
    const extra: Record<string, string> = {};
    for (const [key, value] of Object.entries(recipient.data ?? {})) {
      const short = (DETAIL_KEYS as Record<string, string>)[key];
      if (short) entry[short] = value;
      else extra[key] = value;
    }
    detail.push(entry);
    if (Object.keys(extra).length > 0) custom.push({ Email: recipient.address, CustomData: extra });
  }
  return {
    Detail: JSON.stringify(detail),
    ...(custom.length > 0 ? { CustomDetail: JSON.stringify(custom) } : {}),
  };
}

/** Parse an accepted body with an action's response schema. */
function parse<A extends keyof typeof ACTIONS>(
  action: A,
  body: Record<string, unknown>,
  status: number,
) {
  const spec = ACTIONS[action];
  return readResponse(action, spec.kind, spec.response, body, status) as AliyunDmResponse<A>;
}

/** CreateReceiver; the group id is the list name, and its ReceiverId is remembered. */
function createGroup(ctx: ClientContext, ids: ReceiverIds, input: GroupInput): Operation<Group> {
  // ReceiversAlias is required and "under 30 characters" (SDK); the name is 1–30.
  const params = {
    ReceiversName: input.name,
    // By code points: slicing UTF-16 units could split an emoji into a lone surrogate.
    ReceiversAlias: [...input.name].slice(0, 29).join(''),
    Desc: input.description,
  };
  return map(actionOperation(ctx, 'CreateReceiver', params), (res): Group => {
    if (res.ReceiverId !== undefined) ids.remember(input.name, res.ReceiverId);
    return {
      id: input.name,
      name: input.name,
      ...(input.description ? { description: input.description } : {}),
    };
  });
}

/** QueryReceiverByParam pages by `PageNo` (SDK request model); the cursor is the page number. */
function listGroups(
  ctx: ClientContext,
  ids: ReceiverIds,
  cursor: string | undefined,
  pageSize: number,
) {
  const pageNo = cursor === undefined ? 1 : Number(cursor);
  return map(
    actionOperation(ctx, 'QueryReceiverByParam', { PageNo: pageNo, PageSize: pageSize }),
    (page): Page<Group> => {
      ids.rememberPage(page);
      const next = nextPage(page, pageNo, pageSize);
      return {
        items: (page.data?.receiver ?? []).map(toGroup),
        ...(next ? { next: String(next) } : {}),
      };
    },
  );
}

/** QueryReceiverDetail pages by the `NextStart` token it returns. */
function readRecipients(
  body: Record<string, unknown>,
  status: number,
  cursor: string | undefined,
): Page<Recipient> {
  const page = parse('QueryReceiverDetail', body, status);
  const items = (page.data?.detail ?? []).flatMap((d) =>
    d.Email ? [toRecipient(d.Email, d.Data)] : [],
  );
  const next = page.NextStart;
  // An empty page or an unchanged cursor ends the listing, whatever the token says.
  const more = items.length > 0 && next !== undefined && next !== '' && next !== cursor;
  return { items, ...(more ? { next } : {}) };
}

/** The group operations (README: CreateReceiver, SaveReceiverDetail, QueryReceiverByParam, …). */
export function createGroupOperations(ctx: ClientContext, ids: ReceiverIds): ProviderGroups {
  return {
    create: (input) => createGroup(ctx, ids, input),
    list: (cursor, pageSize) => listGroups(ctx, ids, cursor, pageSize),
    addRecipients: (group, chunk) =>
      onList(
        ctx,
        ids,
        group,
        'SaveReceiverDetail',
        (id) => ({ ReceiverId: id, ...detailParams(chunk) }),
        (body, status) => ({
          added: parse('SaveReceiverDetail', body, status).SuccessCount ?? chunk.length,
        }),
      ),
    listRecipients: (group, cursor, pageSize) =>
      onList(
        ctx,
        ids,
        group,
        'QueryReceiverDetail',
        (id) => ({ ReceiverId: id, NextStart: cursor ?? '0', PageSize: pageSize }),
        (body, status) => readRecipients(body, status, cursor),
      ),
    removeRecipient: (group, address) =>
      onList(
        ctx,
        ids,
        group,
        'DeleteReceiverDetail',
        (id) => ({ ReceiverId: id, Email: address }),
        () => undefined,
      ),
    delete: (group) =>
      onList(
        ctx,
        ids,
        group,
        'DeleteReceiver',
        (id) => ({ ReceiverId: id }),
        () => {
          ids.forget(group);
        },
      ),
  };
}

function map<A, B>(op: Operation<A>, f: (a: A) => B): Operation<B> {
  return { ...op, parse: (response, attempt) => f(op.parse(response, attempt)) };
}

type ListItem = NonNullable<NonNullable<ListsPage['data']>['receiver']>[number];

function toGroup(list: ListItem): Group {
  const name = list.ReceiversName ?? '';
  const created = list.UtcCreateTime;
  const count = list.Count === undefined ? Number.NaN : Number(list.Count);
  return {
    id: name,
    name,
    ...(list.Desc ? { description: list.Desc } : {}),
    ...(Number.isFinite(count) ? { count } : {}),
    ...(created !== undefined && Number.isFinite(created)
      ? { createdAt: new Date(created * 1000) }
      : {}),
    ...(list.ReceiversStatus === undefined ? {} : { status: list.ReceiversStatus }),
  };
}

/** `Data` holds the recipient's variables; a JSON object string in the emulator, unconfirmed live. */
function toRecipient(address: string, data: string | undefined): Recipient {
  if (data === undefined || data === '') return { address };
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      const entries = Object.entries(parsed).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      );
      return entries.length > 0 ? { address, data: Object.fromEntries(entries) } : { address };
    }
  } catch {
    // Not JSON: keep the raw text rather than lose it.
  }
  return { address, data: { Data: data } };
}
