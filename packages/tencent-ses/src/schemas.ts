/**
 * zod schemas of the SES API 2020-10-02 structures (docs/providers/tencent-ses.md and
 * the Node SDK 4.1.76 models): request shapes are strict (a misspelt field fails before the
 * request), response shapes are loose and drop `null` fields (documented as "may return null").
 */
import { z } from '@mailbridge/core/schema';

/** Non-negative integer (ids, counts, offsets). */
export const int = z.int().check(z.nonnegative());
/** Paging limit: at most 100 on every List or Get action (FailedOperation.InvalidLimit). */
export const limit = z.int().check(z.gte(1), z.lte(100));

const dropNulls = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  // Most answers hold no null: no copy then (zod's output is a fresh object either way).
  if (!Object.values(value).includes(null)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
};

/** A response object: unknown fields kept, `null` fields treated as absent. */
export function out<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.pipe(z.transform(dropNulls), z.looseObject(shape));
}

/** A request object: unknown fields rejected. */
export const input = <S extends z.core.$ZodLooseShape>(shape: S) => z.strictObject(shape);

/** docs/providers/tencent-ses.md Template: `TemplateData` is a JSON object serialised to a string, not an object. */
export const template = input({ TemplateID: int, TemplateData: z.string() });
/** docs/providers/tencent-ses.md Simple (deprecated; accounts granted raw content): base64 bodies. */
export const simple = input({ Html: z.optional(z.string()), Text: z.optional(z.string()) });
/**
 * docs/providers/tencent-ses.md Attachment: base64 `Content`; `FileURL` is a feature that is not
 * open. The FileName length, in characters, is a limit (limits.ts).
 */
export const attachment = input({
  FileName: z.string(),
  Content: z.optional(z.string()),
  FileURL: z.optional(z.string()),
});
/** docs/providers/tencent-ses.md TimedEmailParam: `YYYY-MM-DD HH:mm:ss`. */
export const timedParam = input({ BeginTime: z.string() });
/** docs/providers/tencent-ses.md CycleEmailParam: IntervalTime in hours; TermCycle 0 keep running, 1 stop. */
export const cycleParam = input({
  BeginTime: z.string(),
  IntervalTime: z.int().check(z.positive()),
  TermCycle: z.optional(z.union([z.literal(0), z.literal(1)])),
});
/** docs/providers/tencent-ses.md ReceiverInputData: TemplateData at most 800 bytes. */
export const receiverInputData = input({ Email: z.string(), TemplateData: z.string() });
/** docs/providers/tencent-ses.md TemplateContent: base64 Html and/or Text. */
export const templateContent = input({
  Html: z.optional(z.string()),
  Text: z.optional(z.string()),
});
/** docs/providers/tencent-ses.md TagList. */
export const tag = input({ TagKey: z.string(), TagValue: z.string() });

/** Response of the receiver uploads (docs/providers/tencent-ses.md). */
export const uploadCounts = out({
  TotalCount: z.optional(int),
  ValidCount: z.optional(int),
  TooLongCount: z.optional(int),
  EmptyEmailCount: z.optional(int),
  RepeatCount: z.optional(int),
});

/** The empty response (RequestId only). */
export const empty = out({});

const templateOut = out({ TemplateID: z.optional(int), TemplateData: z.optional(z.string()) });
const contentOut = out({ Html: z.optional(z.string()), Text: z.optional(z.string()) });

/** docs/providers/tencent-ses.md SendTaskData. */
export const sendTaskData = out({
  TaskId: z.optional(int),
  FromEmailAddress: z.optional(z.string()),
  ReceiverId: z.optional(int),
  TaskStatus: z.optional(z.int()),
  TaskType: z.optional(z.int()),
  RequestCount: z.optional(int),
  SendCount: z.optional(int),
  CacheCount: z.optional(int),
  CreateTime: z.optional(z.string()),
  UpdateTime: z.optional(z.string()),
  Subject: z.optional(z.string()),
  Template: z.optional(templateOut),
  CycleParam: z.optional(
    out({
      BeginTime: z.optional(z.string()),
      IntervalTime: z.optional(int),
      TermCycle: z.optional(int),
    }),
  ),
  TimedParam: z.optional(out({ BeginTime: z.optional(z.string()) })),
  ErrMsg: z.optional(z.string()),
  ReceiversName: z.optional(z.string()),
});

