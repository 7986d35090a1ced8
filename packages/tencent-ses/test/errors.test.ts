import { describe, expect, it } from 'vitest';
import { classifyTencentError, TENCENT_SES_ERRORS } from '../src/errors.js';

type Row = readonly [
  providerCode: string,
  code: string,
  retryable: boolean,
  delivery: 'not_sent' | 'unknown',
];

const input = (c: string): Row => [c, 'invalid_input', false, 'not_sent'];
const as =
  (code: string) =>
  (c: string): Row => [c, code, false, 'not_sent'];

// Every common API 3.0 code and SES code, classified as docs/providers/tencent-ses.md "Error classification" says.
const ROWS: readonly Row[] = [
  // Common API 3.0 codes
  ...[
    'InvalidAuthorization',
    'InvalidSecretId',
    'SecretIdNotFound',
    'SignatureFailure',
    'TokenFailure',
    'MFAFailure',
  ]
    .map((s) => `AuthFailure.${s}`)
    .map(as('auth')),
  // Clock skew: not retried, as DirectMail's InvalidTimeStamp.Expired.
  ['AuthFailure.SignatureExpire', 'auth', false, 'not_sent'],
  ...[
    'AuthFailure.UnauthorizedOperation',
    'UnauthorizedOperation',
    'IpInBlacklist',
    'IpNotInWhitelist',
  ].map(as('permission')),
  ...[
    'ActionOffline',
    'InvalidAction',
    'NoSuchProduct',
    'NoSuchVersion',
    'UnsupportedOperation',
  ].map(as('unsupported')),
  ...[
    'InvalidParameter',
    'InvalidParameterValue',
    'MissingParameter',
    'UnknownParameter',
    'InvalidRequest',
    'RequestSizeLimitExceeded',
    'UnsupportedProtocol',
    'UnsupportedRegion',
    'ResponseSizeLimitExceeded',
  ].map(input),
  ...[
    'RequestLimitExceeded',
    'RequestLimitExceeded.IPLimitExceeded',
    'RequestLimitExceeded.UinLimitExceeded',
    'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
  ].map((c): Row => [c, 'rate_limited', true, 'not_sent']),
  ['LimitExceeded', 'quota_exceeded', false, 'not_sent'],
  ['InternalError', 'provider_unavailable', true, 'unknown'],
  ['ServiceUnavailable', 'provider_unavailable', true, 'unknown'],
  // Undocumented failure of the operation: it may have acted.
  ['FailedOperation', 'unknown', false, 'unknown'],
  // Certainly not executed; the mailer never asks for a dry run.
  ['DryRunOperation', 'invalid_input', false, 'not_sent'],
  ['OperationDenied', 'permission', false, 'not_sent'],
  ['ResourceInUse', 'conflict', false, 'not_sent'],
  ['ResourceInsufficient', 'quota_exceeded', false, 'not_sent'],
  ['ResourceNotFound', 'not_found', false, 'not_sent'],
  ['ResourceUnavailable', 'permission', false, 'not_sent'],
  // SES FailedOperation.*
  ...[
    'AttachContentToolarge',
    'EmailContentToolarge',
    'FileURLNotExist',
    'IncorrectEmail',
    'IncorrectSender',
    'InvalidAttachName',
    'InvalidLimit',
    'InvalidTemplateID',
    'MissingEmailContent',
    'NotSupportDate',
    'TemplateContentToolarge',
    'TooManyAttachments',
    'TooManyRecipients',
    'WrongContentJson',
  ].map((s) => input(`FailedOperation.${s}`)),
  ...['ExceedSendLimit', 'ExceedTemplateLimit', 'InsufficientBalance', 'InsufficientQuota']
    .map((s) => `FailedOperation.${s}`)
    .map(as('quota_exceeded')),
  ...['NoAttachPermission', 'NotAuthenticatedSender', 'WithOutPermission']
    .map((s) => `FailedOperation.${s}`)
    .map(as('permission')),
  // "Sending ran into a problem; open a support ticket": it may have gone out.
  ['FailedOperation.SendEmailErr', 'unknown', false, 'unknown'],
  ...['IllegalURL', 'ProtocolCheckErr', 'URLForbidden']
    .map((s) => `FailedOperation.${s}`)
    .map(as('rejected')),
  ...[
    'EmailAddrInBlacklist',
    'ReceiverHasUnsubscribed',
    'RejectedByRecipients',
    'UnsupportMailType',
  ]
    .map((s) => `FailedOperation.${s}`)
    .map(as('invalid_recipient')),
  // Temporary, but not cleared by an immediate retry ("Error classification").
  ['FailedOperation.FrequencyLimit', 'rate_limited', false, 'not_sent'],
  ['FailedOperation.TemporaryBlocked', 'rate_limited', false, 'not_sent'],
  // "A temporary block" for a high rejection rate: the account's sending is paused, not this
  // message refused, so it clears with time as TemporaryBlocked does.
  ['FailedOperation.HighRejectionRate', 'rate_limited', false, 'not_sent'],
  ['FailedOperation.DKIMNotApplied', 'conflict', false, 'not_sent'],
  // "The request did not take effect; retry."
  ['FailedOperation.ServiceNotAvailable', 'provider_unavailable', true, 'not_sent'],
  ['InternalError.QueryDataBaseFailed', 'provider_unavailable', true, 'unknown'],
  ...['AppIdIsRequired', 'InvalidEndTimeFormat', 'InvalidStartTimeFormat'].map((s) =>
    input(`InvalidParameter.${s}`),
  ),
  // SES InvalidParameterValue.*
  ...[
    'AttachContentIsWrong',
    'BeginTimeBeforeNow',
    'EmailAddressIsNULL',
    'EmailContentIsWrong',
    'IllegalEmailAddress',
    'IllegalSenderName',
    'InValidTemplateData',
    'InvalidEmailIdentity',
    'InvalidSmtpPassWord',
    'ReceiverDescIllegal',
    'ReceiverNameIllegal',
    'SubjectLengthError',
    'TemplateContentIsNULL',
    'TemplateContentIsWrong',
    'TemplateDataError',
    'TemplateDataInconsistent',
    'TemplateDataLenLimit',
    'TemplateNameIllegal',
    'TemplateNameIsNULL',
    'TemplateNotMatchData',
    'WrongDate',
  ].map((s) => input(`InvalidParameterValue.${s}`)),
  ...['CreatedByOther', 'RepeatCreation', 'RepeatEmailAddress', 'RepeatReceiverName']
    .map((s) => `InvalidParameterValue.${s}`)
    .map(as('conflict')),
  ...['NoSuchSender', 'NotExistDomain', 'TemplateNotExist']
    .map((s) => `InvalidParameterValue.${s}`)
    .map(as('not_found')),
  ['InvalidParameterValue.ReceiverEmailInvalid', 'invalid_recipient', false, 'not_sent'],
  // SES LimitExceeded.*, MissingParameter.*, OperationDenied.*
  ['LimitExceeded.ExceedReceiverLimit', 'quota_exceeded', false, 'not_sent'],
  ['LimitExceeded.ReceiverDetailCountLimit', 'quota_exceeded', false, 'not_sent'],
  input('LimitExceeded.ReceiverDetailRequestLimit'),
  ...[
    'CycleParamNecessary',
    'EmailsNecessary',
    'ReceiverIdNecessary',
    'SendParamNecessary',
    'TimedParamNecessary',
  ].map((s) => input(`MissingParameter.${s}`)),
  ...['DomainNotVerified', 'NotAllowDelete', 'SendAddressStatusError']
    .map((s) => `OperationDenied.${s}`)
    .map(as('permission')),
  // Template missing or not approved: a resource state, as DirectMail's InvalidTemplateStatus.
  ['OperationDenied.TemplateStatusError', 'conflict', false, 'not_sent'],
  ...['ExceedDomainLimit', 'ExceedSenderLimit']
    .map((s) => `OperationDenied.${s}`)
    .map(as('quota_exceeded')),
  ...['ReceiverStatusError', 'SenderWithDomainIsNotEmpty']
    .map((s) => `OperationDenied.${s}`)
    .map(as('conflict')),
  // Refused while the group is still uploading: not executed, so a later attempt may pass.
  ['OperationDenied.ReceiverIsOperating', 'conflict', true, 'not_sent'],
  ['OperationDenied.ReceiverNotExist', 'not_found', false, 'not_sent'],
  input('OperationDenied.RepeatPassWord'),
];

