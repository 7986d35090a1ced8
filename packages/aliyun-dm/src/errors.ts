/**
 * DirectMail error codes -> neutral errors, through one table (README, Writing an adapter). Every code in
 * the seeds (the BatchSendMail doc, the sender-address API doc, the DirectMail API reference, the DirectMail statistics API doc) and in docs/providers/aliyun-dm.md has a row; `classifyCode` adds the
 * rule for codes not in the table. Classification reads `Code` only, never the HTTP status (the
 * same code comes with 400 and 404, docs/providers/aliyun-dm.md) and never message text.
 */
import { type Delivery, MailError, type MailErrorCode } from '@mailbridge/core';
import { PROVIDER_ID } from './config.js';

/** How one provider code is reported. */
export interface ErrorClass {
  readonly code: MailErrorCode;
  readonly retryable: boolean;
  readonly delivery: Delivery;
  /** What the caller should do, added to the message (clock skew, encoding, permissions). */
  readonly hint?: string;
}

const input: ErrorClass = { code: 'invalid_input', retryable: false, delivery: 'not_sent' };
const notFound: ErrorClass = { code: 'not_found', retryable: false, delivery: 'not_sent' };
const conflict: ErrorClass = { code: 'conflict', retryable: false, delivery: 'not_sent' };
const rejected: ErrorClass = { code: 'rejected', retryable: false, delivery: 'not_sent' };
const quota: ErrorClass = { code: 'quota_exceeded', retryable: false, delivery: 'not_sent' };
const recipient: ErrorClass = { code: 'invalid_recipient', retryable: false, delivery: 'not_sent' };
const throttled: ErrorClass = { code: 'rate_limited', retryable: true, delivery: 'not_sent' };
// A server error may come after the mail was accepted: retry only by identical replay.
const unavailable: ErrorClass = {
  code: 'provider_unavailable',
  retryable: true,
  delivery: 'unknown',
};
const auth = (hint: string): ErrorClass => ({
  code: 'auth',
  retryable: false,
  delivery: 'not_sent',
  hint,
});
const permission: ErrorClass = {
  code: 'permission',
  retryable: false,
  delivery: 'not_sent',
  hint: 'the RAM user needs AliyunDirectMailFullAccess (or ReadOnlyAccess for queries)',
};
const CLOCK =
  'the local clock differs from Alibaba Cloud time by more than 15 minutes: sync it (NTP)';

/**
 * The code table (codes as docs/providers/aliyun-dm.md "Error codes" lists them), by class:
 * R -> provider_unavailable, T -> rate_limited, C -> auth/permission, K -> auth with a clock hint
 * (or a fresh-nonce retry), I -> invalid_input, Q -> rejected/quota_exceeded, P -> invalid_recipient.
 */
