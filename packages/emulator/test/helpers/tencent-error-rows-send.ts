/** Error-table rows for SendEmail and BatchSendEmail (docs/providers/tencent-ses.md "Sending", the pages' error codes). */
import { batchBody, emails, MB, type Row, slowUpload } from './tencent-error-base.js';
import { b64, sendBody } from './tencent-sign.js';

const S = 'SendEmail';
const B = 'BatchSendEmail';

export const sendRows: Row[] = [
  {
    action: S,
    code: 'FailedOperation.AttachContentToolarge',
    params: sendBody({
      Attachments: [{ FileName: 'big.bin', Content: Buffer.alloc(4 * MB + 1).toString('base64') }],
    }),
  },
  {
    action: S,
    code: 'FailedOperation.EmailContentToolarge',
    seed: { allowSimple: true },
    params: sendBody({
      Template: undefined,
      Simple: { Html: b64('x'.repeat(3 * MB)) },
      Attachments: [{ FileName: 'a.bin', Content: Buffer.alloc(1.5 * MB).toString('base64') }],
    }),
  },
  {
    action: S,
    code: 'FailedOperation.FileURLNotExist',
    params: sendBody({
      Attachments: [{ FileName: 'a.pdf', FileURL: 'https://example.com/a.pdf' }],
    }),
  },
  {
    action: S,
    code: 'FailedOperation.IncorrectEmail',
    params: sendBody({ ReplyToAddresses: 'a@example.com,b@example.com' }),
  },
  {
    action: S,
    code: 'FailedOperation.IncorrectSender',
    params: sendBody({ FromEmailAddress: 'Shop<noreply@mail.example.com>' }),
  },
  {
    action: S,
    code: 'FailedOperation.InvalidAttachName',
    params: sendBody({ Attachments: [{ FileName: 'setup.exe', Content: b64('MZ') }] }),
  },
  {
    action: S,
    code: 'FailedOperation.InvalidTemplateID',
    params: sendBody({ Template: { TemplateID: 100009, TemplateData: '{"name":"A"}' } }),
  },
  {
    action: S,
    code: 'FailedOperation.MissingEmailContent',
    params: sendBody({ Template: undefined }),
  },
  {
    action: S,
    code: 'FailedOperation.NotAuthenticatedSender',
    params: sendBody({ FromEmailAddress: 'pending@mail.example.com' }),
  },
  {
    action: S,
    code: 'FailedOperation.TooManyAttachments',
    params: sendBody({
      Attachments: Array.from({ length: 11 }, (_, i) => ({
        FileName: `${i}.txt`,
        Content: b64('x'),
      })),
    }),
  },
  {
    action: S,
    code: 'FailedOperation.TooManyRecipients',
    params: sendBody({ Destination: emails(51) }),
  },
  {
    action: S,
    code: 'FailedOperation.WithOutPermission',
    params: sendBody({ Template: undefined, Simple: { Html: b64('<p>x</p>') } }),
  },
  {
    action: S,
    code: 'FailedOperation.WrongContentJson',
    params: sendBody({ Template: { TemplateID: 100001, TemplateData: '{name: Ann}' } }),
  },
  {
    action: S,
    code: 'InvalidParameter',
    params: sendBody({ Template: { TemplateID: 100001, TemplateData: { name: 'Ann' } } }),
  },
  {
    action: S,
    code: 'InvalidParameterValue',
    params: sendBody({ Destination: ['a@example.com'], Bcc: ['A@example.com'] }),
  },
  {
    action: S,
    code: 'InvalidParameterValue.AttachContentIsWrong',
    params: sendBody({ Attachments: [{ FileName: 'a.txt', Content: 'not base64!' }] }),
  },
  {
    action: S,
    code: 'InvalidParameterValue.EmailAddressIsNULL',
    params: sendBody({ Destination: [] }),
  },
  {
    action: S,
    code: 'InvalidParameterValue.EmailContentIsWrong',
    seed: { allowSimple: true },
    params: sendBody({ Template: undefined, Simple: { Html: '<p>raw html, not base64</p>' } }),
  },
  {
    action: S,
    code: 'InvalidParameterValue.ReceiverEmailInvalid',
    params: sendBody({ Destination: ['ann at example.com'] }),
  },
  { action: S, code: 'MissingParameter', params: sendBody({ Subject: undefined }) },
  { action: S, code: 'UnknownParameter', params: sendBody({ Destinations: ['a@example.com'] }) },
  ...[
    'EmailAddrInBlacklist',
    'ExceedSendLimit',
    'FrequencyLimit',
    'HighRejectionRate',
    'IllegalURL',
    'InsufficientBalance',
    'InsufficientQuota',
    'NoAttachPermission',
    'ProtocolCheckErr',
    'ReceiverHasUnsubscribed',
    'RejectedByRecipients',
    'SendEmailErr',
    'TemporaryBlocked',
    'URLForbidden',
    'UnsupportMailType',
  ].map((c): Row => ({ action: S, code: `FailedOperation.${c}`, fault: true })),
  ...[
    'InternalError',
    'InvalidParameterValue.InvalidEmailIdentity',
    'LimitExceeded',
    'OperationDenied',
    'RequestLimitExceeded',
    'ResourceInsufficient',
    'ResourceUnavailable',
    'UnsupportedOperation',
  ].map((code): Row => ({ action: S, code, fault: true })),

  {
    action: B,
    code: 'FailedOperation.EmailContentToolarge',
    seed: { allowSimple: true },
    params: batchBody({ Template: undefined, Simple: { Html: b64('x'.repeat(4 * MB + 1)) } }),
  },
  { action: B, code: 'InternalError', fault: true },
  {
    action: B,
    code: 'InvalidParameterValue.BeginTimeBeforeNow',
    params: batchBody({ TaskType: 2, TimedParam: { BeginTime: '2020-01-01 00:00:00' } }),
  },
  {
    action: B,
    code: 'InvalidParameterValue.EmailContentIsWrong',
    seed: { allowSimple: true },
    params: batchBody({ Template: undefined, Simple: { Text: 'plain text!' } }),
  },
  {
    action: B,
    code: 'InvalidParameterValue.SubjectLengthError',
    params: batchBody({ Subject: 'x'.repeat(101) }),
  },
  {
    action: B,
    code: 'InvalidParameterValue.TemplateDataError',
    params: batchBody({ Template: { TemplateID: 100002, TemplateData: '["t","b"]' } }),
  },
  {
    action: B,
    code: 'InvalidParameterValue.TemplateNotMatchData',
    params: batchBody({ ReceiverId: 502, Template: { TemplateID: 100002, TemplateData: '' } }),
  },
  {
    action: B,
    code: 'MissingParameter.CycleParamNecessary',
    params: batchBody({ TaskType: 3, CycleParam: { BeginTime: '2099-01-01 00:00:00' } }),
  },
  {
    action: B,
    code: 'MissingParameter.SendParamNecessary',
    params: batchBody({ Template: undefined }),
  },
  { action: B, code: 'MissingParameter.TimedParamNecessary', params: batchBody({ TaskType: 2 }) },
  { action: B, code: 'OperationDenied.ReceiverNotExist', params: batchBody({ ReceiverId: 999 }) },
  {
    action: B,
    code: 'OperationDenied.ReceiverStatusError',
    params: batchBody({ ReceiverId: 503 }),
  },
  {
    action: B,
    code: 'OperationDenied.ReceiverStatusError',
    setup: slowUpload,
    params: batchBody(),
  },
  {
    action: B,
    code: 'OperationDenied.SendAddressStatusError',
    params: batchBody({ FromEmailAddress: 'pending@mail.example.com' }),
  },
  {
    action: B,
    code: 'OperationDenied.TemplateStatusError',
    params: batchBody({ Template: { TemplateID: 100009, TemplateData: '{"name":"x"}' } }),
  },
];
