/**
 * DirectMail's own user suppression list as a `SuppressionStore` (docs/providers/events.md §5):
 * `send` checks it before any request, `suppressFromEvent` adds to it.
 */
import type { SuppressedAddress, SuppressionStore } from '@mailbridge/core';
import type { ProviderSuppressionList } from '@mailbridge/core/provider';
import type { AliyunDmResponse } from './actions.js';
import { type AliyunDmClient, actionOperation, type ClientContext } from './client.js';
import { mapOperation, pageNoOf, pageOf } from './resources.js';

type SuppressionClient = Pick<
  AliyunDmClient,
  'CreateUserSuppression' | 'ListUserSuppression' | 'RemoveUserSuppression'
>;

/**
 * A suppression store over DirectMail's user suppression list, through a raw client (one
 * ListUserSuppression per distinct recipient of each send).
 *
 * @example
 * ```ts
 * const suppression = providerSuppression(createAliyunDmClient({ region: 'cn-hangzhou' }));
 * const mailer = createMailer(aliyunDm({ region: 'cn-hangzhou' }), { suppression });
 * ```
 */
export function providerSuppression(client: SuppressionClient): SuppressionStore {
  const entries = async (address: string) => {
    const out = await client.ListUserSuppression({ Address: address, PageNo: 1, PageSize: 100 });
    const want = address.toLowerCase();
    return (out.data?.UserSuppressions ?? []).filter((e) => e.Address?.toLowerCase() === want);
  };
  return {
    async suppressed(addresses) {
      const found: string[] = [];
      for (const address of new Set(addresses)) {
        if ((await entries(address)).length > 0) found.push(address);
      }
      return found;
    },
    async add(address) {
      await client.CreateUserSuppression({ Address: address });
    },
    async remove(address) {
      const ids = (await entries(address)).map((e) => e.SuppressionId).filter(Boolean);
      if (ids.length > 0) await client.RemoveUserSuppression({ SuppressionIds: ids.join(',') });
    },
  };
}

type Entry = NonNullable<
  NonNullable<AliyunDmResponse<'ListUserSuppression'>['data']>['UserSuppressions']
>[number];

function toEntry(e: Entry): SuppressedAddress {
  return {
    address: e.Address ?? '',
    ...(e.SuppressionId ? { id: e.SuppressionId } : {}),
    ...(e.Type ? { reason: e.Type } : {}),
    ...(e.CreateTime ? { createdAt: new Date(e.CreateTime * 1000) } : {}),
  };
}

/**
 * `mailer.suppression` over the user suppression list: ListUserSuppression pages (at most 100),
 * CreateUserSuppression takes one address, RemoveUserSuppression takes entry ids (so the core
 * looks each address up first: `removeBy: 'id'`).
 */
export function suppressionOperations(ctx: ClientContext): ProviderSuppressionList {
  return {
    list: (cursor, pageSize, address) => {
      const pageNo = pageNoOf(cursor);
      const params = { PageNo: pageNo, PageSize: Math.min(pageSize, 100) };
      return mapOperation(
        actionOperation(
          ctx,
          'ListUserSuppression',
          address ? { ...params, Address: address } : params,
        ),
        (out) =>
          pageOf(
            (out.data?.UserSuppressions ?? []).map(toEntry),
            pageNo,
            params.PageSize,
            out.TotalCount,
          ),
      );
    },
    add: (addresses) =>
      mapOperation(
        actionOperation(ctx, 'CreateUserSuppression', { Address: addresses[0] ?? '' }),
        () => undefined,
      ),
    remove: (entries) =>
      mapOperation(
        actionOperation(ctx, 'RemoveUserSuppression', {
          SuppressionIds: entries.flatMap((e) => (e.id ? [e.id] : [])).join(','),
        }),
        () => undefined,
      ),
  };
}
