/**
 * DirectMail's own user suppression list as a `SuppressionStore` (docs/providers/events.md §5):
 * `send` checks it before any request, `suppressFromEvent` adds to it.
 */
import type { SuppressionStore } from '@mailbridge/core';
import type { AliyunDmClient } from './client.js';

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
