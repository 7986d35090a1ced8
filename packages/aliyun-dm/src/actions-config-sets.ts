/**
 * Configuration sets: named bundles of an IP pool and sender addresses (`@alicloud/dm20151123`
 * 1.9.0 request and response models; limits in docs/providers/aliyun-dm-limits.md, "Config sets").
 */
import { z } from '@mailbridge/core/schema';
import { action } from './action.js';
import { chars } from './limit-rules.js';
import { bool, dmObject, listOf, num, reqStr, str } from './schemas.js';

const ipPool = dmObject({ IpPoolId: str, IpPoolName: str });
const configSet = dmObject({ Id: str, Name: str, Description: str, IpPool: ipPool });
// Names and descriptions: at most 50 characters; names unique (the server's to judge).
const fields = {
  Name: chars(1, 50),
  Description: z.optional(chars(0, 50)),
  IpPoolId: z.optional(reqStr),
};
const relation = { Id: reqStr, FromAddress: reqStr };

/** ConfigSetCreate, …Update, …Delete, …Detail, …List and the sender-address relations. */
export const CONFIG_SET_ACTIONS = {
  ConfigSetCreate: action('write', fields, { Id: str }),
  ConfigSetUpdate: action('write', { Id: reqStr, ...fields }, { Id: str }),
  // The ids, comma-separated; `IsForce` deletes a set still linked to senders.
  ConfigSetDelete: action('write', { Ids: reqStr, IsForce: z.optional(z.boolean()) }, {}),
  ConfigSetDetail: action('read', { Id: reqStr }, { Detail: configSet }),
  // The SDK models PageIndex and PageSize as strings; numbers are accepted and sent in decimal.
  ConfigSetList: action(
    'read',
    {
      All: z.optional(z.boolean()),
      Keyword: z.optional(reqStr),
      PageIndex: z.union([reqStr, z.int().check(z.gte(1))]),
      PageSize: z.union([reqStr, z.int().check(z.gte(1))]),
    },
    {
      CurrentPage: num,
      HasMore: bool,
      PageSize: num,
      TotalCounts: num,
      ConfigSets: listOf(configSet),
    },
  ),
  ConfigSetRelationFromAddress: action('write', relation, { Result: bool }),
  ConfigSetCancelRelationFromAddress: action('write', relation, { Result: bool }),
} as const;
