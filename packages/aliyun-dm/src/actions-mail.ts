/**
 * Actions for sending, recipient lists, templates, tasks and tags (docs/providers/aliyun-dm.md;
 * the BatchSendMail doc, the DirectMail API reference; SDK names where the seeds disagree, docs/providers/aliyun-dm.md).
 */
import { z } from '@mailbridge/core/schema';
import { action, jsonParam } from './action.js';
import {
  addressList,
  bytes,
  chars,
  jsonArrayOf,
  jsonObjectOf,
  tagName,
  tagWithClickTrace,
} from './limit-rules.js';
import {
  bool,
  dmObject,
  num,
  paging,
  reqChars,
  reqNum,
  reqStr,
  str,
  wrappedList,
} from './schemas.js';

const addressType = z.union([z.literal(0), z.literal(1)]);
const zeroOne = z.enum(['0', '1']);
const unsubscribe = {
  UnSubscribeLinkType: z.optional(z.enum(['disabled', 'default'])),
  UnSubscribeFilterLevel: z.optional(
    z.enum(['disabled', 'default', 'mailfrom', 'mailfrom_domain', 'edm_id']),
  ),
};
// Limits: docs/providers/aliyun-dm-limits.md ("Sending").
const sendCommon = {
  AccountName: reqStr,
  AddressType: addressType,
  TagName: z.optional(tagName),
  ClickTrace: z.optional(zeroOne),
  ReplyAddress: z.optional(reqStr),
  ReplyAddressAlias: z.optional(chars(1, 15)),
  Headers: z.optional(jsonObjectOf(10, 'headers')),
  DomainAuth: z.optional(z.boolean()),
  IpPoolId: z.optional(reqStr),
  ...unsubscribe,
};
const envelope = { EnvId: str };
/**
 * 8 MiB: the body limit as a POST form parameter (docs/providers/aliyun-dm-limits.md
 * "Sending (SingleSendMail, BatchSendMail)").
 */
const BODY_MAX_BYTES = 8 * 1024 * 1024;

const receiver = dmObject({
  ReceiverId: str,
  ReceiversName: str,
  ReceiversAlias: str,
  ReceiversStatus: str,
  Count: str,
  Desc: str,
  CreateTime: str,
  UtcCreateTime: num,
});
const receiverDetail = dmObject({ Email: str, Data: str, CreateTime: str, UtcCreateTime: num });
const template = dmObject({
  TemplateId: str,
  TemplateName: str,
  TemplateComment: str,
  TemplateStatus: str,
  TemplateType: num,
  CreateTime: str,
  // The API writes `UtcCreatetime` (lower-case t, docs/providers/aliyun-dm.md); matched case-insensitively.
  UtcCreateTime: num,
  SmsStatus: num,
  SmsTemplateCode: num,
  Smsrejectinfo: num,
});
const task = dmObject({
  TaskId: str,
  TemplateName: str,
  ReceiversName: str,
  TagName: str,
  TaskStatus: str,
  AddressType: str,
  RequestCount: str,
  CreateTime: str,
  UtcCreateTime: num,
  IpPoolId: str,
  IpPoolName: str,
  ConfigSetId: str,
  ConfigSetName: str,
});
const tag = dmObject({ TagId: str, TagName: str, TagDescription: str });
const pageQuery = {
  KeyWord: z.optional(reqStr),
  PageNo: z.optional(reqNum),
  PageSize: z.optional(reqNum),
};

