/**
 * The one declarative table of all 35 actions of SES API 2020-10-02 (Node SDK 4.1.76, listed in
 * docs/providers/tencent-ses.md): request and response schemas, and how each may be
 * retried (`send`: never after an ambiguous failure, SES has no idempotency token; `write`: the
 * same; `read`: always when retryable). The raw client and the rate limits derive from it.
 */
import type { OperationKind } from '@mailbridge/core/provider';
import { z } from 'zod';
import {
  attachment,
  blackAddressDetail,
  blackEmailAddress,
  cycleParam,
  emailIdentity,
  emailSender,
  empty,
  identityRecords,
  input,
  int,
  limit,
  out,
  receiverData,
  receiverDetail,
  receiverInputData,
  sendEmailStatus,
  sendTaskData,
  simple,
  tag,
  template,
  templateContent,
  templateContentOut,
  templatesMetadata,
  timedParam,
  unsubscribeConfigData,
  uploadCounts,
  volume,
} from './schemas.js';

/** One action: how it is retried, its schemas, and where its 20 req/s limit was read. */
export interface ActionSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly kind: OperationKind;
  readonly request: Req;
  readonly response: Res;
  /** `doc`: the action's page states 20 req/s; `assumed`: the account-wide FAQ default. */
  readonly limitSource: 'doc' | 'assumed';
}

const spec = <Req extends z.ZodType, Res extends z.ZodType>(
  kind: OperationKind,
  request: Req,
  response: Res,
  limitSource: 'doc' | 'assumed' = 'assumed',
): ActionSpec<Req, Res> => ({ kind, request, response, limitSource });

const address = z.string().min(1);
/** docs/providers/tencent-ses.md Unsubscribe: a string holding the language digit (0 none, 1 zh-CN, 2 en, ...). */
const unsubscribe = z.string().regex(/^\d{1,2}$/);
const page = { Offset: int, Limit: limit };
const blacklistCounts = out({
  TotalCount: int.optional(),
  ValidCount: int.optional(),
  TooLongCount: int.optional(),
  RepeatCount: int.optional(),
  InvalidCount: int.optional(),
});
const unsubscribeConfig = input({ Address: address, UnsubscribeConfig: z.string(), Status: int });