/** docs/providers/tencent-ses.md ReceiverData. */
export const receiverData = out({
  ReceiverId: z.optional(int),
  ReceiversName: z.optional(z.string()),
  Count: z.optional(int),
  Desc: z.optional(z.string()),
  ReceiversStatus: z.optional(z.int()),
  CreateTime: z.optional(z.string()),
  InvalidCount: z.optional(int),
});

/** docs/providers/tencent-ses.md ReceiverDetail. */
export const receiverDetail = out({
  Email: z.optional(z.string()),
  CreateTime: z.optional(z.string()),
  TemplateData: z.optional(z.string()),
  Reason: z.optional(z.string()),
  Status: z.optional(z.int()),
  EmailId: z.optional(int),
});

/** docs/providers/tencent-ses.md SendEmailStatus. */
export const sendEmailStatus = out({
  MessageId: z.optional(z.string()),
  ToEmailAddress: z.optional(z.string()),
  FromEmailAddress: z.optional(z.string()),
  SendStatus: z.optional(z.int()),
  DeliverStatus: z.optional(z.int()),
  DeliverMessage: z.optional(z.string()),
  RequestTime: z.optional(z.number()),
  DeliverTime: z.optional(z.number()),
  UserOpened: z.optional(z.boolean()),
  UserClicked: z.optional(z.boolean()),
  UserUnsubscribed: z.optional(z.boolean()),
  /** Misspelt and deprecated: prefer `UserComplained`. */
  UserComplainted: z.optional(z.boolean()),
  UserComplained: z.optional(z.boolean()),
});

/** docs/providers/tencent-ses.md TemplatesMetadata. */
export const templatesMetadata = out({
  CreatedTimestamp: z.optional(z.number()),
  TemplateName: z.optional(z.string()),
  TemplateStatus: z.optional(z.int()),
  TemplateID: z.optional(int),
  ReviewReason: z.optional(z.string()),
});

/** TemplateContent as GetEmailTemplate returns it (base64). */
export const templateContentOut = contentOut;

/** docs/providers/tencent-ses.md EmailIdentity. */
export const emailIdentity = out({
  IdentityName: z.optional(z.string()),
  IdentityType: z.optional(z.string()),
  SendingEnabled: z.optional(z.boolean()),
  CurrentReputationLevel: z.optional(z.int()),
  DailyQuota: z.optional(int),
  SendIp: z.optional(z.array(z.string())),
  TagList: z.optional(
    z.array(out({ TagKey: z.optional(z.string()), TagValue: z.optional(z.string()) })),
  ),
  DKIMOption: z.optional(z.int()),
});

/** DNS records of a sender domain (Create/Get/UpdateEmailIdentity). */
export const identityRecords = out({
  IdentityType: z.optional(z.string()),
  VerifiedForSendingStatus: z.optional(z.boolean()),
  Attributes: z.optional(
    z.array(
      out({
        Type: z.optional(z.string()),
        SendDomain: z.optional(z.string()),
        ExpectedValue: z.optional(z.string()),
        CurrentValue: z.optional(z.string()),
        Status: z.optional(z.boolean()),
      }),
    ),
  ),
});

/** docs/providers/tencent-ses.md Volume. */
export const volume = out({
  SendDate: z.optional(z.string()),
  RequestCount: z.optional(int),
  AcceptedCount: z.optional(int),
  DeliveredCount: z.optional(int),
  OpenedCount: z.optional(int),
  ClickedCount: z.optional(int),
  BounceCount: z.optional(int),
  UnsubscribeCount: z.optional(int),
});

/** ListEmailAddress EmailSender. */
export const emailSender = out({
  EmailAddress: z.optional(z.string()),
  EmailSenderName: z.optional(z.string()),
  CreatedTimestamp: z.optional(z.number()),
  SmtpPwdType: z.optional(z.int()),
});

/** ListBlackEmailAddress BlackEmailAddress. */
export const blackEmailAddress = out({
  BounceTime: z.optional(z.string()),
  EmailAddress: z.optional(z.string()),
  IspDesc: z.optional(z.string()),
});

/** ListCustomBlacklist BlackAddressDetail. */
export const blackAddressDetail = out({
  Id: z.optional(int),
  Email: z.optional(z.string()),
  CreateTime: z.optional(z.string()),
  ExpireDate: z.optional(z.string()),
  Status: z.optional(z.int()),
});

/** ListAddressUnsubscribeConfig AddressUnsubscribeConfigData. */
export const unsubscribeConfigData = out({
  Address: z.optional(z.string()),
  UnsubscribeConfig: z.optional(z.string()),
  Status: z.optional(z.int()),
});
