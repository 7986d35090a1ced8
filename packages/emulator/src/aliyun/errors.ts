/**
 * DirectMail error codes the emulator answers, with their HTTP status and default message.
 * Statuses follow docs/providers/aliyun-dm.md "Error codes" (the gateway tables and the manuals'
 * per-action tables); where the sources disagree the choice is noted on the row.
 */

interface CodeInfo {
  readonly status: number;
  readonly message: string;
}

const CATALOG: Readonly<Record<string, CodeInfo>> = {
  // Gateway and signature errors (docs/providers/aliyun-dm.md "Error codes", gateway table).
  IncompleteSignature: {
    status: 400,
    message: 'The request signature does not conform to Aliyun standards.',
  },
  InvalidSignatureMethod: { status: 400, message: 'Specified signature method is not valid.' },
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  SignatureDoesNotMatch: {
    status: 400,
    message: 'Specified signature is not matched with our calculation.',
  },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  'InvalidTimeStamp.Expired': {
    status: 400,
    message: 'Specified time stamp or date value is expired.',
  },
  'InvalidTimeStamp.Format': {
    status: 400,
    message: 'Specified time stamp or date value is not well formatted.',
  },
  IllegalTimestamp: {
    status: 400,
    message:
      'The input parameter "Timestamp" that is mandatory for processing this request is not supplied.',
  },
  'InvalidSecurityToken.Malformed': {
    status: 400,
    message: 'Specified SecurityToken is malformed.',
  },
  'InvalidSecurityToken.MismatchWithAccessKey': {
    status: 400,
    message: 'Specified SecurityToken mismatch with the AccessKey.',
  },
  MissingParameter: { status: 400, message: 'A required parameter is not supplied.' },
  InvalidParameter: { status: 400, message: 'A parameter is not valid.' },
  'InvalidParameter.Format': {
    status: 400,
    message: 'Specified parameter Format is not valid; use JSON or XML.',
  },
  'InvalidApi.NotFound': {
    status: 404,
    message: 'Specified api is not found, please check your url and method.',
  },
  UnsupportedOperation: { status: 400, message: 'The specified action is not supported.' },
  UnsupportedHTTPMethod: { status: 400, message: 'This http method is not supported.' },
  NoSuchVersion: { status: 400, message: 'Specified parameter Version is not valid.' },
  Throttling: { status: 400, message: 'Request was denied due to request throttling.' },
  'Throttling.User': { status: 400, message: 'Request was denied due to user flow control.' },
  'Forbidden.RAM': {
    status: 403,
    message: 'User not authorized to operate on the specified resource.',
  },
  ServiceUnavailable: {
    status: 503,
    message: 'The request has failed due to a temporary failure of the server.',
  },
  InternalError: {
    status: 500,
    message: 'The request processing has failed due to some unknown error.',
  },
  // Business errors (docs/providers/aliyun-dm.md "Error codes"). NotFound codes are 404 as in the
  // 2019 manual; the BatchSendMail manual says 400.
  'InvalidMailAddress.NotFound': {
    status: 404,
    message: 'The specified mailAddress does not exist.',
  },
  'InvalidMailAddressStatus.Malformed': {
    status: 400,
    message: 'The specified mailAddress status is wrongly formed.',
  },
  'InvalidMailAddressSendType.Malformed': {
    status: 400,
    message: 'The specified mailAddress sendType is wrongly formed.',
  },
  'InvalidMailAddressDomain.Malformed': {
    status: 400,
    message: 'The specified mailAddress domain does not exist.',
  },
  'InvalidMailAddressName.Malformed': {
    status: 400,
    message: 'The specified MailAddress name is wrongly formed.',
  },
  'InvalidReceiverName.Malformed': {
    status: 400,
    message: 'The specified receiver name is wrongly formed.',
  },
  'InvalidReceiver.NotFound': { status: 404, message: 'The specified receiver does not exist.' },
  'InvalidReceiverStatus.Malformed': {
    status: 400,
    message: 'The specified receivers status is wrongly formed.',
  },
  'InvalidTemplateName.Malformed': {
    status: 400,
    message: 'The specified template name is wrongly formed.',
  },
  'InvalidTemplate.NotFound': { status: 404, message: 'The specified template does not exist.' },
  'InvalidTemplateStatus.Malformed': {
    status: 400,
    message: 'The specified template status is wrongly formed.',
  },
  InvalidToAddress: { status: 400, message: 'The specified toAddress is wrongly formed.' },
  'InvalidToAddress.Spam': { status: 400, message: 'Sendmail rejected by invalid address.' },
  InvalidBody: { status: 400, message: 'The specified textBody or htmlBody is wrongly formed.' },
  'InvalidSubject.Malformed': { status: 400, message: 'The specified subject is wrongly formed.' },
  'InvalidFromAlias.Malformed': {
    status: 400,
    message: 'The specified fromAlias is wrongly formed.',
  },
  'InvalidReplyAddress.Malformed': {
    status: 400,
    message: 'The specified replyAddress is wrongly formed.',
  },
  'InvalidReplyAddressAlias.Malformed': {
    status: 400,
    message: 'The specified replyAddressAlias is wrongly formed.',
  },
  'InvalidSendMail.Spam': { status: 400, message: 'Sendmail rejected by spam filter.' },
  'InvalidTagName.Malformed': { status: 400, message: 'The specified tag name is wrongly formed.' },
  'InvalidDate.Malformed': { status: 400, message: 'The specified date is wrongly formed.' },
  'InvalidDate.NotFound': { status: 400, message: 'The specified date is empty.' },
  'InvalidStartTime.Malformed': {
    status: 400,
    message: 'The specified start time is wrongly formed.',
  },
  'InvalidBetweenTime.Malformed': {
    status: 400,
    message: 'The specified time span is out of range.',
  },
  'InvalidYear.Malformed': { status: 400, message: 'The specified year is invalid.' },
};

/** The documented HTTP status of a code; 400 for codes outside the table. */
export function statusOf(code: string): number {
  return CATALOG[code]?.status ?? 400;
}

/** The default message of a code; a generic text for codes outside the table. */
export function messageOf(code: string): string {
  return CATALOG[code]?.message ?? `Request failed with ${code}.`;
}

/**
 * A DirectMail error raised while handling a request. `handle` catches it and answers it in the
 * DirectMail envelope; it never escapes the module.
 */
export class DmFailure extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, message?: string, status?: number) {
    super(message ?? messageOf(code));
    this.name = 'DmFailure';
    this.code = code;
    this.status = status ?? statusOf(code);
  }
}

/** Throw a DirectMail error; `detail` is appended to the documented message. */
export function fail(code: string, detail?: string): never {
  throw new DmFailure(code, detail === undefined ? undefined : `${messageOf(code)} ${detail}`);
}

/**
 * `Missing{Name}`: the gateway's answer for an absent required parameter
 * (docs/providers/aliyun-dm.md "Error codes").
 */
export function missing(name: string): never {
  throw new DmFailure(`Missing${name}`, `${name} is mandatory for this action.`, 400);
}

/** `InvalidParameter` naming the parameter and why (docs/providers/aliyun-dm.md "Error codes"). */
export function invalid(name: string, why: string): never {
  throw new DmFailure('InvalidParameter', `Specified parameter ${name} is not valid: ${why}`);
}
