import { describe, expect, it } from 'vitest';
import { classifyCode, ERROR_TABLE, providerError } from '../src/errors.js';

// Written out independently of ERROR_TABLE: [code, neutral code, retryable, delivery].
const EXPECTED: [string, string, boolean, 'not_sent' | 'unknown'][] = [
  ['ServiceUnavailable', 'provider_unavailable', true, 'unknown'],
  ['InternalError', 'provider_unavailable', true, 'unknown'],
  ['Throttling', 'rate_limited', true, 'not_sent'],
  ['Throttling.User', 'rate_limited', true, 'not_sent'],
  ['Throttling.Api', 'rate_limited', true, 'not_sent'],
  ['SignatureDoesNotMatch', 'auth', false, 'not_sent'],
  ['IncompleteSignature', 'auth', false, 'not_sent'],
  ['InvalidSignatureMethod', 'auth', false, 'not_sent'],
  ['InvalidAccessKeyId.NotFound', 'auth', false, 'not_sent'],
  ['InvalidAccessKeyId.Inactive', 'auth', false, 'not_sent'],
  ['InvalidSecurityToken.Expired', 'auth', false, 'not_sent'],
  ['InvalidSecurityToken.Malformed', 'auth', false, 'not_sent'],
  ['InvalidSecurityToken.MismatchWithAccessKey', 'auth', false, 'not_sent'],
  ['Forbidden', 'permission', false, 'not_sent'],
  ['Forbidden.RAM', 'permission', false, 'not_sent'],
  ['Forbidden.RiskControl', 'rejected', false, 'not_sent'],
  ['InvalidTimeStamp.Expired', 'auth', false, 'not_sent'],
  ['InvalidTimeStamp.Format', 'invalid_input', false, 'not_sent'],
  ['IllegalTimestamp', 'invalid_input', false, 'not_sent'],
  ['SignatureNonceUsed', 'conflict', true, 'not_sent'],
  ['MissingParameter', 'invalid_input', false, 'not_sent'],
  ['InvalidParameter', 'invalid_input', false, 'not_sent'],
  ['InvalidParameter.Format', 'invalid_input', false, 'not_sent'],
  ['InvalidApi.NotFound', 'invalid_input', false, 'not_sent'],
  ['InvalidAction', 'invalid_input', false, 'not_sent'],
  ['NoSuchVersion', 'invalid_input', false, 'not_sent'],
  ['UnsupportedOperation', 'unsupported', false, 'not_sent'],
  ['UnsupportedHTTPMethod', 'invalid_input', false, 'not_sent'],
  ['InsufficientBalance', 'quota_exceeded', false, 'not_sent'],
  ['InvalidMailAddress.NotFound', 'not_found', false, 'not_sent'],
  ['InvalidMailAddressStatus.Malformed', 'permission', false, 'not_sent'],
  ['InvalidMailAddressSendType.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidMailAddressDomain.Malformed', 'rejected', false, 'not_sent'],
  ['InvalidMailAddressDomainStatus.Malformed', 'rejected', false, 'not_sent'],
  ['InvalidMailAddressName.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidMailAddressNameMalformed', 'invalid_input', false, 'not_sent'],
  ['InvalidMailAddressName.Duplicate', 'conflict', false, 'not_sent'],
  ['InvalidMailAddressNumber.Malformed', 'quota_exceeded', false, 'not_sent'],
  ['InvalidNotifyUrl.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidReceiverName.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidReceiver.NotFound', 'not_found', false, 'not_sent'],
  ['InvalidReceiverStatus.Malformed', 'conflict', false, 'not_sent'],
  ['InvalidTemplateName.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidTemplate.NotFound', 'not_found', false, 'not_sent'],
  ['InvalidTemplateStatus.Malformed', 'conflict', false, 'not_sent'],
  ['InvalidToAddress', 'invalid_recipient', false, 'not_sent'],
  ['InvalidToAddress.Spam', 'invalid_recipient', false, 'not_sent'],
  ['InvalidBody', 'invalid_input', false, 'not_sent'],
  ['InvalidSubject.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidFromAlias.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidReplyAddress.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidReplyAddressAlias.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidSendMail.Spam', 'rejected', false, 'not_sent'],
  ['InvalidDomainPassword.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidDomainPassword.equalcurrent', 'invalid_input', false, 'not_sent'],
  ['InvalidDomainName.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidDomainName.Duplicate', 'conflict', false, 'not_sent'],
  ['InvalidDomainName.Conflict', 'conflict', false, 'not_sent'],
  ['InvalidDomainName.DuplicateTLD', 'conflict', false, 'not_sent'],
  ['InvalidDomain.NotFound', 'not_found', false, 'not_sent'],
  ['InvalidDomainId.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidDomainStatus.Malformed', 'conflict', false, 'not_sent'],
  ['InvalidDomainNumber.Malformed', 'quota_exceeded', false, 'not_sent'],
  ['CheckDomain.Failed', 'invalid_input', false, 'not_sent'],
  ['InvalidDate.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidDate.NotFound', 'invalid_input', false, 'not_sent'],
  ['InvalidStartTime.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidBetweenTime.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidTagName.Malformed', 'invalid_input', false, 'not_sent'],
  ['InvalidYear.Malformed', 'invalid_input', false, 'not_sent'],
  ['EmailFormatError', 'invalid_input', false, 'not_sent'],
  ['EmailLengthError', 'invalid_input', false, 'not_sent'],
  ['InvalidAddress.Locked', 'rejected', false, 'not_sent'],
  ['InvalidAddress.NotFound', 'not_found', false, 'not_sent'],
  ['InvalidAddressNumber.Malformed', 'quota_exceeded', false, 'not_sent'],
  ['InvalidUserStatus', 'rejected', false, 'not_sent'],
  ['InvalidUser.NotFound', 'rejected', false, 'not_sent'],
  ['InvalidIP.NotFound', 'permission', false, 'not_sent'],
];

