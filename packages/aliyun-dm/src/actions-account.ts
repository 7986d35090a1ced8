/**
 * Account, domain and sender-address actions (the sender-address API doc, the DirectMail API reference; docs/providers/aliyun-dm.md). Parameter
 * names follow the SDK where the seeds misspell them (docs/providers/aliyun-dm.md): `KeyWord`, `MailAddressId`,
 * `TlDomainName`.
 */
import { z } from '@mailbridge/core/schema';
import { action } from './action.js';
import { success } from './actions-mail.js';
import { chars, password } from './limit-rules.js';
import { dmObject, num, paging, reqNum, reqStr, str, wrappedList } from './schemas.js';

const id = z.union([reqStr, reqNum]);
const domainFields = {
  DomainId: str,
  DomainName: str,
  DomainRecord: str,
  DomainStatus: str,
  ConfirmStatus: str,
  MxAuthStatus: str,
  SpfAuthStatus: str,
  CnameAuthStatus: str,
  IcpStatus: str,
  CreateTime: str,
  UtcCreateTime: num,
};
const mailAddress = dmObject({
  MailAddressId: str,
  AccountName: str,
  Sendtype: str,
  ReplyAddress: str,
  ReplyStatus: str,
  AccountStatus: str,
  DomainStatus: str,
  DailyCount: str,
  MonthCount: str,
  DailyReqCount: str,
  MonthReqCount: str,
  CreateTime: str,
  ConfigSetId: str,
  ConfigSetName: str,
});

/** Account, domains, sender addresses (with the callback URL). */
export const ACCOUNT_ACTIONS = {
  DescAccountSummary: action(
    'read',
    {},
    {
      DailyQuota: num,
      MonthQuota: num,
      QuotaLevel: num,
      MaxQuotaLevel: num,
      Domains: num,
      MailAddresses: num,
      Receivers: num,
      Templates: num,
      Tags: num,
      EnableTimes: num,
      UserStatus: num,
      DailyRemainFreeQuota: num,
      RemainFreeQuota: num,
      IpChannelType: str,
    },
  ),
  CreateDomain: action(
    'write',
    // At most 60 characters (docs/providers/aliyun-dm-limits.md "Account").
    { DomainName: chars(1, 60), dkimSelector: z.optional(reqStr) },
    { DomainId: str },
  ),
  CheckDomain: action('write', { DomainId: id }, { DomainStatus: str }),
  DescDomain: action(
    'read',
    { DomainId: id, RequireRealTimeDnsRecords: z.optional(z.boolean()) },
    {
      ...domainFields,
      CnameConfirmStatus: str,
      CnameRecord: str,
      DefaultDomain: str,
      DnsMx: str,
      DnsSpf: str,
      DnsTxt: str,
      DomainType: str,
      MxRecord: str,
      SpfRecord: str,
      // `TldomainName` in the DirectMail API reference table, `TlDomainName` in its example: one key either way.
      TlDomainName: str,
      TracefRecord: str,
    },
  ),
  QueryDomainByParam: action(
    'read',
    {
      KeyWord: z.optional(reqStr),
      PageNo: z.optional(reqNum),
      PageSize: z.optional(reqNum),
      Status: z.optional(reqNum),
    },
    { ...paging, data: wrappedList('domain', dmObject(domainFields)) },
  ),
  // Passwords: 10 to 20 characters with a digit, upper- and lower-case
  // (docs/providers/aliyun-dm-limits.md "Account").
  ModifyPWByDomain: action('write', { DomainName: reqStr, Password: password }, success),
  CreateMailAddress: action(
    'write',
    {
      AccountName: reqStr,
      Sendtype: z.enum(['batch', 'trigger']),
      ReplyAddress: z.optional(reqStr),
    },
    { MailAddressId: str },
  ),
  ModifyMailAddress: action(
    'write',
    { MailAddressId: id, Password: z.optional(password), ReplyAddress: z.optional(reqStr) },
    {},
  ),
  // the sender-address API doc gives this action the value `QueryMailAddressByParam`; the real Action is
  // `DeleteMailAddress` (the DirectMail API reference, SDK; docs/providers/aliyun-dm.md). The table key is the Action sent.
  DeleteMailAddress: action('write', { MailAddressId: id }, {}),
  QueryMailAddressByParam: action(
    'read',
    {
      KeyWord: z.optional(reqStr),
      Sendtype: z.optional(z.enum(['batch', 'trigger'])),
      PageNo: z.optional(reqNum),
      PageSize: z.optional(reqNum),
    },
    { ...paging, data: wrappedList('mailAddress', mailAddress) },
  ),
  // The DirectMail API reference table names the parameter `MailAddressesId`; its example and the SDK use
  // `MailAddressId`, which is what is sent (docs/providers/aliyun-dm.md).
  CheckReplyToMailAddress: action(
    'write',
    { MailAddressId: id, Lang: z.optional(reqStr), Region: z.optional(reqStr) },
    {},
  ),
  ApproveReplyMailAddress: action('write', { Ticket: reqStr }, {}),
  // the sender-address API doc marks both callback actions "Not available now"; kept because the seeds document them.
  // the DirectMail API reference's heading and table spell the Action `UpdateMailAddressMsgCallbackUrl` (lower-case b);
  // the sender-address API doc writes `…CallBackUrl` for both actions, and Action names are case-sensitive. Neither is
  // in the SDK, so the sender-address API doc's spelling (the newer source, and the Get action's pair) is what is sent
  // (docs/providers/aliyun-dm.md).
  UpdateMailAddressMsgCallBackUrl: action('write', { MailFrom: reqStr, NotifyUrl: reqStr }, {}),
  GetMailAddressMsgCallBackUrl: action(
    'read',
    { MailFrom: reqStr },
    { NotifyUrl: str, NotifyUrlStatus: str },
  ),
} as const;
