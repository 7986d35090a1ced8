/**
 * DirectMail error-table rows for SingleSendMail and BatchSendMail (docs/providers/aliyun-dm.md
 * "Error codes").
 */
import { BATCH, type Row, SINGLE } from './aliyun-error-base.js';

export const SEND_ROWS: readonly Row[] = [
  // SingleSendMail (the 2019 manual)
  [
    'InvalidMailAddress.NotFound',
    404,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'ghost@mail.example.com' },
  ],
  [
    'InvalidMailAddressName.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'not an address' },
  ],
  [
    'InvalidMailAddressStatus.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'frozen@mail.example.com' },
  ],
  [
    'InvalidMailAddressSendType.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'batch@mail.example.com' },
  ],
  [
    'InvalidMailAddressDomain.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'x@unverified.example.com' },
  ],
  ['InvalidToAddress', 400, 'SingleSendMail', { ...SINGLE, ToAddress: 'a@example.com,nobody' }],
  [
    'InvalidToAddress',
    400,
    'SingleSendMail',
    { ...SINGLE, ToAddress: Array.from({ length: 101 }, (_, i) => `u${i}@example.com`).join(',') },
  ],
  ['InvalidToAddress.Spam', 400, 'SingleSendMail', { ...SINGLE, ToAddress: 'bounced@example.com' }],
  ['InvalidBody', 400, 'SingleSendMail', { ...SINGLE, HtmlBody: '' }],
  ['InvalidBody', 400, 'SingleSendMail', { ...SINGLE, HtmlBody: 'x'.repeat(81 * 1024) }, 'GET'],
  ['InvalidSubject.Malformed', 400, 'SingleSendMail', { ...SINGLE, Subject: 's'.repeat(257) }],
  [
    'InvalidFromAlias.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, FromAlias: '123456789012345' },
  ],
  [
    'InvalidReplyAddress.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, ReplyAddress: 'reply-at-example.com' },
  ],
  [
    'InvalidReplyAddress.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'plain@mail.example.com', ReplyToAddress: 'true' },
  ],
  [
    'InvalidReplyAddressAlias.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, ReplyAddress: 'r@example.com', ReplyAddressAlias: 'a'.repeat(16) },
  ],
  [
    'InvalidTemplate.NotFound',
    404,
    'SingleSendMail',
    { ...SINGLE, Template: '{"TemplateId":"999","TemplateData":{}}' },
  ],
  ['InvalidTagName.Malformed', 400, 'SingleSendMail', { ...SINGLE, TagName: 'no such tag' }],
  ['InvalidTagName.Malformed', 400, 'SingleSendMail', { ...SINGLE, TagName: 'unknown_tag' }],
  ['MissingToAddress', 400, 'SingleSendMail', { ...SINGLE, ToAddress: '' }],
  ['MissingReplyToAddress', 400, 'SingleSendMail', { ...SINGLE, ReplyToAddress: '' }],
  ['InvalidParameter', 400, 'SingleSendMail', { ...SINGLE, ReplyToAddress: 'yes' }],
  ['InvalidParameter', 400, 'SingleSendMail', { ...SINGLE, ClickTrace: 'true' }],
  ['InvalidParameter', 400, 'SingleSendMail', { ...SINGLE, BccAddress: 'a@x.com,b@x.com,c@x.com' }],
  ['UnsupportedOperation', 400, 'SingleSendMail', { ...SINGLE, DomainAuth: 'true' }],
  ['InvalidParameter', 400, 'SingleSendMail', { ...SINGLE, HtmlBody: '', Template: 'null' }],
  // BatchSendMail (the BatchSendMail and 2019 manuals); the shared SingleSendMail table's template
  // and receiver codes
  [
    'InvalidMailAddress.NotFound',
    404,
    'BatchSendMail',
    { ...BATCH, AccountName: 'ghost@mail.example.com' },
  ],
  [
    'InvalidMailAddressName.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, AccountName: 'batch.mail.example.com' },
  ],
  [
    'InvalidMailAddressSendType.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, AccountName: 'noreply@mail.example.com' },
  ],
  [
    'InvalidMailAddressStatus.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, AccountName: 'frozen@mail.example.com' },
  ],
  [
    'InvalidMailAddressDomain.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, AccountName: 'bx@unverified.example.com' },
  ],
  [
    'InvalidTemplateName.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, TemplateName: 't'.repeat(31) },
  ],
  ['InvalidTemplate.NotFound', 404, 'BatchSendMail', { ...BATCH, TemplateName: 'nope' }],
  ['InvalidTemplateStatus.Malformed', 400, 'BatchSendMail', { ...BATCH, TemplateName: 'pending' }],
  ['InvalidTemplateStatus.Malformed', 400, 'BatchSendMail', { ...BATCH, TemplateName: 'rejected' }],
  [
    'InvalidReceiverName.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, ReceiversName: 'r'.repeat(31) },
  ],
  ['InvalidReceiver.NotFound', 404, 'BatchSendMail', { ...BATCH, ReceiversName: 'nope' }],
  ['InvalidReceiverStatus.Malformed', 400, 'BatchSendMail', { ...BATCH, ReceiversName: 'empty' }],
  ['InvalidReplyAddress.Malformed', 400, 'BatchSendMail', { ...BATCH, ReplyAddress: 'nope' }],
  [
    'InvalidReplyAddressAlias.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, ReplyAddressAlias: 'a'.repeat(16) },
  ],
  ['MissingTemplateName', 400, 'BatchSendMail', { ...BATCH, TemplateName: '' }],
];
