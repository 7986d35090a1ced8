/**
 * zod schemas of the SES API 2020-10-02 structures (docs/providers/tencent-ses.md and
 * the Node SDK 4.1.76 models): request shapes are strict (a misspelt field fails before the
 * request), response shapes are loose and drop `null` fields (documented as "may return null").
 */
import { z } from 'zod';

/** Non-negative integer (ids, counts, offsets). */
export const int = z.number().int().nonnegative();
/** Paging limit: at most 100 on every List or Get action (FailedOperation.InvalidLimit). */
export const limit = z.number().int().min(1).max(100);

const dropNulls = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  // Most answers hold no null: no copy then (zod's output is a fresh object either way).
  if (!Object.values(value).includes(null)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
};

/** A response object: unknown fields kept, `null` fields treated as absent. */
export function out<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess(dropNulls, z.looseObject(shape));
}

/** A request object: unknown fields rejected. */
export const input = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);

/** docs/providers/tencent-ses.md Template: `TemplateData` is a JSON object serialised to a string, not an object. */
export const template = input({ TemplateID: int, TemplateData: z.string() });
/** docs/providers/tencent-ses.md Simple (deprecated; accounts granted raw content): base64 bodies. */
export const simple = input({ Html: z.string().optional(), Text: z.string().optional() });
/** docs/providers/tencent-ses.md Attachment: base64 `Content`; `FileURL` is a feature that is not open. */
export const attachment = input({
  FileName: z.string().min(1).max(255),
  Content: z.string().optional(),
  FileURL: z.string().optional(),
});
/** docs/providers/tencent-ses.md TimedEmailParam: `YYYY-MM-DD HH:mm:ss`. */
export const timedParam = input({ BeginTime: z.string() });
/** docs/providers/tencent-ses.md CycleEmailParam: IntervalTime in hours; TermCycle 0 keep running, 1 stop. */
export const cycleParam = input({
  BeginTime: z.string(),
  IntervalTime: z.number().int().positive(),
  TermCycle: z.union([z.literal(0), z.literal(1)]).optional(),
});
/** docs/providers/tencent-ses.md ReceiverInputData: TemplateData at most 800 bytes. */
export const receiverInputData = input({ Email: z.string(), TemplateData: z.string() });
/** docs/providers/tencent-ses.md TemplateContent: base64 Html and/or Text. */
export const templateContent = input({ Html: z.string().optional(), Text: z.string().optional() });
/** docs/providers/tencent-ses.md TagList. */
export const tag = input({ TagKey: z.string(), TagValue: z.string() });

/** Response of the receiver uploads (docs/providers/tencent-ses.md). */
export const uploadCounts = out({
  TotalCount: int.optional(),
  ValidCount: int.optional(),
  TooLongCount: int.optional(),
  EmptyEmailCount: int.optional(),
  RepeatCount: int.optional(),
});

/** The empty response (RequestId only). */
export const empty = out({});

const templateOut = out({ TemplateID: int.optional(), TemplateData: z.string().optional() });
const contentOut = out({ Html: z.string().optional(), Text: z.string().optional() });

/** docs/providers/tencent-ses.md SendTaskData. */
export const sendTaskData = out({
  TaskId: int.optional(),
  FromEmailAddress: z.string().optional(),
  ReceiverId: int.optional(),
  TaskStatus: z.number().int().optional(),
  TaskType: z.number().int().optional(),
  RequestCount: int.optional(),
  SendCount: int.optional(),
  CacheCount: int.optional(),
  CreateTime: z.string().optional(),
  UpdateTime: z.string().optional(),
  Subject: z.string().optional(),
  Template: templateOut.optional(),
  CycleParam: out({
    BeginTime: z.string().optional(),
    IntervalTime: int.optional(),
    TermCycle: int.optional(),
  }).optional(),
  TimedParam: out({ BeginTime: z.string().optional() }).optional(),
  ErrMsg: z.string().optional(),
  ReceiversName: z.string().optional(),
});

/** docs/providers/tencent-ses.md ReceiverData. */
export const receiverData = out({
  ReceiverId: int.optional(),
  ReceiversName: z.string().optional(),
  Count: int.optional(),
  Desc: z.string().optional(),
  ReceiversStatus: z.number().int().optional(),
  CreateTime: z.string().optional(),
  InvalidCount: int.optional(),
});

