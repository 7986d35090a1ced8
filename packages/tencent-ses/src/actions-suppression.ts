/**
 * Actions for the bounce blacklist, the custom blacklist and per-address unsubscribe settings
 * (docs/providers/tencent-ses.md).
 */
import { z } from '@mailbridge/core/schema';
import { action, address, page } from './action.js';
import {
  blackAddressDetail,
  blackEmailAddress,
  empty,
  input,
  int,
  out,
  unsubscribeConfigData,
} from './schemas.js';

const blacklistCounts = out({
  TotalCount: z.optional(int),
  ValidCount: z.optional(int),
  TooLongCount: z.optional(int),
  RepeatCount: z.optional(int),
  InvalidCount: z.optional(int),
});
const unsubscribeConfig = input({ Address: address, UnsubscribeConfig: z.string(), Status: int });

/** Blacklists and unsubscribe settings. */
export const SUPPRESSION_ACTIONS = {
  ListBlackEmailAddress: action(
    'read',
    input({
      StartDate: z.string(),
      EndDate: z.string(),
      ...page,
      EmailAddress: z.optional(z.string()),
      TaskID: z.optional(z.string()),
    }),
    out({
      BlackList: z.optional(z.array(blackEmailAddress)),
      TotalCount: z.optional(int),
    }),
  ),
  DeleteBlackList: action(
    'write',
    input({ EmailAddressList: z.array(address).check(z.minLength(1)) }),
    empty,
  ),
  CreateCustomBlacklist: action(
    'write',
    input({ Emails: z.array(address).check(z.minLength(1)), ExpireDate: z.optional(z.string()) }),
    blacklistCounts,
  ),
  UpdateCustomBlackList: action(
    'write',
    input({ Id: int, Email: address, ExpireDate: z.optional(z.string()) }),
    empty,
  ),
  DeleteCustomBlackList: action(
    'write',
    input({ Emails: z.array(address).check(z.minLength(1)) }),
    empty,
  ),
  ListCustomBlacklist: action(
    'read',
    input({ ...page, Status: int, Email: z.optional(z.string()) }),
    out({
      TotalCount: z.optional(int),
      Data: z.optional(z.array(blackAddressDetail)),
    }),
  ),
  CreateAddressUnsubscribeConfig: action('write', unsubscribeConfig, empty),
  UpdateAddressUnsubscribeConfig: action('write', unsubscribeConfig, empty),
  DeleteAddressUnsubscribeConfig: action('write', input({ Address: z.optional(address) }), empty),
  ListAddressUnsubscribeConfig: action(
    'read',
    // docs/providers/tencent-ses.md: this action's Limit is typed as a string.
    input({ Offset: z.optional(int), Limit: z.optional(z.string().check(z.regex(/^\d+$/))) }),
    out({
      AddressUnsubscribeConfigList: z.optional(z.array(unsubscribeConfigData)),
      Total: z.optional(int),
    }),
  ),
} as const;
