/**
 * Tencent SES error codes -> neutral `{code, retryable, delivery}`: one table with every code
 * of docs/providers/tencent-ses.md (common API 3.0 codes and SES codes), classified as its
 * "Error classification" says, plus prefix rules for codes the table does not know. Never reads message text.
 */
import type { Delivery, MailErrorCode } from '@mailbridge/core';

/** How one provider error code is reported. */
export interface ErrorClass {
  readonly code: MailErrorCode;
  readonly retryable: boolean;
  readonly delivery: Delivery;
}

const c = (
  code: MailErrorCode,
  retryable = false,
  delivery: Delivery = 'not_sent',
): ErrorClass => ({
  code,
  retryable,
  delivery,
});

const INPUT = c('invalid_input');
const AUTH = c('auth');
const PERMISSION = c('permission');
const QUOTA = c('quota_exceeded');
const REJECTED = c('rejected');
const RECIPIENT = c('invalid_recipient');
const CONFLICT = c('conflict');
const NOT_FOUND = c('not_found');
/** Throttling: rejected before execution (the Go SDK retries only these), docs/providers/tencent-ses.md "Error classification". */
const THROTTLED = c('rate_limited', true);
/** The server failed while handling it: it may have acted (docs/providers/tencent-ses.md "Error classification"). */
const SERVER = c('provider_unavailable', true, 'unknown');
/** Temporary, but an immediate retry does not clear it (minutes to an hour), docs/providers/tencent-ses.md "Error classification". */
const BLOCKED = c('rate_limited');

/** docs/providers/tencent-ses.md: codes every Tencent Cloud API 3.0 service returns. */
const COMMON: Readonly<Record<string, ErrorClass>> = {
  'AuthFailure.InvalidAuthorization': AUTH,
  'AuthFailure.InvalidSecretId': AUTH,
  'AuthFailure.SecretIdNotFound': AUTH,
  'AuthFailure.SignatureFailure': AUTH,
  // Clock skew: not executed. Not retried, as DirectMail's InvalidTimeStamp.Expired: an
  // immediate re-sign reads the same skewed clock, so retries only spend the budget.
  'AuthFailure.SignatureExpire': AUTH,
  'AuthFailure.TokenFailure': AUTH,
  'AuthFailure.MFAFailure': AUTH,
  'AuthFailure.UnauthorizedOperation': PERMISSION,
  UnauthorizedOperation: PERMISSION,
  ActionOffline: c('unsupported'),
  InvalidAction: c('unsupported'),
  NoSuchProduct: c('unsupported'),
  NoSuchVersion: c('unsupported'),
  InvalidParameter: INPUT,
  InvalidParameterValue: INPUT,
  MissingParameter: INPUT,
  UnknownParameter: INPUT,
  InvalidRequest: INPUT,
  RequestSizeLimitExceeded: INPUT,
  UnsupportedProtocol: INPUT,
  UnsupportedRegion: INPUT,
  RequestLimitExceeded: THROTTLED,
  'RequestLimitExceeded.IPLimitExceeded': THROTTLED,
  'RequestLimitExceeded.UinLimitExceeded': THROTTLED,
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': THROTTLED,
  LimitExceeded: QUOTA,
  IpInBlacklist: PERMISSION,
  IpNotInWhitelist: PERMISSION,
  InternalError: SERVER,
  ServiceUnavailable: SERVER,
  // Undocumented failure of the operation: it may have acted (the rule for unknown codes).
  FailedOperation: c('unknown', false, 'unknown'),
  ResourceInUse: CONFLICT,
  ResourceInsufficient: QUOTA,
  ResourceNotFound: NOT_FOUND,
  ResourceUnavailable: PERMISSION,
  ResponseSizeLimitExceeded: INPUT,
  // "A DryRun would have succeeded": certainly not executed; the mailer never asks for DryRun.
  DryRunOperation: INPUT,
  // Bare OperationDenied (SendEmail's list on https://cloud.tencent.com/document/api/1288/51034): refused before execution.
  OperationDenied: PERMISSION,
  UnsupportedOperation: c('unsupported'),
};

