/**
 * The DirectMail error codes the manuals list per action (docs/providers/aliyun-dm.md "Error
 * codes"), and the ones no request can cause in an emulator (anti-spam verdicts, server faults),
 * which the table test produces by fault injection instead.
 */

const SHARED_SEND = [
  'InvalidMailAddress.NotFound',
  'InvalidMailAddressDomain.Malformed',
  'InvalidMailAddressSendType.Malformed',
  'InvalidMailAddressStatus.Malformed',
  'InvalidReceiver.NotFound',
  'InvalidReceiverName.Malformed',
  'InvalidReplyAddress.Malformed',
  'InvalidReplyAddressAlias.Malformed',
  'InvalidSendMail.Spam',
  'InvalidTemplate.NotFound',
  'InvalidTemplateName.Malformed',
];
const RECEIVER_API = ['InvalidReceiverName.Malformed', 'InvalidReceiverStatus.Malformed'];

/** Per action, every code the sources document (docs/providers/aliyun-dm.md "Error codes"). */
export const DOCUMENTED: Readonly<Record<string, readonly string[]>> = {
  // SingleSendMail (the 2019 manual).
  SingleSendMail: [
    ...SHARED_SEND,
    'InvalidBody',
    'InvalidFromAlias.Malformed',
    'InvalidSubject.Malformed',
    'InvalidToAddress',
    'InvalidToAddress.Spam',
  ],
  // BatchSendMail (the BatchSendMail manual and the 2019 manual).
  BatchSendMail: [
    ...SHARED_SEND,
    'InvalidMailAddressName.Malformed',
    'InvalidReceiverStatus.Malformed',
    'InvalidTemplateStatus.Malformed',
  ],
  // The 2019 manual: CreateReceiver and DeleteReceiver; DeleteReceiverDetail "as DeleteReceiver".
  CreateReceiver: RECEIVER_API,
  DeleteReceiver: RECEIVER_API,
  DeleteReceiverDetail: RECEIVER_API,
  // Statistics (the 2019 manual and the 2022 statistics manual).
  SenderStatisticsDetailByParam: [
    'InvalidDate.Malformed',
    'InvalidDate.NotFound',
    'InvalidStartTime.Malformed',
    'InvalidBetweenTime.Malformed',
    'InvalidMailAddressName.Malformed',
    'InvalidMailAddress.NotFound',
    'InvalidTagName.Malformed',
    'InvalidYear.Malformed',
    'InternalError',
  ],
};

/** A documented code the emulator cannot be made to answer by any request; why, per row. */
export interface FaultRow {
  readonly action: string;
  readonly code: string;
  readonly status: number;
  readonly why: string;
}

const SPAM = 'the anti-spam, frequency and quota verdict of the real service';

export const FAULT_ROWS: readonly FaultRow[] = [
  { action: 'SingleSendMail', code: 'InvalidSendMail.Spam', status: 400, why: SPAM },
  { action: 'BatchSendMail', code: 'InvalidSendMail.Spam', status: 400, why: SPAM },
  // SingleSendMail takes neither a list nor a template name (only Template.TemplateId, whose
  // absence is InvalidTemplate.NotFound): the 2019 manual shares these rows with BatchSendMail.
  {
    action: 'SingleSendMail',
    code: 'InvalidReceiverName.Malformed',
    status: 400,
    why: 'SingleSendMail names no recipient list (a bad address is InvalidToAddress)',
  },
  {
    action: 'SingleSendMail',
    code: 'InvalidReceiver.NotFound',
    status: 404,
    why: 'SingleSendMail names no recipient list',
  },
  {
    action: 'SingleSendMail',
    code: 'InvalidTemplateName.Malformed',
    status: 400,
    why: 'SingleSendMail names templates by id, not by name',
  },
  {
    action: 'CreateReceiver',
    code: 'InvalidReceiverStatus.Malformed',
    status: 400,
    why: 'a new list has no status the caller can get wrong; the cause is undocumented',
  },
  {
    action: 'DeleteReceiver',
    code: 'InvalidReceiverName.Malformed',
    status: 400,
    why: 'DeleteReceiver takes an id, and an unknown id is InvalidReceiver.NotFound',
  },
  {
    action: 'DeleteReceiverDetail',
    code: 'InvalidReceiverStatus.Malformed',
    status: 400,
    why: 'no cause is documented; the 10-minute keep after BatchSendMail covers deleting the list only',
  },
  {
    action: 'SenderStatisticsDetailByParam',
    code: 'InternalError',
    status: 500,
    why: 'a server-side failure',
  },
  // Generic server and throttling answers every action can get.
  { action: 'SingleSendMail', code: 'InternalError', status: 500, why: 'a server-side failure' },
  { action: 'SingleSendMail', code: 'ServiceUnavailable', status: 503, why: 'server overload' },
  { action: 'BatchSendMail', code: 'Throttling.User', status: 400, why: 'flow control' },
];