/** Every SES action, by its `X-TC-Action` name. */
export const TENCENT_SES_ACTIONS = {
  SendEmail: spec(
    'send',
    input({
      FromEmailAddress: address,
      Destination: z.array(address).max(50).optional(),
      Subject: z.string(),
      ReplyToAddresses: address.optional(),
      Cc: z.array(address).max(20).optional(),
      Bcc: z.array(address).max(20).optional(),
      Template: template.optional(),
      Simple: simple.optional(),
      Attachments: z.array(attachment).max(10).optional(),
      Unsubscribe: unsubscribe.optional(),
      TriggerType: z.union([z.literal(0), z.literal(1)]).optional(),
      SmtpMessageId: z.string().optional(),
      SmtpHeaders: z.string().optional(),
      HeaderFrom: z.string().optional(),
    }),
    out({ MessageId: z.string() }),
    'doc',
  ),
  BatchSendEmail: spec(
    'send',
    input({
      FromEmailAddress: address,
      ReceiverId: int,
      Subject: z.string(),
      TaskType: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      ReplyToAddresses: address.optional(),
      Template: template.optional(),
      Simple: simple.optional(),
      Attachments: z.array(attachment).optional(),
      CycleParam: cycleParam.optional(),
      TimedParam: timedParam.optional(),
      Unsubscribe: unsubscribe.optional(),
      ADLocation: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    }),
    out({ TaskId: z.union([int, z.string()]) }),
    'doc',
  ),
  GetSendEmailStatus: spec(
    'read',
    input({
      RequestDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      ...page,
      MessageId: z.string().optional(),
      ToEmailAddress: z.string().optional(),
    }),
    out({ EmailStatusList: z.array(sendEmailStatus).optional() }),
    'doc',
  ),
  ListSendTasks: spec(
    'read',
    input({
      ...page,
      Status: int.optional(),
      ReceiverId: int.optional(),
      TaskType: int.optional(),
    }),
    out({ TotalCount: int.optional(), Data: z.array(sendTaskData).optional() }),
  ),
  CreateReceiver: spec(
    'write',
    input({ ReceiversName: z.string().min(1), Desc: z.string().optional() }),
    out({ ReceiverId: int }),
  ),
  CreateReceiverDetail: spec(
    'write',
    input({ ReceiverId: int, Emails: z.array(z.string()).min(1).max(20_000) }),
    uploadCounts,
    'doc',
  ),
  CreateReceiverDetailWithData: spec(
    'write',
    input({ ReceiverId: int, Datas: z.array(receiverInputData).min(1).max(20_000) }),
    uploadCounts,
    'doc',
  ),
  ListReceivers: spec(
    'read',
    input({ ...page, Status: int.optional(), KeyWord: z.string().optional() }),
    out({ TotalCount: int.optional(), Data: z.array(receiverData).optional() }),
  ),
  ListReceiverDetails: spec(
    'read',
    input({
      ReceiverId: int,
      ...page,
      Email: z.string().max(50).optional(),
      CreateTimeBegin: z.string().optional(),
      CreateTimeEnd: z.string().optional(),
      Status: int.optional(),
    }),
    out({
      TotalCount: int.optional(),
      Data: z.array(receiverDetail).optional(),
      ValidCount: int.optional(),
      InvalidCount: int.optional(),
    }),
  ),
  DeleteReceiver: spec('write', input({ ReceiverId: int }), empty),
  CreateEmailTemplate: spec(
    'write',
    input({ TemplateName: z.string().min(1), TemplateContent: templateContent }),
    out({ TemplateID: int }),
    'doc',
  ),
  UpdateEmailTemplate: spec(
    'write',
    input({ TemplateContent: templateContent, TemplateID: int, TemplateName: z.string().min(1) }),
    empty,
  ),
  GetEmailTemplate: spec(
    'read',
    input({ TemplateID: int }),
    out({
      TemplateContent: templateContentOut.optional(),
      TemplateStatus: z.number().int().optional(),
      TemplateName: z.string().optional(),
    }),
  ),
  ListEmailTemplates: spec(
    'read',
    input(page),
    out({ TemplatesMetadata: z.array(templatesMetadata).optional(), TotalCount: int.optional() }),
    'doc',
  ),
  DeleteEmailTemplate: spec('write', input({ TemplateID: int }), empty),
  CreateEmailIdentity: spec(
    'write',
    input({
      EmailIdentity: z.string().min(1),
      DKIMOption: int.optional(),
      TagList: z.array(tag).optional(),
    }),
    identityRecords,
  ),
  GetEmailIdentity: spec('read', input({ EmailIdentity: z.string().min(1) }), identityRecords),
  UpdateEmailIdentity: spec('write', input({ EmailIdentity: z.string().min(1) }), identityRecords),
  DeleteEmailIdentity: spec('write', input({ EmailIdentity: z.string().min(1) }), empty),
  ListEmailIdentities: spec(
    'read',
    input({ TagList: z.array(tag).optional(), Limit: limit.optional(), Offset: int.optional() }),
    out({
      EmailIdentities: z.array(emailIdentity).optional(),
      MaxReputationLevel: z.number().int().optional(),
      MaxDailyQuota: int.optional(),
      Total: int.optional(),
    }),
    'doc',
  ),
  CreateEmailAddress: spec(
    'write',
    input({ EmailAddress: address, EmailSenderName: z.string().optional() }),
    empty,
  ),
  ListEmailAddress: spec(
    'read',
    input({}),
    out({
      EmailSenders: z.array(emailSender).optional(),
    }),
  ),
  DeleteEmailAddress: spec('write', input({ EmailAddress: address }), empty),
  UpdateEmailSmtpPassWord: spec(
    'write',
    input({ Password: z.string(), EmailAddress: address }),
    empty,
  ),
  ListBlackEmailAddress: spec(
    'read',
    input({
      StartDate: z.string(),
      EndDate: z.string(),
      ...page,
      EmailAddress: z.string().optional(),
      TaskID: z.string().optional(),
    }),
    out({
      BlackList: z.array(blackEmailAddress).optional(),
      TotalCount: int.optional(),
    }),
  ),
  DeleteBlackList: spec('write', input({ EmailAddressList: z.array(address).min(1) }), empty),
  CreateCustomBlacklist: spec(
    'write',
    input({ Emails: z.array(address).min(1), ExpireDate: z.string().optional() }),
    blacklistCounts,
  ),
  UpdateCustomBlackList: spec(
    'write',
    input({ Id: int, Email: address, ExpireDate: z.string().optional() }),
    empty,
  ),
  DeleteCustomBlackList: spec('write', input({ Emails: z.array(address).min(1) }), empty),
  ListCustomBlacklist: spec(
    'read',
    input({ ...page, Status: int, Email: z.string().optional() }),
    out({
      TotalCount: int.optional(),
      Data: z.array(blackAddressDetail).optional(),
    }),
  ),
  CreateAddressUnsubscribeConfig: spec('write', unsubscribeConfig, empty),
  UpdateAddressUnsubscribeConfig: spec('write', unsubscribeConfig, empty),
  DeleteAddressUnsubscribeConfig: spec('write', input({ Address: address.optional() }), empty),
  ListAddressUnsubscribeConfig: spec(
    'read',
    // docs/providers/tencent-ses.md: this action's Limit is typed as a string.
    input({ Offset: int.optional(), Limit: z.string().regex(/^\d+$/).optional() }),
    out({
      AddressUnsubscribeConfigList: z.array(unsubscribeConfigData).optional(),
      Total: int.optional(),
    }),
  ),
  GetStatisticsReport: spec(
    'read',
    input({
      StartDate: z.string(),
      EndDate: z.string(),
      Domain: z.string().optional(),
      ReceivingMailboxType: z.string().optional(),
    }),
    out({ DailyVolumes: z.array(volume).optional(), OverallVolume: volume.optional() }),
  ),
} as const;

/** The name of an SES action. */
export type TencentSesAction = keyof typeof TENCENT_SES_ACTIONS;

/** The request parameters of an action, as callers write them. */
export type ActionInput<A extends TencentSesAction> = z.input<
  (typeof TENCENT_SES_ACTIONS)[A]['request']
>;

/** The parsed response of an action (`RequestId` included). */
export type ActionOutput<A extends TencentSesAction> = z.output<
  (typeof TENCENT_SES_ACTIONS)[A]['response']
> & {
  readonly RequestId?: string;
};

/** All action names, in table order. */
export const TENCENT_SES_ACTION_NAMES = Object.keys(TENCENT_SES_ACTIONS) as TencentSesAction[];