/** docs/providers/tencent-ses.md FailedOperation.*. */
const FAILED_OPERATION: Readonly<Record<string, ErrorClass>> = {
  'FailedOperation.AttachContentToolarge': INPUT,
  'FailedOperation.DKIMNotApplied': CONFLICT,
  'FailedOperation.EmailAddrInBlacklist': RECIPIENT,
  'FailedOperation.EmailContentToolarge': INPUT,
  'FailedOperation.ExceedSendLimit': QUOTA,
  'FailedOperation.ExceedTemplateLimit': QUOTA,
  'FailedOperation.FileURLNotExist': INPUT,
  'FailedOperation.FrequencyLimit': BLOCKED,
  // "A temporary block" (docs/providers/tencent-ses.md "Error classification"): the account is
  // paused, not this message refused.
  'FailedOperation.HighRejectionRate': BLOCKED,
  'FailedOperation.IllegalURL': REJECTED,
  'FailedOperation.IncorrectEmail': INPUT,
  'FailedOperation.IncorrectSender': INPUT,
  'FailedOperation.InsufficientBalance': QUOTA,
  'FailedOperation.InsufficientQuota': QUOTA,
  'FailedOperation.InvalidAttachName': INPUT,
  'FailedOperation.InvalidLimit': INPUT,
  'FailedOperation.InvalidTemplateID': INPUT,
  'FailedOperation.MissingEmailContent': INPUT,
  'FailedOperation.NoAttachPermission': PERMISSION,
  'FailedOperation.NotAuthenticatedSender': PERMISSION,
  'FailedOperation.NotSupportDate': INPUT,
  'FailedOperation.ProtocolCheckErr': REJECTED,
  'FailedOperation.ReceiverHasUnsubscribed': RECIPIENT,
  'FailedOperation.RejectedByRecipients': RECIPIENT,
  // "Sending ran into a problem; open a support ticket": it may have gone out.
  'FailedOperation.SendEmailErr': c('unknown', false, 'unknown'),
  // "The request did not take effect; retry" (doc): certainly not executed.
  'FailedOperation.ServiceNotAvailable': c('provider_unavailable', true),
  'FailedOperation.TemplateContentToolarge': INPUT,
  'FailedOperation.TemporaryBlocked': BLOCKED,
  'FailedOperation.TooManyAttachments': INPUT,
  'FailedOperation.TooManyRecipients': INPUT,
  'FailedOperation.URLForbidden': REJECTED,
  'FailedOperation.UnsupportMailType': RECIPIENT,
  'FailedOperation.WithOutPermission': PERMISSION,
  'FailedOperation.WrongContentJson': INPUT,
};

/** docs/providers/tencent-ses.md InvalidParameter*, InvalidParameterValue.*, InternalError.*. */
const PARAMETERS: Readonly<Record<string, ErrorClass>> = {
  'InternalError.QueryDataBaseFailed': SERVER,
  'InvalidParameter.AppIdIsRequired': INPUT,
  'InvalidParameter.InvalidEndTimeFormat': INPUT,
  'InvalidParameter.InvalidStartTimeFormat': INPUT,
  'InvalidParameterValue.AttachContentIsWrong': INPUT,
  'InvalidParameterValue.BeginTimeBeforeNow': INPUT,
  'InvalidParameterValue.CreatedByOther': CONFLICT,
  'InvalidParameterValue.EmailAddressIsNULL': INPUT,
  'InvalidParameterValue.EmailContentIsWrong': INPUT,
  'InvalidParameterValue.IllegalEmailAddress': INPUT,
  'InvalidParameterValue.IllegalSenderName': INPUT,
  'InvalidParameterValue.InValidTemplateData': INPUT,
  'InvalidParameterValue.InvalidEmailIdentity': INPUT,
  'InvalidParameterValue.InvalidSmtpPassWord': INPUT,
  'InvalidParameterValue.NoSuchSender': NOT_FOUND,
  'InvalidParameterValue.NotExistDomain': NOT_FOUND,
  'InvalidParameterValue.ReceiverDescIllegal': INPUT,
  'InvalidParameterValue.ReceiverEmailInvalid': RECIPIENT,
  'InvalidParameterValue.ReceiverNameIllegal': INPUT,
  'InvalidParameterValue.RepeatCreation': CONFLICT,
  'InvalidParameterValue.RepeatEmailAddress': CONFLICT,
  'InvalidParameterValue.RepeatReceiverName': CONFLICT,
  'InvalidParameterValue.SubjectLengthError': INPUT,
  'InvalidParameterValue.TemplateContentIsNULL': INPUT,
  'InvalidParameterValue.TemplateContentIsWrong': INPUT,
  'InvalidParameterValue.TemplateDataError': INPUT,
  'InvalidParameterValue.TemplateDataInconsistent': INPUT,
  'InvalidParameterValue.TemplateDataLenLimit': INPUT,
  'InvalidParameterValue.TemplateNameIllegal': INPUT,
  'InvalidParameterValue.TemplateNameIsNULL': INPUT,
  'InvalidParameterValue.TemplateNotExist': NOT_FOUND,
  'InvalidParameterValue.TemplateNotMatchData': INPUT,
  'InvalidParameterValue.WrongDate': INPUT,
};