/** Sending, receivers, templates, tasks, tags. */
export const MAIL_ACTIONS = {
  /** Send one message to up to 100 addresses; the body goes in the POST form (docs/providers/aliyun-dm.md). */
  SingleSendMail: action(
    'send',
    {
      ...sendCommon,
      ReplyToAddress: z.boolean(),
      ToAddress: addressList(100),
      // 256, not the 2019 manual's 100: the API reference decides
      // (docs/providers/aliyun-dm-limits.md "Decisions where sources disagree").
      Subject: chars(0, 256),
      // About 8 MB as a POST form field, which is how this client sends it
      // (docs/providers/aliyun-dm-limits.md "Decisions where sources disagree").
      HtmlBody: z.optional(bytes(BODY_MAX_BYTES, '8 MiB')),
      TextBody: z.optional(bytes(BODY_MAX_BYTES, '8 MiB')),
      // "Fewer than 15 characters".
      FromAlias: z.optional(chars(1, 14)),
      BccAddress: z.optional(addressList(2)),
      Template: z.optional(jsonParam),
    },
    envelope,
    { check: tagWithClickTrace },
  ),
  /**
   * Send an approved template to an uploaded list; no scheduling field exists (the BatchSendMail doc). Template
   * names are at most 30 characters (the DirectMail API reference `InvalidTemplateName.Malformed`), list names 1–30.
   */
  BatchSendMail: action(
    'send',
    { ...sendCommon, TemplateName: reqChars(30), ReceiversName: reqChars(30) },
    envelope,
    { check: tagWithClickTrace },
  ),
  // ReceiversName 1–30 characters, ReceiversAlias under 30 (SDK; docs/providers/aliyun-dm.md).
  CreateReceiver: action(
    'write',
    { ReceiversName: reqChars(30), ReceiversAlias: reqChars(29), Desc: z.optional(reqStr) },
    { ReceiverId: str },
  ),
  DeleteReceiver: action('write', { ReceiverId: reqStr }, {}),
  DeleteReceiverDetail: action('write', { ReceiverId: reqStr, Email: z.optional(reqStr) }, {}),
  /**
   * At most 500 recipients; `Detail` is a JSON array string of `{e,u,n,g,b,m}`
   * (docs/providers/aliyun-dm.md "Recipient lists").
   */
  SaveReceiverDetail: action(
    'write',
    {
      ReceiverId: reqStr,
      Detail: z.optional(jsonArrayOf(500, 'recipients')),
      CustomDetail: z.optional(jsonArrayOf(500, 'recipients')),
    },
    {
      SuccessCount: num,
      ErrorCount: num,
      // `Data.Detail` here, capitalised, unlike every other wrapper (docs/providers/aliyun-dm.md).
      Data: wrappedList('Detail', dmObject({ Email: str, ErrMessage: str })),
    },
  ),
  QueryReceiverByParam: action(
    'read',
    { ...pageQuery, NextStart: z.optional(reqStr), Status: z.optional(reqNum) },
    { TotalCount: num, PageSize: num, NextStart: str, data: wrappedList('receiver', receiver) },
  ),
  QueryReceiverDetail: action(
    'read',
    {
      ReceiverId: reqStr,
      KeyWord: z.optional(reqStr),
      NextStart: z.optional(reqStr),
      PageSize: z.optional(reqNum),
    },
    {
      TotalCount: num,
      NextStart: str,
      DataSchema: str,
      data: wrappedList('detail', receiverDetail),
    },
  ),
  QueryTemplateByParam: action(
    'read',
    { ...pageQuery, Status: z.optional(reqNum), FromType: z.optional(reqNum) },
    { ...paging, data: wrappedList('template', template) },
  ),
  QueryTaskByParam: action(
    'read',
    { ...pageQuery, Status: z.optional(reqNum) },
    { ...paging, data: wrappedList('task', task) },
  ),
  CreateTag: action(
    'write',
    { TagName: tagName, TagDescription: z.optional(reqStr) },
    { TagId: str },
  ),
  ModifyTag: action(
    'write',
    { TagId: z.union([reqStr, reqNum]), TagName: tagName, TagDescription: z.optional(reqStr) },
    {},
  ),
  DeleteTag: action('write', { TagId: z.union([reqStr, reqNum]) }, {}),
  QueryTagByParam: action('read', pageQuery, { ...paging, data: wrappedList('tag', tag) }),
} as const;

/** `Success` as `true` or `"true"` (the DirectMail API reference ModifyPWByDomain); shared with the account table. */
export const success = { Success: bool, Code: str, Message: str };
