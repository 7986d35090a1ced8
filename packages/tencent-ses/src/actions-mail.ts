/**
 * Actions for sending, send tasks, recipient lists and templates (docs/providers/tencent-ses.md).
 */
import { z } from '@mailbridge/core/schema';
import { action, address, page, unsubscribe } from './action.js';
import {
  attachment,
  cycleParam,
  empty,
  input,
  int,
  out,
  receiverData,
  receiverDetail,
  receiverInputData,
  sendEmailStatus,
  sendTaskData,
  simple,
  template,
  templateContent,
  templateContentOut,
  templatesMetadata,
  timedParam,
  uploadCounts,
} from './schemas.js';

/** Sending, send tasks, recipient lists and templates. */
export const MAIL_ACTIONS = {
  SendEmail: action(
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
  BatchSendEmail: action(
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
  GetSendEmailStatus: action(
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
  ListSendTasks: action(
    'read',
    input({
      ...page,
      Status: z.optional(int),
      ReceiverId: z.optional(int),
      TaskType: z.optional(int),
    }),
    out({ TotalCount: z.optional(int), Data: z.optional(z.array(sendTaskData)) }),
  ),
  CreateReceiver: action(
    'write',
    input({ ReceiversName: z.string().check(z.minLength(1)), Desc: z.optional(z.string()) }),
    out({ ReceiverId: int }),
  ),
  CreateReceiverDetail: action(
    'write',
    input({
      ReceiverId: int,
      Emails: z.array(z.string()).check(z.minLength(1), z.maxLength(20_000)),
    }),
    uploadCounts,
    'doc',
  ),
  CreateReceiverDetailWithData: action(
    'write',
    input({
      ReceiverId: int,
      Datas: z.array(receiverInputData).check(z.minLength(1), z.maxLength(20_000)),
    }),
    uploadCounts,
    'doc',
  ),
  ListReceivers: action(
    'read',
    input({ ...page, Status: z.optional(int), KeyWord: z.optional(z.string()) }),
    out({ TotalCount: z.optional(int), Data: z.optional(z.array(receiverData)) }),
  ),
  ListReceiverDetails: action(
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
  DeleteReceiver: action('write', input({ ReceiverId: int }), empty),
  CreateEmailTemplate: action(
    'write',
    input({ TemplateName: z.string().check(z.minLength(1)), TemplateContent: templateContent }),
    out({ TemplateID: int }),
    'doc',
  ),
  UpdateEmailTemplate: action(
    'write',
    input({
      TemplateContent: templateContent,
      TemplateID: int,
      TemplateName: z.string().check(z.minLength(1)),
    }),
    empty,
  ),
  GetEmailTemplate: action(
    'read',
    input({ TemplateID: int }),
    out({
      TemplateContent: z.optional(templateContentOut),
      TemplateStatus: z.optional(z.int()),
      TemplateName: z.optional(z.string()),
    }),
  ),
  ListEmailTemplates: action(
    'read',
    input(page),
    out({ TemplatesMetadata: z.optional(z.array(templatesMetadata)), TotalCount: z.optional(int) }),
    'doc',
  ),
  DeleteEmailTemplate: action('write', input({ TemplateID: int }), empty),
} as const;