/** docs/providers/tencent-ses.md LimitExceeded.*, MissingParameter.*, OperationDenied.*. */
const STATE: Readonly<Record<string, ErrorClass>> = {
  'LimitExceeded.ExceedReceiverLimit': QUOTA,
  // The group would exceed 50,000 addresses (docs/providers/tencent-ses.md "Groups, limits, errors").
  'LimitExceeded.ReceiverDetailCountLimit': QUOTA,
  'LimitExceeded.ReceiverDetailRequestLimit': INPUT,
  'MissingParameter.CycleParamNecessary': INPUT,
  'MissingParameter.EmailsNecessary': INPUT,
  'MissingParameter.ReceiverIdNecessary': INPUT,
  'MissingParameter.SendParamNecessary': INPUT,
  'MissingParameter.TimedParamNecessary': INPUT,
  'OperationDenied.DomainNotVerified': PERMISSION,
  'OperationDenied.ExceedDomainLimit': QUOTA,
  'OperationDenied.ExceedSenderLimit': QUOTA,
  'OperationDenied.NotAllowDelete': PERMISSION,
  // Refused, not executed, while the group's previous upload is processed ("try again later"):
  // the core backs off and tries again, so a chunked upload survives SES's asynchronous ingest.
  'OperationDenied.ReceiverIsOperating': c('conflict', true),
  'OperationDenied.ReceiverNotExist': NOT_FOUND,
  'OperationDenied.ReceiverStatusError': CONFLICT,
  'OperationDenied.RepeatPassWord': INPUT,
  'OperationDenied.SendAddressStatusError': PERMISSION,
  'OperationDenied.SenderWithDomainIsNotEmpty': CONFLICT,
  // Template missing or not approved: a resource state, as DirectMail's InvalidTemplateStatus.
  'OperationDenied.TemplateStatusError': CONFLICT,
};

/** Every documented code and its classification. */
export const TENCENT_SES_ERRORS: Readonly<Record<string, ErrorClass>> = {
  ...COMMON,
  ...FAILED_OPERATION,
  ...PARAMETERS,
  ...STATE,
};

/**
 * Codes the table does not know, by prefix, most specific first. A sub-code inherits what its
 * family means (`RequestLimitExceeded.X` is throttling, `AuthFailure.X` bad credentials).
 */
export const PREFIX_RULES: readonly (readonly [prefix: string, ErrorClass])[] = [
  ['RequestLimitExceeded', THROTTLED],
  ['AuthFailure.', AUTH],
  ['UnauthorizedOperation', PERMISSION],
  ['InvalidParameter', INPUT],
  ['MissingParameter', INPUT],
  ['UnknownParameter', INPUT],
  ['LimitExceeded', QUOTA],
  ['OperationDenied.', PERMISSION],
  ['ResourceNotFound', NOT_FOUND],
  ['ResourceInUse', CONFLICT],
  ['ResourceInsufficient', QUOTA],
  ['ResourceUnavailable', PERMISSION],
  ['UnsupportedOperation', c('unsupported')],
  ['InternalError', SERVER],
  ['ServiceUnavailable', SERVER],
];

/**
 * A code nobody documented (an undocumented `FailedOperation.*` included: the family says only
 * that the operation failed, not where): we cannot tell whether the request acted, so it is
 * `unknown` and not retried (a send must not be duplicated).
 */
export const UNKNOWN_CODE: ErrorClass = c('unknown', false, 'unknown');

/** Classify a Tencent error code: the table, else the first matching prefix, else unknown. */
export function classifyTencentError(code: string): ErrorClass {
  // Own keys only: a code such as `constructor` or `__proto__` must not match Object.prototype.
  const known = Object.hasOwn(TENCENT_SES_ERRORS, code) ? TENCENT_SES_ERRORS[code] : undefined;
  if (known) return known;
  for (const [prefix, value] of PREFIX_RULES) if (code.startsWith(prefix)) return value;
  return UNKNOWN_CODE;
}

/** Plain-language explanations added to the error message of codes that need one. */
export const ERROR_HINTS: Readonly<Record<string, string>> = {
  'AuthFailure.SignatureExpire':
    "clock skew: the request timestamp is more than 5 minutes from the server clock; check this machine's clock",
  'LimitExceeded.ReceiverDetailCountLimit': 'a recipient group holds at most 50,000 addresses',
  'LimitExceeded.ReceiverDetailRequestLimit': 'at most 20,000 addresses per upload call',
  'FailedOperation.WithOutPermission':
    'this account may only send templates; raw html/text needs the Simple permission (allowRawContent)',
  'FailedOperation.ServiceNotAvailable': 'the request did not take effect; it is safe to retry',
  'OperationDenied.ReceiverIsOperating':
    'the group is still processing an earlier upload; allow more retries or wait for ReceiversStatus 3',
  'OperationDenied.ReceiverStatusError': 'the group is empty or its upload has not finished',
};