export const ERROR_TABLE: Readonly<Record<string, ErrorClass>> = {
  // Common and gateway errors (docs/providers/aliyun-dm.md, "Error codes").
  ServiceUnavailable: unavailable,
  InternalError: unavailable,
  Throttling: throttled,
  'Throttling.User': throttled,
  'Throttling.Api': throttled,
  SignatureDoesNotMatch: auth(
    `check the AccessKey secret; if it is right, ${CLOCK.replace('the local clock differs', 'check whether the local clock differs')}`,
  ),
  IncompleteSignature: auth('the signature parameters are missing or malformed'),
  InvalidSignatureMethod: auth('the signature method is not accepted'),
  'InvalidAccessKeyId.NotFound': auth('unknown AccessKey ID'),
  'InvalidAccessKeyId.Inactive': auth('the AccessKey is disabled'),
  'InvalidSecurityToken.Expired': auth('the STS token expired: refresh the credentials'),
  'InvalidSecurityToken.Malformed': auth('the STS token is malformed'),
  'InvalidSecurityToken.MismatchWithAccessKey': auth('the STS token belongs to another AccessKey'),
  Forbidden: permission,
  'Forbidden.RAM': permission,
  'Forbidden.RiskControl': rejected,
  'InvalidTimeStamp.Expired': auth(CLOCK),
  'InvalidTimeStamp.Format': { ...input, hint: CLOCK },
  IllegalTimestamp: { ...input, hint: CLOCK },
  // A fresh attempt is signed with a new nonce, so a collision is safe to retry. On an identical
  // replay the same code means "the first copy arrived" (see `isReplayRejection`).
  SignatureNonceUsed: { code: 'conflict', retryable: true, delivery: 'not_sent' },
  MissingParameter: input,
  InvalidParameter: input,
  'InvalidParameter.Format': input,
  'InvalidApi.NotFound': input,
  InvalidAction: input,
  NoSuchVersion: { ...input, hint: 'check the configured API version' },
  // The endpoint knows the action but does not offer it (a region without the feature, or the
  // emulator): `unsupported`, as Tencent's UnsupportedOperation, not a caller mistake.
  UnsupportedOperation: { code: 'unsupported', retryable: false, delivery: 'not_sent' },
  UnsupportedHTTPMethod: input,
  InsufficientBalance: quota,
  // DirectMail business errors (the BatchSendMail doc, the sender-address API doc, the DirectMail API reference, the DirectMail statistics API doc).
  'InvalidMailAddress.NotFound': notFound,
  // Sender address disabled or frozen: the account may not send from it, as Tencent's
  // OperationDenied.SendAddressStatusError and FailedOperation.NotAuthenticatedSender.
  'InvalidMailAddressStatus.Malformed': {
    ...permission,
    hint: 'the sender address is disabled or frozen',
  },
  'InvalidMailAddressSendType.Malformed': input,
  'InvalidMailAddressDomain.Malformed': rejected,
  'InvalidMailAddressDomainStatus.Malformed': rejected,
  'InvalidMailAddressName.Malformed': input,
  // the DirectMail API reference prints it once without the dot (7.6); both spellings map the same way.
  InvalidMailAddressNameMalformed: input,
  'InvalidMailAddressName.Duplicate': conflict,
  'InvalidMailAddressNumber.Malformed': quota,
  'InvalidNotifyUrl.Malformed': input,
  'InvalidReceiverName.Malformed': input,
  'InvalidReceiver.NotFound': notFound,
  'InvalidReceiverStatus.Malformed': conflict,
  'InvalidTemplateName.Malformed': input,
  'InvalidTemplate.NotFound': notFound,
  'InvalidTemplateStatus.Malformed': conflict,
  InvalidToAddress: recipient,
  'InvalidToAddress.Spam': recipient,
  InvalidBody: input,
  'InvalidSubject.Malformed': input,
  'InvalidFromAlias.Malformed': input,
  'InvalidReplyAddress.Malformed': input,
  'InvalidReplyAddressAlias.Malformed': input,
  // Spam content *and* frequency/quota/account-state rejections (docs/providers/aliyun-dm.md): never retried.
  'InvalidSendMail.Spam': rejected,
  'InvalidDomainPassword.Malformed': input,
  'InvalidDomainPassword.equalcurrent': input,
  'InvalidDomainName.Malformed': input,
  'InvalidDomainName.Duplicate': conflict,
  'InvalidDomainName.Conflict': conflict,
  'InvalidDomainName.DuplicateTLD': conflict,
  'InvalidDomain.NotFound': notFound,
  'InvalidDomainId.Malformed': input,
  'InvalidDomainStatus.Malformed': conflict,
  'InvalidDomainNumber.Malformed': quota,
  'CheckDomain.Failed': input,
  'InvalidDate.Malformed': input,
  'InvalidDate.NotFound': input,
  'InvalidStartTime.Malformed': input,
  'InvalidBetweenTime.Malformed': input,
  'InvalidTagName.Malformed': input,
  'InvalidYear.Malformed': input,
  EmailFormatError: input,
  EmailLengthError: input,
  'InvalidAddress.Locked': rejected,
  'InvalidAddress.NotFound': notFound,
  'InvalidAddressNumber.Malformed': quota,
  // Unconfirmed codes (third-party code only, docs/providers/aliyun-dm.md "Error codes"): the
  // first two are account state; an IP allow-list miss is a permission failure.
  InvalidUserStatus: rejected,
  'InvalidUser.NotFound': rejected,
  'InvalidIP.NotFound': {
    ...permission,
    hint: 'the caller IP is not on the IP-protection allow-list',
  },
};

