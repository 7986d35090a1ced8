/**
 * Tencent SES's custom blocklist as a `SuppressionStore` (docs/providers/events.md §5): `send`
 * checks it before any request, `suppressFromEvent` adds to it.
 */
import type { SuppressionStore } from '@mailbridge/core';
import type { TencentSesClient } from './client.js';

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
