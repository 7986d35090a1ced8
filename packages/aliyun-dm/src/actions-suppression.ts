/**
 * The user suppression list (docs/providers/aliyun-dm.md "Other actions"; response fields as
 * the official SDK 1.9.0 models them; docs/providers/events.md §5).
 */
import { z } from '@mailbridge/core/schema';
import { action } from './action.js';
import { all, secondsSpanAtMost } from './limit-rules.js';
import { dmObject, num, paging, reqNum, reqStr, str, wrappedList } from './schemas.js';

const userSuppression = dmObject({
  SuppressionId: str,
  Address: str,
  Type: str,
  CreateTime: num,
  LastBounceTime: num,
});

/** CreateUserSuppression, ListUserSuppression, RemoveUserSuppression. */
export const SUPPRESSION_ACTIONS = {
  CreateUserSuppression: action('write', { Address: reqStr }, { SuppressionId: str }),
  ListUserSuppression: action(
    'read',
    {
      Address: z.optional(reqStr),
      StartBounceTime: z.optional(reqNum),
      EndBounceTime: z.optional(reqNum),
      StartCreateTime: z.optional(reqNum),
      EndCreateTime: z.optional(reqNum),
      PageNo: z.optional(z.int().check(z.gte(1))),
      PageSize: z.optional(z.int().check(z.gte(1), z.lte(100))),
    },
    { ...paging, data: wrappedList('UserSuppressions', userSuppression) },
    // Each window at most 7 days (docs/providers/aliyun-dm-limits.md "Suppression").
    {
      check: all(
        secondsSpanAtMost(7, 'StartBounceTime', 'EndBounceTime'),
        secondsSpanAtMost(7, 'StartCreateTime', 'EndCreateTime'),
      ),
    },
  ),
  // The ids, comma-separated (a string in the SDK model).
  RemoveUserSuppression: action('write', { SuppressionIds: reqStr }, {}),
} as const;