/** docs/providers/tencent-ses.md ReceiverDetail. */
export const receiverDetail = out({
  Email: z.string().optional(),
  CreateTime: z.string().optional(),
  TemplateData: z.string().optional(),
  Reason: z.string().optional(),
  Status: z.number().int().optional(),
  EmailId: int.optional(),
});

/** docs/providers/tencent-ses.md SendEmailStatus. */
export const sendEmailStatus = out({
  MessageId: z.string().optional(),
  ToEmailAddress: z.string().optional(),
  FromEmailAddress: z.string().optional(),
  SendStatus: z.number().int().optional(),
  DeliverStatus: z.number().int().optional(),
  DeliverMessage: z.string().optional(),
  RequestTime: z.number().optional(),
  DeliverTime: z.number().optional(),
  UserOpened: z.boolean().optional(),
  UserClicked: z.boolean().optional(),
  UserUnsubscribed: z.boolean().optional(),
  /** Misspelt and deprecated: prefer `UserComplained`. */
  UserComplainted: z.boolean().optional(),
  UserComplained: z.boolean().optional(),
});

/** docs/providers/tencent-ses.md TemplatesMetadata. */
export const templatesMetadata = out({
  CreatedTimestamp: z.number().optional(),
  TemplateName: z.string().optional(),
  TemplateStatus: z.number().int().optional(),
  TemplateID: int.optional(),
  ReviewReason: z.string().optional(),
});

/** TemplateContent as GetEmailTemplate returns it (base64). */
export const templateContentOut = contentOut;

/** docs/providers/tencent-ses.md EmailIdentity. */
export const emailIdentity = out({
  IdentityName: z.string().optional(),
  IdentityType: z.string().optional(),
  SendingEnabled: z.boolean().optional(),
  CurrentReputationLevel: z.number().int().optional(),
  DailyQuota: int.optional(),
  SendIp: z.array(z.string()).optional(),
  TagList: z
    .array(out({ TagKey: z.string().optional(), TagValue: z.string().optional() }))
    .optional(),
  DKIMOption: z.number().int().optional(),
});

/** DNS records of a sender domain (Create/Get/UpdateEmailIdentity). */
export const identityRecords = out({
  IdentityType: z.string().optional(),
  VerifiedForSendingStatus: z.boolean().optional(),
  Attributes: z
    .array(
      out({
        Type: z.string().optional(),
        SendDomain: z.string().optional(),
        ExpectedValue: z.string().optional(),
        CurrentValue: z.string().optional(),
        Status: z.boolean().optional(),
      }),
    )
    .optional(),
});

/** docs/providers/tencent-ses.md Volume. */
export const volume = out({
  SendDate: z.string().optional(),
  RequestCount: int.optional(),
  AcceptedCount: int.optional(),
  DeliveredCount: int.optional(),
  OpenedCount: int.optional(),
  ClickedCount: int.optional(),
  BounceCount: int.optional(),
  UnsubscribeCount: int.optional(),
});

/** ListEmailAddress EmailSender. */
export const emailSender = out({
  EmailAddress: z.string().optional(),
  EmailSenderName: z.string().optional(),
  CreatedTimestamp: z.number().optional(),
  SmtpPwdType: z.number().int().optional(),
});

/** ListBlackEmailAddress BlackEmailAddress. */
export const blackEmailAddress = out({
  BounceTime: z.string().optional(),
  EmailAddress: z.string().optional(),
  IspDesc: z.string().optional(),
});

/** ListCustomBlacklist BlackAddressDetail. */
export const blackAddressDetail = out({
  Id: int.optional(),
  Email: z.string().optional(),
  CreateTime: z.string().optional(),
  ExpireDate: z.string().optional(),
  Status: z.number().int().optional(),
});

/** ListAddressUnsubscribeConfig AddressUnsubscribeConfigData. */
export const unsubscribeConfigData = out({
  Address: z.string().optional(),
  UnsubscribeConfig: z.string().optional(),
  Status: z.number().int().optional(),
});