describe('error table, row by row', () => {
  it.each(EXPECTED)('%s -> %s (retryable %s, %s)', (code, neutral, retryable, delivery) => {
    expect(classifyCode(code)).toMatchObject({ code: neutral, retryable, delivery });
  });

  it('has a row for every expected code and no row left untested', () => {
    expect(Object.keys(ERROR_TABLE).sort()).toEqual(EXPECTED.map(([code]) => code).sort());
  });
});

describe('rule for unknown codes (by the code, never status or text)', () => {
  it.each([
    ['Throttling.Tenant', 'rate_limited', true, 'not_sent'],
    ['Something.Throttling', 'rate_limited', true, 'not_sent'],
    ['InvalidQuota.Daily', 'quota_exceeded', false, 'not_sent'],
    ['InvalidSecurityToken.Other', 'auth', false, 'not_sent'],
    ['Forbidden.Other', 'permission', false, 'not_sent'],
    ['InvalidThing.NotFound', 'not_found', false, 'not_sent'],
    ['MissingToAddress', 'invalid_input', false, 'not_sent'],
    ['InvalidWhatever', 'invalid_input', false, 'not_sent'],
    ['Foo.Malformed', 'invalid_input', false, 'not_sent'],
    ['SomethingNew', 'unknown', false, 'unknown'],
    ['toString', 'unknown', false, 'unknown'],
  ] as const)('%s -> %s', (code, neutral, retryable, delivery) => {
    expect(classifyCode(code)).toMatchObject({ code: neutral, retryable, delivery });
  });
});

describe('providerError', () => {
  it('keeps code, status, request id and message; classifies by Code whatever the status', () => {
    for (const status of [400, 404, 500]) {
      const error = providerError(
        'SingleSendMail',
        {
          code: 'InvalidMailAddress.NotFound',
          message: 'The specified mailAddress does not exist.',
          requestId: 'R-1',
        },
        status,
      );
      expect(error).toMatchObject({
        code: 'not_found',
        provider: 'aliyun-dm',
        action: 'SingleSendMail',
        providerCode: 'InvalidMailAddress.NotFound',
        providerMessage: 'The specified mailAddress does not exist.',
        requestId: 'R-1',
        httpStatus: status,
      });
    }
  });

  it('honours x-acs-retry-after (ms) on throttling only', () => {
    expect(
      providerError('SingleSendMail', { code: 'Throttling.User' }, 400, '1500').retryAfterMs,
    ).toBe(1500);
    expect(
      providerError('SingleSendMail', { code: 'Throttling.User' }, 400).retryAfterMs,
    ).toBeUndefined();
    expect(
      providerError('SingleSendMail', { code: 'Throttling.User' }, 400, 'soon').retryAfterMs,
    ).toBeUndefined();
    expect(
      providerError('SingleSendMail', { code: 'InvalidBody' }, 400, '1500').retryAfterMs,
    ).toBeUndefined();
  });

  it('says clock skew for timestamp errors', () => {
    const error = providerError(
      'SingleSendMail',
      {
        code: 'InvalidTimeStamp.Expired',
        message: 'Specified time stamp or date value is expired.',
      },
      400,
    );
    expect(error.message).toMatch(/clock/);
    expect(error.message).toMatch(/15 minutes/);
  });

  it('drops the quoted string-to-sign (it holds every signed parameter, STS token included)', () => {
    const error = providerError(
      'SingleSendMail',
      {
        code: 'SignatureDoesNotMatch',
        message:
          'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&SecurityToken%3Dsecret-token',
      },
      400,
    );
    expect(error.message).not.toContain('secret-token');
    expect(JSON.stringify(error)).not.toContain('secret-token');
    expect(error.message).toMatch(/secret|clock/);
  });

  it('InvalidSendMail.Spam is rejected, never retried', () => {
    expect(providerError('SingleSendMail', { code: 'InvalidSendMail.Spam' }, 400)).toMatchObject({
      code: 'rejected',
      retryable: false,
      delivery: 'not_sent',
    });
  });
});