/**
 * The class of any code: the table, else the rule for unknown codes, by the shape of the code
 * only: `*Throttling*` -> rate_limited (as openapi-core does); `InvalidQuota*` ->
 * quota_exceeded; `InvalidSecurityToken.*` -> auth; `Forbidden*` -> permission; `*.NotFound`
 * -> not_found; `Missing*`, `Invalid*`, `*.Malformed` -> invalid_input; anything else ->
 * `unknown`, not retried, delivery `unknown` (nothing proves it was not executed).
 */
export function classifyCode(code: string): ErrorClass {
  const row = Object.hasOwn(ERROR_TABLE, code) ? ERROR_TABLE[code] : undefined;
  if (row) return row;
  if (code.includes('Throttling')) return throttled;
  if (code.startsWith('InvalidQuota')) return quota;
  if (code.startsWith('InvalidSecurityToken.')) return auth('refresh the STS credentials');
  if (code.startsWith('Forbidden')) return permission;
  if (code.endsWith('.NotFound')) return notFound;
  if (code.startsWith('Missing') || code.startsWith('Invalid') || code.endsWith('.Malformed'))
    return input;
  return { code: 'unknown', retryable: false, delivery: 'unknown' };
}

/** The fields of a DirectMail error envelope (docs/providers/aliyun-dm.md). */
export interface ErrorEnvelope {
  readonly code: string;
  readonly message?: string;
  readonly requestId?: string;
}

/** Build the `MailError` for an error envelope. */
export function providerError(
  action: string,
  envelope: ErrorEnvelope,
  httpStatus: number,
  retryAfterHeader?: string,
): MailError {
  const cls = classifyCode(envelope.code);
  const providerMessage =
    envelope.message === undefined ? undefined : safeProviderMessage(envelope.message);
  const retryAfterMs = cls.code === 'rate_limited' ? parseRetryAfter(retryAfterHeader) : undefined;
  const detail = providerMessage ? `: ${providerMessage.slice(0, 300)}` : '';
  const hint = cls.hint ? ` (${cls.hint})` : '';
  return new MailError(`${PROVIDER_ID} ${action} failed with ${envelope.code}${detail}${hint}`, {
    code: cls.code,
    retryable: cls.retryable,
    delivery: cls.delivery,
    provider: PROVIDER_ID,
    action,
    providerCode: envelope.code,
    httpStatus,
    ...(providerMessage === undefined ? {} : { providerMessage }),
    ...(envelope.requestId === undefined ? {} : { requestId: envelope.requestId }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/**
 * The gateway's SignatureDoesNotMatch message quotes its string-to-sign, which includes every
 * signed parameter (an STS token among them): keep only the text before it.
 */
function safeProviderMessage(message: string): string {
  const cut = message.search(/string\s*to\s*sign/i);
  return cut === -1 ? message : `${message.slice(0, cut).trimEnd()} [string-to-sign omitted]`;
}

/**
 * `x-acs-retry-after` in milliseconds (openapi-core reads it so), when present and sane. A value
 * past `Number.MAX_SAFE_INTEGER` is still a wait, the longest there is: it ends the retries.
 */
function parseRetryAfter(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Math.min(Number(value.trim()), Number.MAX_SAFE_INTEGER);
}

/** A response that is not a DirectMail JSON envelope (a proxy's HTML page, a cut body). */
export function unreadableResponse(action: string, httpStatus: number): MailError {
  return new MailError(
    `${PROVIDER_ID} answered ${action} with a body that is not a DirectMail JSON response`,
    {
      code: 'provider_unavailable',
      retryable: true,
      delivery: 'unknown',
      provider: PROVIDER_ID,
      action,
      httpStatus,
    },
  );
}
