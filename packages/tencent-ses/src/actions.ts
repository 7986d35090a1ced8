/**
 * The one declarative table of all 35 actions of SES API 2020-10-02 (Node SDK 4.1.76, listed in
 * docs/providers/tencent-ses.md): request and response schemas, and how each may be
 * retried (`send`: never after an ambiguous failure, SES has no idempotency token; `write`: the
 * same; `read`: always when retryable). The raw client and the rate limits derive from it.
 */
import type { OperationKind } from '@mailbridge/core/provider';
import { z } from '@mailbridge/core/provider';
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
export interface ActionSpec<
  Req extends z.ZodMiniType = z.ZodMiniType,
  Res extends z.ZodMiniType = z.ZodMiniType,
> {
  readonly kind: OperationKind;
  readonly request: Req;
  readonly response: Res;
  /** `doc`: the action's page states 20 req/s; `assumed`: the account-wide FAQ default. */
  readonly limitSource: 'doc' | 'assumed';
}

const spec = <Req extends z.ZodMiniType, Res extends z.ZodMiniType>(
  kind: OperationKind,
  request: Req,
  response: Res,
  limitSource: 'doc' | 'assumed' = 'assumed',
): ActionSpec<Req, Res> => ({ kind, request, response, limitSource });

const address = z.string().check(z.minLength(1));
/** docs/providers/tencent-ses.md Unsubscribe: a string holding the language digit (0 none, 1 zh-CN, 2 en, ...). */
const unsubscribe = z.string().check(z.regex(/^\d{1,2}$/));
const page = { Offset: int, Limit: limit };
const blacklistCounts = out({
  TotalCount: z.optional(int),
  ValidCount: z.optional(int),
  TooLongCount: z.optional(int),
  RepeatCount: z.optional(int),
  InvalidCount: z.optional(int),
});
const unsubscribeConfig = input({ Address: address, UnsubscribeConfig: z.string(), Status: int });

