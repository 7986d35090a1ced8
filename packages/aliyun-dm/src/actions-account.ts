/**
 * Account, domain, sender-address, statistics and IP-protection actions (seeds S002, S003,
 * S004; aliyun-dm.md §3). Parameter names follow the SDK where the seeds misspell them
 * (Surprises 8): `KeyWord`, `MailAddressId`, `TlDomainName`.
 */
import { z } from 'zod';
import { action } from './action.js';
import { success } from './actions-mail.js';
import { dmObject, num, paging, reqNum, reqStr, str, wrappedList } from './schema.js';

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
const stat = dmObject({
  CreateTime: str,
  RequestCount: str,
  SuccessCount: str,
  // `faildCount` (sic) in S003/SDK, `FaildCount` in S004: one key either way.
  FaildCount: str,
  UnavailableCount: str,
  SucceededPercent: str,
  UnavailablePercent: str,
});
const track = dmObject({
  CreateTime: str,
  RcptClickCount: str,
  RcptClickRate: str,
  RcptOpenCount: str,
  RcptOpenRate: str,
  RcptUniqueClickCount: str,
  RcptUniqueClickRate: str,
  RcptUniqueOpenCount: str,
  RcptUniqueOpenRate: str,
  TotalNumber: str,
});
const trackQuery = {
  StartTime: reqStr,
  EndTime: reqStr,
  AccountName: reqStr.optional(),
  TagName: reqStr.optional(),
  ConfigSetId: reqStr.optional(),
  DedicatedIp: reqStr.optional(),
  DedicatedIpPoolId: reqStr.optional(),
  Esp: reqStr.optional(),
  Offset: reqStr.optional(),
  OffsetCreateTime: reqStr.optional(),
  OffsetCreateTimeDesc: reqStr.optional(),
  PageNumber: reqNum.optional(),
  PageSize: reqNum.optional(),
  Total: reqStr.optional(),
};
const trackPaging = {
  OffsetCreateTime: str,
  OffsetCreateTimeDesc: str,
  PageNo: num,
  PageSize: num,
  Total: num,
  TotalPages: num,
};
const mailDetail = dmObject({
  ToAddress: str,
  AccountName: str,
  Subject: str,
  Status: num,
  Message: str,
  ErrorClassification: str,
  LastUpdateTime: str,
  UtcLastUpdateTime: str,
  IpPoolId: str,
  IpPoolName: str,
  ConfigSetId: str,
  ConfigSetName: str,
});

