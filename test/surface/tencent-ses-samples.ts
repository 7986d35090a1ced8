/**
 * One valid request per SES action (shapes and documented limits respected), against the
 * emulator's default seed: sender noreply@mail.example.com, templates 100001 and 100002. An
 * action the official SDK gains without a sample here fails the surface test by name.
 */
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const sender = 'noreply@mail.example.com';
const page = { Offset: 0, Limit: 10 };
const today = new Date().toISOString().slice(0, 10);

/** Params by action name. */
export const TENCENT_SAMPLES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  SendEmail: {
    FromEmailAddress: `Shop <${sender}>`,
    Destination: ['ann@example.com'],
    Subject: 'Welcome',
    Template: { TemplateID: 100001, TemplateData: '{"name":"Ann"}' },
  },
  BatchSendEmail: {
    FromEmailAddress: sender,
    ReceiverId: 1,
    Subject: 'News',
    TaskType: 1,
    Template: { TemplateID: 100002, TemplateData: '{"title":"t","body":"b"}' },
  },
  GetSendEmailStatus: { RequestDate: today, ...page },
  ListSendTasks: page,
  CreateReceiver: { ReceiversName: 'surface', Desc: 'the surface test' },
  CreateReceiverDetail: { ReceiverId: 1, Emails: ['ann@example.com'] },
  CreateReceiverDetailWithData: {
    ReceiverId: 1,
    Datas: [{ Email: 'ann@example.com', TemplateData: '{"name":"Ann"}' }],
  },
  ListReceivers: page,
  ListReceiverDetails: { ReceiverId: 1, ...page },
  DeleteReceiver: { ReceiverId: 1 },
  CreateEmailTemplate: { TemplateName: 'surface', TemplateContent: { Text: b64('Hi {{name}}') } },
  UpdateEmailTemplate: {
    TemplateID: 100001,
    TemplateName: 'welcome',
    TemplateContent: { Html: b64('<p>Hello {{name}}</p>') },
  },
  GetEmailTemplate: { TemplateID: 100001 },
  ListEmailTemplates: page,
  DeleteEmailTemplate: { TemplateID: 100002 },
  CreateEmailIdentity: { EmailIdentity: 'news.example.com', DKIMOption: 1 },
  GetEmailIdentity: { EmailIdentity: 'mail.example.com' },
  UpdateEmailIdentity: { EmailIdentity: 'mail.example.com' },
  DeleteEmailIdentity: { EmailIdentity: 'news.example.com' },
  ListEmailIdentities: { Limit: 10, Offset: 0 },
  CreateEmailAddress: { EmailAddress: 'hello@mail.example.com', EmailSenderName: 'Hello' },
  ListEmailAddress: {},
  DeleteEmailAddress: { EmailAddress: 'hello@mail.example.com' },
  UpdateEmailSmtpPassWord: { EmailAddress: sender, Password: 'Ab12Cd34Ef' },
  ListBlackEmailAddress: { StartDate: today, EndDate: today, ...page },
  DeleteBlackList: { EmailAddressList: ['ann@example.com'] },
  CreateCustomBlacklist: { Emails: ['ann@example.com'], ExpireDate: '2099-12-31' },
  UpdateCustomBlackList: { Id: 1, Email: 'bob@example.com' },
  DeleteCustomBlackList: { Emails: ['ann@example.com'] },
  ListCustomBlacklist: { ...page, Status: 2 },
  CreateAddressUnsubscribeConfig: { Address: sender, UnsubscribeConfig: '2', Status: 1 },
  UpdateAddressUnsubscribeConfig: { Address: sender, UnsubscribeConfig: '1', Status: 0 },
  DeleteAddressUnsubscribeConfig: { Address: sender },
  ListAddressUnsubscribeConfig: { Offset: 0, Limit: '10' },
  GetStatisticsReport: { StartDate: today, EndDate: today },
};
