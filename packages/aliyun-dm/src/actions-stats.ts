/**
 * Statistics, tracking, invalid-address and IP-protection actions (the DirectMail API reference docs/providers/aliyun-dm.md, the DirectMail statistics API doc;
 * docs/providers/aliyun-dm.md). Parameter names follow the SDK where the seeds misspell them (`KeyWord`).
 */
import { z } from '@mailbridge/core/schema';
import { action } from './action.js';
import { intRange, spanAtMost } from './limit-rules.js';
import { dmObject, num, paging, reqNum, reqStr, str, wrappedList } from './schemas.js';

const stat = dmObject({
  CreateTime: str,
  RequestCount: str,
  SuccessCount: str,
  // `faildCount` (sic) in the DirectMail API reference/SDK, `FaildCount` in the DirectMail statistics API doc: one key either way.
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
  AccountName: z.optional(reqStr),
  TagName: z.optional(reqStr),
  ConfigSetId: z.optional(reqStr),
  DedicatedIp: z.optional(reqStr),
  DedicatedIpPoolId: z.optional(reqStr),
  Esp: z.optional(reqStr),
  Offset: z.optional(reqStr),
  OffsetCreateTime: z.optional(reqStr),
  OffsetCreateTimeDesc: z.optional(reqStr),
  PageNumber: z.optional(reqNum),
  PageSize: z.optional(reqNum),
  Total: z.optional(reqStr),
};
const trackPaging = {
  OffsetCreateTime: str,
  OffsetCreateTimeDesc: str,
  PageNo: num,
  PageSize: num,
  Total: num,
  TotalPages: num,
};
const mailFromCounts = dmObject({
  Mailfrom: str,
  MailfromStatus: str,
  ReplyTo: str,
  ReplyToStatus: str,
  SendType: str,
  Mailpriority: num,
  DailyCount: num,
  DailyReqCount: num,
  MonthCount: num,
  MonthReqCount: num,
  QuotaLevel: num,
  CreateTime: num,
  UpdateTime: num,
});
const ipfilter = dmObject({ Id: str, IpAddress: str, CreateTime: str });
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

/** Statistics, tracking, invalid addresses, IP protection. */
export const STATS_ACTIONS = {
  // Seed-only (the DirectMail API reference docs/providers/aliyun-dm.md), which writes every field of `data` in lowerCamel.
  GetSendEmailCountByMailFrom: action('read', { AccountName: reqStr }, { data: mailFromCounts }),
  SenderStatisticsByTagNameAndBatchID: action(
    'read',
    {
      StartTime: reqStr,
      EndTime: reqStr,
      AccountName: z.optional(reqStr),
      TagName: z.optional(reqStr),
      DedicatedIp: z.optional(reqStr),
      DedicatedIpPoolId: z.optional(reqStr),
      Domain: z.optional(reqStr),
      Esp: z.optional(reqStr),
    },
    { TotalCount: num, data: wrappedList('stat', stat) },
    // Windows: docs/providers/aliyun-dm-limits.md ("Statistics").
    { check: spanAtMost(7) },
  ),
  SenderStatisticsDetailByParam: action(
    'read',
    {
      StartTime: reqStr,
      EndTime: reqStr,
      AccountName: z.optional(reqStr),
      TagName: z.optional(reqStr),
      ToAddress: z.optional(reqStr),
      Status: z.optional(reqNum),
      Length: z.optional(intRange(1, 100)),
      NextStart: z.optional(reqStr),
      IpPoolId: z.optional(reqStr),
      ConfigSetId: z.optional(reqStr),
    },
    { NextStart: str, data: wrappedList('mailDetail', mailDetail) },
    { check: spanAtMost(30) },
  ),
  // The SDK reads `data.stat`; the DirectMail statistics API doc shows a bare `TrackList` array (once `PrackList`, sic): all
  // three come out as `data.stat`.
  GetTrackList: action(
    'read',
    { ...trackQuery, Domain: z.optional(reqStr) },
    { ...trackPaging, data: wrappedList('stat', track, { bare: true }) },
    { aliases: { TrackList: 'data', PrackList: 'data' }, check: spanAtMost(7) },
  ),
  // The SDK reads `TrackList.Stat`; the DirectMail statistics API doc shows `TrackList` as the array itself: both read alike.
  GetTrackListByMailFromAndTagName: action(
    'read',
    trackQuery,
    {
      ...trackPaging,
      TrackList: wrappedList('Stat', track, { bare: true }),
    },
    { check: spanAtMost(15) },
  ),
  // The SDK reads `TotalCount` and `data.mailDetail`; the DirectMail API reference (docs/providers/aliyun-dm.md) writes `total` and a bare
  // `detailList` array: both come out as the SDK's.
  QueryInvalidAddress: action(
    'read',
    {
      StartTime: z.optional(reqStr),
      EndTime: z.optional(reqStr),
      KeyWord: z.optional(reqStr),
      Length: z.optional(reqNum),
      NextStart: z.optional(reqStr),
    },
    {
      NextStart: str,
      TotalCount: num,
      data: wrappedList(
        'mailDetail',
        dmObject({ ToAddress: str, LastUpdateTime: str, UtcLastUpdateTime: str }),
        { bare: true },
      ),
    },
    { aliases: { total: 'TotalCount', detailList: 'data' }, check: spanAtMost(30) },
  ),
  UpdateIpProtection: action('write', { IpProtection: z.enum(['0', '1']) }, {}),
  GetIpProtection: action('read', {}, { IpProtection: str }),
  // the DirectMail statistics API doc shows `data` as the list itself; the SDK reads `data.ipfilters`: both come out as the latter.
  GetIpfilterList: action(
    'read',
    {},
    { ...paging, data: wrappedList('ipfilters', ipfilter, { bare: true }) },
  ),
  AddIpfilter: action('write', { IpAddress: reqStr }, {}),
  DeleteIpfilterByEdmId: action('write', { Id: reqStr, FromType: z.optional(reqNum) }, {}),
} as const;
