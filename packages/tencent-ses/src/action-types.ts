/**
 * The request (`input`, as callers write it) and the parsed response (`output`) of every
 * Tencent Cloud SES action, spelt out so the published types stand alone (core bundles its
 * validation library, so a user's project has none of its types). Generated from the
 * action table by `node scripts/action-types.mjs tencent-ses`; actions.ts fails to compile when
 * the table and this file disagree.
 */

/** Request and response types of each action, by action name. */
// biome-ignore format: generated, one line per request and per response keeps it readable
export interface TencentSesActionTypes {
  GetStatisticsReport: {
    input: { StartDate: string; EndDate: string; Domain?: string | undefined; ReceivingMailboxType?: string | undefined; };
    output: { [x: string]: unknown; DailyVolumes?: { [x: string]: unknown; SendDate?: string | undefined; RequestCount?: number | undefined; AcceptedCount?: number | undefined; DeliveredCount?: number | undefined; OpenedCount?: number | undefined; ClickedCount?: number | undefined; BounceCount?: number | undefined; UnsubscribeCount?: number | undefined; }[] | undefined; OverallVolume?: { [x: string]: unknown; SendDate?: string | undefined; RequestCount?: number | undefined; AcceptedCount?: number | undefined; DeliveredCount?: number | undefined; OpenedCount?: number | undefined; ClickedCount?: number | undefined; BounceCount?: number | undefined; UnsubscribeCount?: number | undefined; } | undefined; };
  };
  ListBlackEmailAddress: {
    input: { Offset: number; Limit: number; StartDate: string; EndDate: string; EmailAddress?: string | undefined; TaskID?: string | undefined; };
    output: { [x: string]: unknown; BlackList?: { [x: string]: unknown; BounceTime?: string | undefined; EmailAddress?: string | undefined; IspDesc?: string | undefined; }[] | undefined; TotalCount?: number | undefined; };
  };
  DeleteBlackList: {
    input: { EmailAddressList: string[]; };
    output: { [x: string]: unknown; };
  };
  CreateCustomBlacklist: {
    input: { Emails: string[]; ExpireDate?: string | undefined; };
    output: { [x: string]: unknown; TotalCount?: number | undefined; ValidCount?: number | undefined; TooLongCount?: number | undefined; RepeatCount?: number | undefined; InvalidCount?: number | undefined; };
  };
  UpdateCustomBlackList: {
    input: { Id: number; Email: string; ExpireDate?: string | undefined; };
    output: { [x: string]: unknown; };
  };
  DeleteCustomBlackList: {
    input: { Emails: string[]; };
    output: { [x: string]: unknown; };
  };
  ListCustomBlacklist: {
    input: { Status: number; Offset: number; Limit: number; Email?: string | undefined; };
    output: { [x: string]: unknown; TotalCount?: number | undefined; Data?: { [x: string]: unknown; Id?: number | undefined; Email?: string | undefined; CreateTime?: string | undefined; ExpireDate?: string | undefined; Status?: number | undefined; }[] | undefined; };
  };
  CreateAddressUnsubscribeConfig: {
    input: { Address: string; UnsubscribeConfig: string; Status: number; };
    output: { [x: string]: unknown; };
  };
  UpdateAddressUnsubscribeConfig: {
    input: { Address: string; UnsubscribeConfig: string; Status: number; };
    output: { [x: string]: unknown; };
  };
  DeleteAddressUnsubscribeConfig: {
    input: { Address?: string | undefined; };
    output: { [x: string]: unknown; };
  };
  ListAddressUnsubscribeConfig: {
    input: { Offset?: number | undefined; Limit?: string | undefined; };
    output: { [x: string]: unknown; AddressUnsubscribeConfigList?: { [x: string]: unknown; Address?: string | undefined; UnsubscribeConfig?: string | undefined; Status?: number | undefined; }[] | undefined; Total?: number | undefined; };
  };
  CreateEmailIdentity: {
    input: { EmailIdentity: string; DKIMOption?: number | undefined; TagList?: { TagKey: string; TagValue: string; }[] | undefined; };
    output: { [x: string]: unknown; IdentityType?: string | undefined; VerifiedForSendingStatus?: boolean | undefined; Attributes?: { [x: string]: unknown; Type?: string | undefined; SendDomain?: string | undefined; ExpectedValue?: string | undefined; CurrentValue?: string | undefined; Status?: boolean | undefined; }[] | undefined; };
  };
  GetEmailIdentity: {
    input: { EmailIdentity: string; };
    output: { [x: string]: unknown; IdentityType?: string | undefined; VerifiedForSendingStatus?: boolean | undefined; Attributes?: { [x: string]: unknown; Type?: string | undefined; SendDomain?: string | undefined; ExpectedValue?: string | undefined; CurrentValue?: string | undefined; Status?: boolean | undefined; }[] | undefined; };
  };
  UpdateEmailIdentity: {
    input: { EmailIdentity: string; };
    output: { [x: string]: unknown; IdentityType?: string | undefined; VerifiedForSendingStatus?: boolean | undefined; Attributes?: { [x: string]: unknown; Type?: string | undefined; SendDomain?: string | undefined; ExpectedValue?: string | undefined; CurrentValue?: string | undefined; Status?: boolean | undefined; }[] | undefined; };
  };
  DeleteEmailIdentity: {
    input: { EmailIdentity: string; };
    output: { [x: string]: unknown; };
  };
  ListEmailIdentities: {
    input: { TagList?: { TagKey: string; TagValue: string; }[] | undefined; Limit?: number | undefined; Offset?: number | undefined; };
    output: { [x: string]: unknown; EmailIdentities?: { [x: string]: unknown; IdentityName?: string | undefined; IdentityType?: string | undefined; SendingEnabled?: boolean | undefined; CurrentReputationLevel?: number | undefined; DailyQuota?: number | undefined; SendIp?: string[] | undefined; TagList?: { [x: string]: unknown; TagKey?: string | undefined; TagValue?: string | undefined; }[] | undefined; DKIMOption?: number | undefined; }[] | undefined; MaxReputationLevel?: number | undefined; MaxDailyQuota?: number | undefined; Total?: number | undefined; };
  };
  CreateEmailAddress: {
    input: { EmailAddress: string; EmailSenderName?: string | undefined; };
    output: { [x: string]: unknown; };
  };
  ListEmailAddress: {
    input: { [x: string]: never; };
    output: { [x: string]: unknown; EmailSenders?: { [x: string]: unknown; EmailAddress?: string | undefined; EmailSenderName?: string | undefined; CreatedTimestamp?: number | undefined; SmtpPwdType?: number | undefined; }[] | undefined; };
  };
  DeleteEmailAddress: {
    input: { EmailAddress: string; };
    output: { [x: string]: unknown; };
  };
  UpdateEmailSmtpPassWord: {
    input: { Password: string; EmailAddress: string; };
    output: { [x: string]: unknown; };
  };
  SendEmail: {
    input: { FromEmailAddress: string; Subject: string; Destination?: string[] | undefined; ReplyToAddresses?: string | undefined; Cc?: string[] | undefined; Bcc?: string[] | undefined; Template?: { TemplateID: number; TemplateData: string; } | undefined; Simple?: { Html?: string | undefined; Text?: string | undefined; } | undefined; Attachments?: { FileName: string; Content?: string | undefined; FileURL?: string | undefined; }[] | undefined; Unsubscribe?: string | undefined; TriggerType?: 0 | 1 | undefined; SmtpMessageId?: string | undefined; SmtpHeaders?: string | undefined; HeaderFrom?: string | undefined; };
    output: { [x: string]: unknown; MessageId: string; };
  };
  BatchSendEmail: {
    input: { FromEmailAddress: string; ReceiverId: number; Subject: string; TaskType: 1 | 2 | 3; ReplyToAddresses?: string | undefined; Template?: { TemplateID: number; TemplateData: string; } | undefined; Simple?: { Html?: string | undefined; Text?: string | undefined; } | undefined; Attachments?: { FileName: string; Content?: string | undefined; FileURL?: string | undefined; }[] | undefined; CycleParam?: { BeginTime: string; IntervalTime: number; TermCycle?: 0 | 1 | undefined; } | undefined; TimedParam?: { BeginTime: string; } | undefined; Unsubscribe?: string | undefined; ADLocation?: 0 | 1 | 2 | undefined; };
    output: { [x: string]: unknown; TaskId: string | number; };
  };
  GetSendEmailStatus: {
    input: { Offset: number; Limit: number; RequestDate: string; MessageId?: string | undefined; ToEmailAddress?: string | undefined; };
    output: { [x: string]: unknown; EmailStatusList?: { [x: string]: unknown; MessageId?: string | undefined; ToEmailAddress?: string | undefined; FromEmailAddress?: string | undefined; SendStatus?: number | undefined; DeliverStatus?: number | undefined; DeliverMessage?: string | undefined; RequestTime?: number | undefined; DeliverTime?: number | undefined; UserOpened?: boolean | undefined; UserClicked?: boolean | undefined; UserUnsubscribed?: boolean | undefined; UserComplainted?: boolean | undefined; UserComplained?: boolean | undefined; }[] | undefined; };
  };
  ListSendTasks: {
    input: { Offset: number; Limit: number; Status?: number | undefined; ReceiverId?: number | undefined; TaskType?: number | undefined; };
    output: { [x: string]: unknown; TotalCount?: number | undefined; Data?: { [x: string]: unknown; TaskId?: number | undefined; FromEmailAddress?: string | undefined; ReceiverId?: number | undefined; TaskStatus?: number | undefined; TaskType?: number | undefined; RequestCount?: number | undefined; SendCount?: number | undefined; CacheCount?: number | undefined; CreateTime?: string | undefined; UpdateTime?: string | undefined; Subject?: string | undefined; Template?: { [x: string]: unknown; TemplateID?: number | undefined; TemplateData?: string | undefined; } | undefined; CycleParam?: { [x: string]: unknown; BeginTime?: string | undefined; IntervalTime?: number | undefined; TermCycle?: number | undefined; } | undefined; TimedParam?: { [x: string]: unknown; BeginTime?: string | undefined; } | undefined; ErrMsg?: string | undefined; ReceiversName?: string | undefined; }[] | undefined; };
  };
  CreateReceiver: {
    input: { ReceiversName: string; Desc?: string | undefined; };
    output: { [x: string]: unknown; ReceiverId: number; };
  };
  CreateReceiverDetail: {
    input: { ReceiverId: number; Emails: string[]; };
    output: { [x: string]: unknown; TotalCount?: number | undefined; ValidCount?: number | undefined; TooLongCount?: number | undefined; EmptyEmailCount?: number | undefined; RepeatCount?: number | undefined; };
  };
  CreateReceiverDetailWithData: {
    input: { ReceiverId: number; Datas: { Email: string; TemplateData: string; }[]; };
    output: { [x: string]: unknown; TotalCount?: number | undefined; ValidCount?: number | undefined; TooLongCount?: number | undefined; EmptyEmailCount?: number | undefined; RepeatCount?: number | undefined; };
  };
  ListReceivers: {
    input: { Offset: number; Limit: number; Status?: number | undefined; KeyWord?: string | undefined; };
    output: { [x: string]: unknown; TotalCount?: number | undefined; Data?: { [x: string]: unknown; ReceiverId?: number | undefined; ReceiversName?: string | undefined; Count?: number | undefined; Desc?: string | undefined; ReceiversStatus?: number | undefined; CreateTime?: string | undefined; InvalidCount?: number | undefined; }[] | undefined; };
  };
  ListReceiverDetails: {
    input: { Offset: number; Limit: number; ReceiverId: number; Email?: string | undefined; CreateTimeBegin?: string | undefined; CreateTimeEnd?: string | undefined; Status?: number | undefined; };
    output: { [x: string]: unknown; TotalCount?: number | undefined; Data?: { [x: string]: unknown; Email?: string | undefined; CreateTime?: string | undefined; TemplateData?: string | undefined; Reason?: string | undefined; Status?: number | undefined; EmailId?: number | undefined; }[] | undefined; ValidCount?: number | undefined; InvalidCount?: number | undefined; };
  };
  DeleteReceiver: {
    input: { ReceiverId: number; };
    output: { [x: string]: unknown; };
  };
  CreateEmailTemplate: {
    input: { TemplateName: string; TemplateContent: { Html?: string | undefined; Text?: string | undefined; }; };
    output: { [x: string]: unknown; TemplateID: number; };
  };
  UpdateEmailTemplate: {
    input: { TemplateContent: { Html?: string | undefined; Text?: string | undefined; }; TemplateID: number; TemplateName: string; };
    output: { [x: string]: unknown; };
  };
  GetEmailTemplate: {
    input: { TemplateID: number; };
    output: { [x: string]: unknown; TemplateContent?: { [x: string]: unknown; Html?: string | undefined; Text?: string | undefined; } | undefined; TemplateStatus?: number | undefined; TemplateName?: string | undefined; };
  };
  ListEmailTemplates: {
    input: { Offset: number; Limit: number; };
    output: { [x: string]: unknown; TemplatesMetadata?: { [x: string]: unknown; CreatedTimestamp?: number | undefined; TemplateName?: string | undefined; TemplateStatus?: number | undefined; TemplateID?: number | undefined; ReviewReason?: string | undefined; }[] | undefined; TotalCount?: number | undefined; };
  };
  DeleteEmailTemplate: {
    input: { TemplateID: number; };
    output: { [x: string]: unknown; };
  };
}
