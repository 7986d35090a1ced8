/**
 * Recipient groups on SES "receivers" (docs/providers/tencent-ses.md "Recipient groups"): CreateReceiver,
 * CreateReceiverDetail / CreateReceiverDetailWithData (20,000 per call, 50,000 per group,
 * asynchronous, no de-duplication), ListReceivers and ListReceiverDetails (Offset/Limit pages of
 * at most 100), DeleteReceiver. The API has no way to remove one address, so `removeRecipient`
 * is absent and the core reports `unsupported`.
 */
import type { Group, Page, Recipient } from '@mailbridge/core';
import { invalidInput, type Operation, type ProviderGroups } from '@mailbridge/core/provider';
import type { ActionOutput } from './actions.js';
import { actionOperation, mappedOperation, type RequestContext } from './client.js';
import { PROVIDER_ID } from './config.js';
import { receiverId } from './mapping.js';
import { parseChinaTime } from './time.js';

/** ReceiverInputData.TemplateData: at most 800 bytes per row (docs/providers/tencent-ses.md). */
export const RECIPIENT_DATA_MAX_BYTES = 800;

/** ReceiversStatus names (docs/providers/tencent-ses.md "Data types", ReceiverData). */
const RECEIVER_STATUS: Readonly<Record<number, string>> = {
  1: 'pending',
  2: 'uploading',
  3: 'ready',
};

/** The group operations over SES receivers. */
export function receiverGroups(context: RequestContext): ProviderGroups {
  return {
    create: (input) =>
      actionOperation(
        context,
        'CreateReceiver',
        {
          ReceiversName: input.name,
          ...(input.description === undefined ? {} : { Desc: input.description }),
        },
        (out): Group => ({
          id: String(out.ReceiverId),
          name: input.name,
          ...(input.description === undefined ? {} : { description: input.description }),
          count: 0,
        }),
      ),
    list: (cursor, pageSize) => {
      const offset = offsetOf(cursor);
      return actionOperation(context, 'ListReceivers', { Offset: offset, Limit: pageSize }, (out) =>
        page(offset, out.Data ?? [], out.TotalCount, toGroup),
      );
    },
    addRecipients: (group, chunk) => uploadChunk(context, group, chunk),
    listRecipients: (group, cursor, pageSize) => {
      const offset = offsetOf(cursor);
      const params = { ReceiverId: requireReceiverId(group), Offset: offset, Limit: pageSize };
      return actionOperation(context, 'ListReceiverDetails', params, (out) =>
        page(offset, out.Data ?? [], out.TotalCount, toRecipient),
      );
    },
    delete: (group) =>
      actionOperation(
        context,
        'DeleteReceiver',
        { ReceiverId: requireReceiverId(group) },
        () => undefined,
      ),
  };
}

/**
 * One upload call: CreateReceiverDetail for bare addresses, CreateReceiverDetailWithData when
 * recipients carry data (docs/providers/tencent-ses.md). `added` is what SES counted as valid.
 *
 * @see https://cloud.tencent.com/document/api/1288/70776 (CreateReceiverDetailWithData)
 */
function uploadChunk(
  context: RequestContext,
  group: string,
  chunk: readonly Recipient[],
): Operation<{ readonly added: number }> {
  const id = requireReceiverId(group);
  const counted = (out: { readonly ValidCount?: number | undefined }) => ({
    added: out.ValidCount ?? chunk.length,
  });
  if (!chunk.some((r) => r.data !== undefined)) {
    const params = { ReceiverId: id, Emails: addressesOf(chunk) };
    return mappedOperation(context, 'CreateReceiverDetail', params, counted);
  }
  const params = { ReceiverId: id, Datas: rowsOf(chunk) };
  return mappedOperation(context, 'CreateReceiverDetailWithData', params, counted);
}

/** The Offset a page cursor stands for (0 for the first page). */
export function offsetOf(cursor: string | undefined): number {
  return cursor === undefined ? 0 : Number(cursor);
}

/** One page; the next cursor is the next Offset while TotalCount says more remain. */
export function page<In, Out>(
  offset: number,
  items: readonly In[],
  total: number | undefined,
  map: (item: In) => Out,
): Page<Out> {
  const nextOffset = offset + items.length;
  const more = items.length > 0 && (total === undefined || nextOffset < total);
  return { items: items.map(map), ...(more ? { next: String(nextOffset) } : {}) };
}

function toGroup(
  data: ActionOutput<'ListReceivers'>['Data'] extends (infer D)[] | undefined ? D : never,
): Group {
  const created = data.CreateTime ? parseChinaTime(data.CreateTime) : undefined;
  const status =
    data.ReceiversStatus === undefined ? undefined : RECEIVER_STATUS[data.ReceiversStatus];
  return {
    id: String(data.ReceiverId ?? ''),
    name: data.ReceiversName ?? '',
    ...(data.Desc ? { description: data.Desc } : {}),
    ...(data.Count === undefined ? {} : { count: data.Count }),
    ...(created ? { createdAt: created } : {}),
    ...(status ? { status } : {}),
  };
}

function toRecipient(
  detail: ActionOutput<'ListReceiverDetails'>['Data'] extends (infer D)[] | undefined ? D : never,
): Recipient {
  const data = parseRowData(detail.TemplateData);
  return { address: detail.Email ?? '', ...(data ? { data } : {}) };
}

function parseRowData(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  } catch {
    return undefined;
  }
}

function requireReceiverId(group: string): number {
  const id = receiverId(group);
  if (id !== undefined) return id;
  throw invalidInput(
    [{ path: ['group'], message: 'SES groups are numeric ReceiverIds' }],
    PROVIDER_ID,
  );
}

/** The bare addresses of a chunk (names are the core's check: `groups.recipientNames`). */
function addressesOf(chunk: readonly Recipient[]): string[] {
  return chunk.map((r) => r.address);
}

/**
 * Rows of CreateReceiverDetailWithData. Their rules (the same keys in every row, otherwise
 * InvalidParameterValue.TemplateDataInconsistent; 800 bytes each; plain-text values) are the
 * core's check, from `groups.recipientDataRules` (capabilities.ts).
 */
function rowsOf(chunk: readonly Recipient[]): { Email: string; TemplateData: string }[] {
  return chunk.map((r) => ({ Email: r.address, TemplateData: JSON.stringify(r.data ?? {}) }));
}
