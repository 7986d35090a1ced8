/**
 * Tencent SES's custom blocklist as a `SuppressionStore` (docs/providers/events.md §5): `send`
 * checks it before any request, `suppressFromEvent` adds to it.
 */
import type { SuppressedAddress, SuppressionStore } from '@mailbridge/core';
import type { ProviderSuppressionList } from '@mailbridge/core/provider';
import { mappedOperation, type RequestContext, type TencentSesClient } from './client.js';
import { offsetOf, page } from './groups.js';
import { parseChinaTime } from './time.js';

type SuppressionClient = Pick<
  TencentSesClient,
  'CreateCustomBlacklist' | 'ListCustomBlacklist' | 'DeleteCustomBlackList'
>;

/** ListCustomBlacklist `Status`: 1 lists the entries in force (0 expired, 2 all). */
const IN_FORCE = 1;

/**
 * A suppression store over the account's custom blocklist, through a raw client (one
 * ListCustomBlacklist per distinct recipient of each send).
 *
 * @example
 * ```ts
 * const suppression = providerSuppression(createTencentSesClient({ region: 'ap-guangzhou' }));
 * const mailer = createMailer(tencentSes({ region: 'ap-guangzhou' }), { suppression });
 * ```
 */
export function providerSuppression(client: SuppressionClient): SuppressionStore {
  return {
    async suppressed(addresses) {
      const found: string[] = [];
      for (const address of new Set(addresses)) {
        const out = await client.ListCustomBlacklist({
          Offset: 0,
          Limit: 1,
          Status: IN_FORCE,
          Email: address,
        });
        if ((out.Data ?? []).length > 0) found.push(address);
      }
      return found;
    },
    async add(address) {
      await client.CreateCustomBlacklist({ Emails: [address] });
    },
    async remove(address) {
      await client.DeleteCustomBlackList({ Emails: [address] });
    },
  };
}

/**
 * `mailer.suppression` over the custom blocklist: ListCustomBlacklist pages (entries in force),
 * CreateCustomBlacklist and DeleteCustomBlackList take lists of addresses.
 */
export function suppressionOperations(context: RequestContext): ProviderSuppressionList {
  return {
    list: (cursor, pageSize, address) => {
      const offset = offsetOf(cursor);
      const params = { Offset: offset, Limit: pageSize, Status: IN_FORCE };
      return mappedOperation(
        context,
        'ListCustomBlacklist',
        address ? { ...params, Email: address } : params,
        (out) =>
          page(offset, out.Data ?? [], out.TotalCount, (e): SuppressedAddress => {
            const createdAt = e.CreateTime ? parseChinaTime(e.CreateTime) : undefined;
            const expiresAt = e.ExpireDate ? parseChinaTime(e.ExpireDate) : undefined;
            return {
              address: e.Email ?? '',
              ...(e.Id === undefined ? {} : { id: String(e.Id) }),
              ...(createdAt ? { createdAt } : {}),
              ...(expiresAt ? { expiresAt } : {}),
            };
          }),
      );
    },
    add: (addresses) =>
      mappedOperation(
        context,
        'CreateCustomBlacklist',
        { Emails: [...addresses] },
        () => undefined,
      ),
    remove: (entries) =>
      mappedOperation(
        context,
        'DeleteCustomBlackList',
        { Emails: entries.map((e) => e.address) },
        () => undefined,
      ),
  };
}
