/**
 * Account-level settings, blocking and Sendify (`@alicloud/dm20151123` 1.9.0 request and
 * response models; limits in docs/providers/aliyun-dm-limits.md, "Account").
 */
import { z } from '@mailbridge/core/schema';
import { action, jsonParam } from './action.js';
import { intRange } from './limit-rules.js';
import { bool, dmObject, listOf, num, reqNum, reqStr, str } from './schemas.js';

// UNSUB: the recipient unsubscribed; REPORT: the recipient reported spam.
const blockType = z.enum(['UNSUB', 'REPORT']);
const sendify = {
  Opened: bool,
  Status: str,
  SupportTrial: bool,
  ExpireTime: str,
  ProductCode: str,
  Discount: str,
  BuyUrl: str,
  BuyResourcePackageUrl: str,
  DowngradeUrl: str,
  LearnMoreUrl: str,
  RenewUrl: str,
  SpecUpgradeUrl: str,
  UpgradeUrl: str,
};

/** GetUser/UpdateUser, suppression level, blocked recipients, Sendify, invalid addresses. */
export const USER_ACTIONS = {
  // The only GET action of the SDK (docs/providers/aliyun-dm.md "Transport").
  GetUser: action('read', {}, { Data: dmObject({ EnableEventbridge: bool }) }, { method: 'GET' }),
  // `User` is a JSON object (`{"EnableEventbridge": true}`), given as a value or a string.
  UpdateUser: action('write', { User: jsonParam }, {}),
  GetSuppressionListLevel: action('read', {}, { SuppressionListLevel: str }),
  SetSuppressionListLevel: action(
    'write',
    { SuppressionListLevel: reqStr },
    { SuppressionListLevel: str },
  ),
  ListBlockSending: action(
    'read',
    {
      BlockType: blockType,
      BeginTime: z.optional(reqNum),
      EndTime: z.optional(reqNum),
      BlockEmail: z.optional(reqStr),
      SenderEmail: z.optional(reqStr),
      // 1 to 500 entries per page.
      MaxResults: z.optional(intRange(1, 500)),
      NextToken: z.optional(reqStr),
    },
    {
      Data: listOf(
        dmObject({
          BlockEmail: str,
          SenderEmail: str,
          BlockTime: num,
          SendTime: num,
          Reason: num,
        }),
      ),
      MaxResults: num,
      NextToken: str,
    },
  ),
  UnblockSending: action(
    'write',
    { BlockType: blockType, BlockEmail: reqStr, SenderEmail: reqStr },
    {},
  ),
  DeleteInvalidAddress: action('write', { ToAddress: reqStr }, {}),
  GetSendifyInfo: action('read', {}, sendify),
  GetSendifyAutoLoginURL: action('read', {}, { AutoLoginURL: str }),
  OpenSendifyTrialService: action('write', {}, { AutoLoginURL: str }),
} as const;