/** Every SES action, by its `X-TC-Action` name. */
export const TENCENT_SES_ACTIONS = {
  SendEmail: spec(
    'send',
    input({
      FromEmailAddress: address,
      Destination: z.optional(z.array(address).check(z.maxLength(50))),
      Subject: z.string(),
      ReplyToAddresses: z.optional(address),
      Cc: z.optional(z.array(address).check(z.maxLength(20))),
      Bcc: z.optional(z.array(address).check(z.maxLength(20))),
      Template: z.optional(template),
      Simple: z.optional(simple),
      Attachments: z.optional(z.array(attachment).check(z.maxLength(10))),
      Unsubscribe: z.optional(unsubscribe),
      TriggerType: z.optional(z.union([z.literal(0), z.literal(1)])),
      SmtpMessageId: z.optional(z.string()),
      SmtpHeaders: z.optional(z.string()),
      HeaderFrom: z.optional(z.string()),
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
      ReplyToAddresses: z.optional(address),
      Template: z.optional(template),
      Simple: z.optional(simple),
      Attachments: z.optional(z.array(attachment)),
      CycleParam: z.optional(cycleParam),
      TimedParam: z.optional(timedParam),
      Unsubscribe: z.optional(unsubscribe),
      ADLocation: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2)])),
    }),
    out({ TaskId: z.union([int, z.string()]) }),
    'doc',
  ),
  GetSendEmailStatus: spec(
    'read',
    input({
      RequestDate: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      ...page,
      MessageId: z.optional(z.string()),
      ToEmailAddress: z.optional(z.string()),
    }),
    out({ EmailStatusList: z.optional(z.array(sendEmailStatus)) }),
    'doc',
  ),
  ListSendTasks: spec(
    'read',
    input({
      ...page,
      Status: z.optional(int),
      ReceiverId: z.optional(int),
      TaskType: z.optional(int),
    }),
    out({ TotalCount: z.optional(int), Data: z.optional(z.array(sendTaskData)) }),
  ),
  CreateReceiver: spec(
    'write',
    input({ ReceiversName: z.string().check(z.minLength(1)), Desc: z.optional(z.string()) }),
    out({ ReceiverId: int }),
  ),
  CreateReceiverDetail: spec(
    'write',
    input({
      ReceiverId: int,
      Emails: z.array(z.string()).check(z.minLength(1), z.maxLength(20_000)),
    }),
    uploadCounts,
    'doc',
  ),
  CreateReceiverDetailWithData: spec(
    'write',
    input({
      ReceiverId: int,
      Datas: z.array(receiverInputData).check(z.minLength(1), z.maxLength(20_000)),
    }),
    uploadCounts,
    'doc',
  ),
  ListReceivers: spec(
    'read',
    input({ ...page, Status: z.optional(int), KeyWord: z.optional(z.string()) }),
    out({ TotalCount: z.optional(int), Data: z.optional(z.array(receiverData)) }),
  ),
  ListReceiverDetails: spec(
    'read',
    input({
      ReceiverId: int,
      ...page,
      Email: z.optional(z.string().check(z.maxLength(50))),
      CreateTimeBegin: z.optional(z.string()),
      CreateTimeEnd: z.optional(z.string()),
      Status: z.optional(int),
    }),
    out({
      TotalCount: z.optional(int),
      Data: z.optional(z.array(receiverDetail)),
      ValidCount: z.optional(int),
      InvalidCount: z.optional(int),
    }),
  ),
  DeleteReceiver: spec('write', input({ ReceiverId: int }), empty),
  CreateEmailTemplate: spec(
    'write',
    input({ TemplateName: z.string().check(z.minLength(1)), TemplateContent: templateContent }),
    out({ TemplateID: int }),
    'doc',
  ),
  UpdateEmailTemplate: spec(
    'write',
    input({
      TemplateContent: templateContent,
      TemplateID: int,
      TemplateName: z.string().check(z.minLength(1)),
    }),
    empty,
  ),
  GetEmailTemplate: spec(
    'read',
    input({ TemplateID: int }),
    out({
      TemplateContent: z.optional(templateContentOut),
      TemplateStatus: z.optional(z.int()),
      TemplateName: z.optional(z.string()),
    }),
  ),
  ListEmailTemplates: spec(
    'read',
    input(page),
    out({ TemplatesMetadata: z.optional(z.array(templatesMetadata)), TotalCount: z.optional(int) }),
    'doc',
  ),
  DeleteEmailTemplate: spec('write', input({ TemplateID: int }), empty),
  CreateEmailIdentity: spec(
    'write',
    input({
      EmailIdentity: z.string().check(z.minLength(1)),
      DKIMOption: z.optional(int),
      TagList: z.optional(z.array(tag)),
    }),
    identityRecords,
  ),
  GetEmailIdentity: spec(
    'read',
    input({ EmailIdentity: z.string().check(z.minLength(1)) }),
    identityRecords,
  ),
  UpdateEmailIdentity: spec(
    'write',
    input({ EmailIdentity: z.string().check(z.minLength(1)) }),
    identityRecords,
  ),
  DeleteEmailIdentity: spec(
    'write',
    input({ EmailIdentity: z.string().check(z.minLength(1)) }),
    empty,
  ),
  ListEmailIdentities: spec(
    'read',
    input({ TagList: z.optional(z.array(tag)), Limit: z.optional(limit), Offset: z.optional(int) }),
    out({
      EmailIdentities: z.optional(z.array(emailIdentity)),
      MaxReputationLevel: z.optional(z.int()),
      MaxDailyQuota: z.optional(int),
      Total: z.optional(int),
    }),
    'doc',
  ),
  CreateEmailAddress: spec(
    'write',
    input({ EmailAddress: address, EmailSenderName: z.optional(z.string()) }),
    empty,
  ),
  ListEmailAddress: spec(
    'read',
    input({}),
    out({
      EmailSenders: z.optional(z.array(emailSender)),
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
      EmailAddress: z.optional(z.string()),
      TaskID: z.optional(z.string()),
    }),
    out({
      BlackList: z.optional(z.array(blackEmailAddress)),
      TotalCount: z.optional(int),
    }),
  ),
  DeleteBlackList: spec(
    'write',
    input({ EmailAddressList: z.array(address).check(z.minLength(1)) }),
    empty,
  ),
  CreateCustomBlacklist: spec(
    'write',
    input({ Emails: z.array(address).check(z.minLength(1)), ExpireDate: z.optional(z.string()) }),
    blacklistCounts,
  ),
  UpdateCustomBlackList: spec(
    'write',
    input({ Id: int, Email: address, ExpireDate: z.optional(z.string()) }),
    empty,
  ),
  DeleteCustomBlackList: spec(
    'write',
    input({ Emails: z.array(address).check(z.minLength(1)) }),
    empty,
  ),
  ListCustomBlacklist: spec(
    'read',
    input({ ...page, Status: int, Email: z.optional(z.string()) }),
    out({
      TotalCount: z.optional(int),
      Data: z.optional(z.array(blackAddressDetail)),
    }),
  ),
  CreateAddressUnsubscribeConfig: spec('write', unsubscribeConfig, empty),
  UpdateAddressUnsubscribeConfig: spec('write', unsubscribeConfig, empty),
  DeleteAddressUnsubscribeConfig: spec('write', input({ Address: z.optional(address) }), empty),
  ListAddressUnsubscribeConfig: spec(
    'read',
    // docs/providers/tencent-ses.md: this action's Limit is typed as a string.
    input({ Offset: z.optional(int), Limit: z.optional(z.string().check(z.regex(/^\d+$/))) }),
    out({
      AddressUnsubscribeConfigList: z.optional(z.array(unsubscribeConfigData)),
      Total: z.optional(int),
    }),
  ),
  GetStatisticsReport: spec(
    'read',
    input({
      StartDate: z.string(),
      EndDate: z.string(),
      Domain: z.optional(z.string()),
      ReceivingMailboxType: z.optional(z.string()),
    }),
    out({ DailyVolumes: z.optional(z.array(volume)), OverallVolume: z.optional(volume) }),
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
