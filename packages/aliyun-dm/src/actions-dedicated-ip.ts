/**
 * Dedicated IPs, IP pools and warm-up (`@alicloud/dm20151123` 1.9.0 request and response models;
 * limits in docs/providers/aliyun-dm-limits.md, "Dedicated IPs").
 */
import { z } from '@mailbridge/core/schema';
import { action } from './action.js';
import { chars } from './limit-rules.js';
import { bool, dmObject, listOf, num, reqNum, reqStr, str } from './schemas.js';

const ip = dmObject({ Id: str, Ip: str, ZoneId: str });
const ipDetail = dmObject({
  Id: str,
  Ip: str,
  ZoneId: str,
  InstanceId: str,
  IpPoolName: str,
  Status: str,
  StartTime: str,
  ExpiredTime: str,
  WarmupStatus: str,
  WarmupType: str,
  IpExt: dmObject({ AutoRenewal: bool, HasSendMail: bool, LastWarmUpTypeChangedTime: str }),
});
const pool = dmObject({
  Id: str,
  Name: str,
  CreateTime: str,
  IpCount: num,
  Ips: listOf(ip),
});
const pageFields = { CurrentPage: num, HasMore: bool, PageSize: num, TotalCounts: num };
const page = { PageIndex: z.optional(z.int().check(z.gte(1))), PageSize: z.optional(reqNum) };
// Pool names: 1 to 50 letters, digits, `_` and `-`.
const poolName = z.pipe(
  z
    .string()
    .check(z.regex(/^[A-Za-z0-9_-]*$/, 'only letters, digits, _ and - (1 to 50 characters)')),
  chars(1, 50),
);

/** Dedicated IP and IP pool actions. */
export const DEDICATED_IP_ACTIONS = {
  DedicatedIpList: action(
    'read',
    { Keyword: z.optional(reqStr), ...page },
    { ...pageFields, Ips: listOf(ipDetail) },
  ),
  DedicatedIpNonePoolList: action('read', {}, { Ips: listOf(ip) }),
  // `AutoRenewal` is the string "true" or "false" in the SDK model.
  DedicatedIpAutoRenewal: action(
    'write',
    { BuyResourceIds: reqStr, AutoRenewal: z.enum(['true', 'false']) },
    {},
  ),
  DedicatedIpChangeWarmupType: action('write', { Id: reqStr, WarmupType: reqStr }, {}),
  DedicatedIpPoolCreate: action('write', { Name: poolName, BuyResourceIds: reqStr }, { Id: str }),
  DedicatedIpPoolUpdate: action(
    'write',
    { Id: reqStr, BuyResourceIds: z.optional(reqStr), UpdateResource: z.optional(z.boolean()) },
    { Id: str },
  ),
  DedicatedIpPoolDelete: action('write', { Id: reqStr }, {}),
  DedicatedIpPoolList: action(
    'read',
    {
      All: z.optional(z.boolean()),
      Keyword: z.optional(reqStr),
      PoolId: z.optional(reqStr),
      ...page,
    },
    { ...pageFields, IpPools: listOf(pool) },
  ),
  GetDedicatedIpWarmUpInfo: action(
    'read',
    { DedicatedIp: reqStr },
    { Info: listOf(dmObject({ Esp: str, Finished: bool })) },
  ),
  GetDedicatedIpWarmUpDetail: action(
    'read',
    {
      DedicatedIp: reqStr,
      Esp: z.optional(reqStr),
      StartDayMark: z.optional(reqNum),
      EndDayMark: z.optional(reqNum),
    },
    {
      Detail: listOf(dmObject({ DayMark: num, DeliverCounts: num, Esp: str, SendCounts: num })),
    },
  ),
} as const;