describe('error table', () => {
  it.each(ROWS)('%s -> %s (retryable %s, %s)', (providerCode, code, retryable, delivery) => {
    expect(classifyTencentError(providerCode)).toEqual({ code, retryable, delivery });
  });

  it('lists exactly the documented codes (none missing, none invented)', () => {
    expect(Object.keys(TENCENT_SES_ERRORS).sort()).toEqual(ROWS.map((r) => r[0]).sort());
  });
});

describe('codes the table does not know', () => {
  it.each([
    ['RequestLimitExceeded.NewSubCode', 'rate_limited', true, 'not_sent'],
    ['AuthFailure.Something', 'auth', false, 'not_sent'],
    ['InvalidParameter.NewOne', 'invalid_input', false, 'not_sent'],
    ['InvalidParameterValue.NewOne', 'invalid_input', false, 'not_sent'],
    ['MissingParameter.NewOne', 'invalid_input', false, 'not_sent'],
    ['UnknownParameter.X', 'invalid_input', false, 'not_sent'],
    // The family says only that the operation failed: it may have acted.
    ['FailedOperation.NewFailure', 'unknown', false, 'unknown'],
    ['OperationDenied.NewDenial', 'permission', false, 'not_sent'],
    ['LimitExceeded.NewLimit', 'quota_exceeded', false, 'not_sent'],
    ['ResourceNotFound.Template', 'not_found', false, 'not_sent'],
    ['UnauthorizedOperation.CamNoAuth', 'permission', false, 'not_sent'],
    ['UnsupportedOperation.X', 'unsupported', false, 'not_sent'],
    ['InternalError.Other', 'provider_unavailable', true, 'unknown'],
    ['ServiceUnavailable.Busy', 'provider_unavailable', true, 'unknown'],
    // Nobody documented it: it may have acted, and a send is not retried.
    ['SomethingNew', 'unknown', false, 'unknown'],
    ['FailedOperationX', 'unknown', false, 'unknown'],
  ] as const)('%s -> %s', (providerCode, code, retryable, delivery) => {
    expect(classifyTencentError(providerCode)).toEqual({ code, retryable, delivery });
  });
});