/** Account, domains, sender addresses, statistics, IP protection. */
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
    { DomainName: reqStr, dkimSelector: reqStr.optional() },
    { DomainId: str },
  ),
  CheckDomain: action('write', { DomainId: id }, { DomainStatus: str }),
  DescDomain: action(
    'read',
    { DomainId: id, RequireRealTimeDnsRecords: z.boolean().optional() },
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
      // `TldomainName` in the S003 table, `TlDomainName` in its example: one key either way.
      TlDomainName: str,
      TracefRecord: str,
    },
  ),
  QueryDomainByParam: action(
    'read',
    {
      KeyWord: reqStr.optional(),
      PageNo: reqNum.optional(),
      PageSize: reqNum.optional(),
      Status: reqNum.optional(),
    },
    { ...paging, data: wrappedList('domain', dmObject(domainFields)) },
  ),
  ModifyPWByDomain: action('write', { DomainName: reqStr, Password: reqStr }, success),
  CreateMailAddress: action(
    'write',
    {
      AccountName: reqStr,
      Sendtype: z.enum(['batch', 'trigger']),
      ReplyAddress: reqStr.optional(),
    },
    { MailAddressId: str },
  ),
  ModifyMailAddress: action(
    'write',
    { MailAddressId: id, Password: reqStr.optional(), ReplyAddress: reqStr.optional() },
    {},
  ),
  // S002 gives this action the value `QueryMailAddressByParam`; the real Action is
  // `DeleteMailAddress` (S003, SDK; aliyun-dm.md Surprises 7). The table key is the Action sent.
  DeleteMailAddress: action('write', { MailAddressId: id }, {}),
  QueryMailAddressByParam: action(
    'read',
    {
      KeyWord: reqStr.optional(),
      Sendtype: z.enum(['batch', 'trigger']).optional(),
      PageNo: reqNum.optional(),
      PageSize: reqNum.optional(),
    },
    { ...paging, data: wrappedList('mailAddress', mailAddress) },
  ),
  // The S003 table names the parameter `MailAddressesId`; its example and the SDK use
  // `MailAddressId`, which is what is sent (aliyun-dm.md Surprises 8).
  CheckReplyToMailAddress: action(
    'write',
    { MailAddressId: id, Lang: reqStr.optional(), Region: reqStr.optional() },
    {},
  ),
  ApproveReplyMailAddress: action('write', { Ticket: reqStr }, {}),
  // S002 marks both callback actions "Not available now"; kept because the seeds document them.
  UpdateMailAddressMsgCallBackUrl: action('write', { MailFrom: reqStr, NotifyUrl: reqStr }, {}),
  GetMailAddressMsgCallBackUrl: action(
    'read',
    { MailFrom: reqStr },
    { NotifyUrl: str, NotifyUrlStatus: str },
  ),
  GetSendEmailCountByMailFrom: action('read', { AccountName: reqStr }, {}),
  SenderStatisticsByTagNameAndBatchID: action(
    'read',
    {
      StartTime: reqStr,
      EndTime: reqStr,
      AccountName: reqStr.optional(),
      TagName: reqStr.optional(),
      DedicatedIp: reqStr.optional(),
      DedicatedIpPoolId: reqStr.optional(),
      Domain: reqStr.optional(),
      Esp: reqStr.optional(),
    },
    { TotalCount: num, data: wrappedList('stat', stat) },
  ),
  SenderStatisticsDetailByParam: action(
    'read',
    {
      StartTime: reqStr,
      EndTime: reqStr,
      AccountName: reqStr.optional(),
      TagName: reqStr.optional(),
      ToAddress: reqStr.optional(),
      Status: reqNum.optional(),
      Length: z.number().int().min(1).max(100).optional(),
      NextStart: reqStr.optional(),
      IpPoolId: reqStr.optional(),
      ConfigSetId: reqStr.optional(),
    },
    { NextStart: str, data: wrappedList('mailDetail', mailDetail) },
  ),
  GetTrackList: action(
    'read',
    { ...trackQuery, Domain: reqStr.optional() },
    { ...trackPaging, data: wrappedList('stat', track) },
  ),
  // S004 writes the list as `TrackList` (and once `PrackList`, sic); the SDK reads `TrackList.Stat`.
  GetTrackListByMailFromAndTagName: action('read', trackQuery, {
    ...trackPaging,
    TrackList: wrappedList('Stat', track),
  }),
  QueryInvalidAddress: action(
    'read',
    {
      StartTime: reqStr.optional(),
      EndTime: reqStr.optional(),
      KeyWord: reqStr.optional(),
      Length: reqNum.optional(),
      NextStart: reqStr.optional(),
    },
    {
      NextStart: str,
      TotalCount: num,
      data: wrappedList(
        'mailDetail',
        dmObject({ ToAddress: str, LastUpdateTime: str, UtcLastUpdateTime: str }),
      ),
    },
  ),
  UpdateIpProtection: action('write', { IpProtection: z.enum(['0', '1']) }, {}),
  GetIpProtection: action('read', {}, { IpProtection: str }),
  GetIpfilterList: action(
    'read',
    {},
    {
      ...paging,
      data: wrappedList('ipfilters', dmObject({ Id: str, IpAddress: str, CreateTime: str })),
    },
  ),
  AddIpfilter: action('write', { IpAddress: reqStr }, {}),
  DeleteIpfilterByEdmId: action('write', { Id: reqStr, FromType: reqNum.optional() }, {}),
} as const;
