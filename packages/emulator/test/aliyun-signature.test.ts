import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authenticate, NonceStore, parseTimestamp } from '../src/aliyun/auth.js';
import { percentEncode } from '../src/aliyun/encode.js';
import { DmFailure } from '../src/aliyun/errors.js';
import { readParams } from '../src/aliyun/params.js';
import { signV1, stringToSignV1 } from '../src/aliyun/sign-v1.js';
import type { Credential, EmuRequest } from '../src/types.js';
import { HOST, isoSeconds, pe, T0, TEST_KEY, v1Request, v3Request } from './helpers/aliyun-sign.js';

interface AliyunVector {
  readonly provider: 'aliyun-dm';
  readonly method: 'GET' | 'POST';
  readonly accessKeySecret: string;
  readonly params: Record<string, string>;
  readonly signature: string;
}

const vectors = (
  JSON.parse(
    readFileSync(new URL('../../../test/vectors/signing.json', import.meta.url), 'utf8'),
  ) as { provider: string }[]
).filter((v): v is AliyunVector => v.provider === 'aliyun-dm');

/** Run the verifier; answer the key id or the DirectMail code it refused with. */
function verify(
  req: EmuRequest,
  keys: readonly Credential[],
  now: number,
  nonces = new NonceStore(),
) {
  try {
    return authenticate(req, readParams(req), { credentials: keys, authNow: () => now, nonces });
  } catch (error) {
    if (error instanceof DmFailure) return error.code;
    throw error;
  }
}

function vectorRequest(v: AliyunVector, signature = v.signature): EmuRequest {
  const text = Object.entries({ ...v.params, Signature: signature })
    .map(([k, val]) => `${pe(k)}=${pe(val)}`)
    .join('&');
  if (v.method === 'GET') {
    return {
      method: 'GET',
      url: new URL(`http://${HOST}/?${text}`),
      headers: {},
      body: Buffer.alloc(0),
    };
  }
  return {
    method: 'POST',
    url: new URL(`http://${HOST}/`),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.from(text),
  };
}

describe('percentEncode (docs/providers/aliyun-dm.md "Signatures" step 3)', () => {
  it.each([
    ['abcXYZ019', 'abcXYZ019'],
    ['-_.~', '-_.~'],
    [' ', '%20'],
    ['*', '%2A'],
    ['+', '%2B'],
    ['/', '%2F'],
    ["!'()", '%21%27%28%29'],
    ['=&%', '%3D%26%25'],
    ['测', '%E6%B5%8B'],
    ['😀', '%F0%9F%98%80'],
    ['é\n', '%C3%A9%0A'],
    ['', ''],
  ])('%j -> %s', (input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });
});

describe('signature v1', () => {
  it('reproduces the published Alibaba example (secret testsecret)', () => {
    const params = new Map(
      Object.entries({
        AccessKeyId: 'testid',
        Action: 'DescribeRegions',
        Format: 'XML',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
        SignatureVersion: '1.0',
        Timestamp: '2016-02-23T12:46:24Z',
        Version: '2014-05-26',
      }),
    );
    expect(signV1(stringToSignV1('GET', params), 'testsecret')).toBe(
      'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
    );
  });

  it('accepts the published example through the verifier', () => {
    const req = vectorRequest({
      provider: 'aliyun-dm',
      method: 'GET',
      accessKeySecret: 'testsecret',
      params: {
        AccessKeyId: 'testid',
        Action: 'DescribeRegions',
        Format: 'XML',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
        SignatureVersion: '1.0',
        Timestamp: '2016-02-23T12:46:24Z',
        Version: '2014-05-26',
      },
      signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
    });
    const key = { id: 'testid', secret: 'testsecret' };
    expect(verify(req, [key], Date.UTC(2016, 1, 23, 12, 50))).toBe('testid');
  });

  it('has DirectMail vectors to check', () => {
    expect(vectors.length).toBeGreaterThan(10);
  });

  it.each(vectors.map((v, i) => [i, v] as const))('accepts signing vector %i', (_, v) => {
    const key = { id: v.params['AccessKeyId'] ?? '', secret: v.accessKeySecret };
    const now = Date.parse(v.params['Timestamp'] ?? '');
    expect(verify(vectorRequest(v), [key], now)).toBe(key.id);
    // The same vector with its signature altered is refused.
    const altered =
      `A${v.signature.slice(1)}` === v.signature
        ? `B${v.signature.slice(1)}`
        : `A${v.signature.slice(1)}`;
    expect(verify(vectorRequest(v, altered), [key], now)).toBe('SignatureDoesNotMatch');
  });

  it('verifies GET, POST-in-body and POST split between query and body', () => {
    const params = { AccountName: 'a@b.com', HtmlBody: "(x) *y* ~z~ 1+1 100% 'q'!" };
    for (const req of [
      v1Request({ action: 'SingleSendMail', method: 'GET', params }),
      v1Request({ action: 'SingleSendMail', method: 'POST', params }),
      v1Request({ action: 'SingleSendMail', method: 'POST', params, split: true }),
    ]) {
      expect(verify(req, [TEST_KEY], T0)).toBe(TEST_KEY.id);
    }
  });

  it('refuses a request signed as GET but sent as POST', () => {
    const req = v1Request({ action: 'DescAccountSummary', method: 'GET' });
    expect(verify({ ...req, method: 'POST' }, [TEST_KEY], T0)).toBe('SignatureDoesNotMatch');
  });

  it('puts the server string to sign in the SignatureDoesNotMatch message, token masked', () => {
    const key = { ...TEST_KEY, token: 'sts-token-secret' };
    const req = v1Request({
      action: 'DescAccountSummary',
      key,
      token: key.token,
      after: { Signature: 'bad' },
    });
    try {
      authenticate(req, readParams(req), {
        credentials: [key],
        authNow: () => T0,
        nonces: new NonceStore(),
      });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('server string to sign is:POST&%2F&AccessKeyId');
      expect((error as Error).message).not.toContain('sts-token-secret');
    }
  });

  it.each([
    ['unknown AccessKeyId', { key: { id: 'nobody', secret: 'x' } }, 'InvalidAccessKeyId.NotFound'],
    ['wrong secret', { key: { id: TEST_KEY.id, secret: 'wrong' } }, 'SignatureDoesNotMatch'],
    ['tampered parameter', { after: { AccountName: 'evil@b.com' } }, 'SignatureDoesNotMatch'],
    ['added parameter', { after: { Extra: '1' } }, 'SignatureDoesNotMatch'],
    ['missing Signature', { after: { Signature: undefined } }, 'IncompleteSignature'],
    ['missing SignatureMethod', { after: { SignatureMethod: undefined } }, 'IncompleteSignature'],
    [
      'SignatureMethod HMAC-SHA256',
      { after: { SignatureMethod: 'HMAC-SHA256' } },
      'InvalidSignatureMethod',
    ],
    ['SignatureVersion 2.0', { after: { SignatureVersion: '2.0' } }, 'IncompleteSignature'],
    ['missing AccessKeyId', { after: { AccessKeyId: undefined } }, 'MissingAccessKeyId'],
    ['missing SignatureNonce', { after: { SignatureNonce: undefined } }, 'MissingSignatureNonce'],
    ['missing Timestamp', { after: { Timestamp: undefined } }, 'IllegalTimestamp'],
    [
      'Timestamp with milliseconds',
      { after: { Timestamp: '2025-03-01T08:00:00.000Z' } },
      'InvalidTimeStamp.Format',
    ],
    [
      'Timestamp without seconds',
      { after: { Timestamp: '2025-03-01T08:00Z' } },
      'InvalidTimeStamp.Format',
    ],
    ['Timestamp 16 minutes early', { time: T0 - 16 * 60_000 }, 'InvalidTimeStamp.Expired'],
    ['Timestamp 16 minutes late', { time: T0 + 16 * 60_000 }, 'InvalidTimeStamp.Expired'],
  ] as const)('%s -> %s', (_, options, code) => {
    const req = v1Request({
      action: 'SingleSendMail',
      params: { AccountName: 'a@b.com' },
      ...options,
    });
    expect(verify(req, [TEST_KEY], T0)).toBe(code);
  });

  it('accepts a timestamp 14 minutes off either way', () => {
    for (const skew of [-14, 14]) {
      const req = v1Request({ action: 'DescAccountSummary', time: T0 + skew * 60_000 });
      expect(verify(req, [TEST_KEY], T0)).toBe(TEST_KEY.id);
    }
  });

  it('says the server time in InvalidTimeStamp.Expired, for clock-skew diagnosis', () => {
    const req = v1Request({ action: 'DescAccountSummary', time: T0 - 3_600_000 });
    try {
      authenticate(req, readParams(req), {
        credentials: [TEST_KEY],
        authNow: () => T0,
        nonces: new NonceStore(),
      });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain(`server time is ${isoSeconds(T0)}`);
    }
  });

  it('refuses a byte-identical replay with SignatureNonceUsed, per key', () => {
    const nonces = new NonceStore();
    const other = { id: 'LTAIother', secret: 'other' };
    const first = v1Request({ action: 'DescAccountSummary', nonce: 'n-1' });
    expect(verify(first, [TEST_KEY, other], T0, nonces)).toBe(TEST_KEY.id);
    expect(verify(first, [TEST_KEY, other], T0 + 1000, nonces)).toBe('SignatureNonceUsed');
    const sameNonceOtherKey = v1Request({ action: 'DescAccountSummary', nonce: 'n-1', key: other });
    expect(verify(sameNonceOtherKey, [TEST_KEY, other], T0, nonces)).toBe(other.id);
  });

  it('remembers a nonce for as long as its timestamp is inside the 15-minute window', () => {
    const nonces = new NonceStore();
    const first = v1Request({ action: 'DescAccountSummary', nonce: 'n-early' });
    expect(verify(first, [TEST_KEY], T0, nonces)).toBe(TEST_KEY.id);
    // Other requests in between (each one prunes what has expired) do not make it forgotten.
    const later = v1Request({ action: 'DescAccountSummary', nonce: 'n-later', time: T0 + 120_000 });
    expect(verify(later, [TEST_KEY], T0 + 120_000, nonces)).toBe(TEST_KEY.id);
    expect(verify(first, [TEST_KEY], T0 + 14 * 60_000, nonces)).toBe('SignatureNonceUsed');
  });

  it('records a nonce only when the signature verified, and checks it after the signature', () => {
    const nonces = new NonceStore();
    const forged = v1Request({
      action: 'DescAccountSummary',
      nonce: 'n-2',
      after: { Signature: 'forged' },
    });
    expect(verify(forged, [TEST_KEY], T0, nonces)).toBe('SignatureDoesNotMatch');
    const genuine = v1Request({ action: 'DescAccountSummary', nonce: 'n-2' });
    expect(verify(genuine, [TEST_KEY], T0, nonces)).toBe(TEST_KEY.id);
    // A forged request reusing an accepted nonce is a signature failure, not a nonce failure.
    expect(verify(forged, [TEST_KEY], T0, nonces)).toBe('SignatureDoesNotMatch');
  });

  it('checks the SecurityToken of an STS credential', () => {
    const sts = { id: 'STS.key', secret: 's', token: 'tok' };
    const ok = v1Request({ action: 'DescAccountSummary', key: sts, token: 'tok' });
    const none = v1Request({ action: 'DescAccountSummary', key: sts });
    const wrong = v1Request({ action: 'DescAccountSummary', key: sts, token: 'other' });
    const stray = v1Request({ action: 'DescAccountSummary', token: 'tok' });
    expect(verify(ok, [sts], T0)).toBe('STS.key');
    expect(verify(none, [sts], T0)).toBe('InvalidSecurityToken.Malformed');
    expect(verify(wrong, [sts], T0)).toBe('InvalidSecurityToken.MismatchWithAccessKey');
    expect(verify(stray, [TEST_KEY], T0)).toBe('InvalidSecurityToken.MismatchWithAccessKey');
  });

  it('parses only YYYY-MM-DDThh:mm:ssZ timestamps that exist', () => {
    expect(parseTimestamp('2025-03-01T08:00:00Z')).toBe(T0);
    expect(parseTimestamp('2024-02-30T00:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2025-03-01T08:00:00+08:00')).toBeUndefined();
  });
});

describe('signature V3 (ACS3-HMAC-SHA256)', () => {
  const body = { AccountName: 'noreply@mail.example.com', HtmlBody: "<p>(hi)* ~ 'x'!</p>" };

  it('accepts a request signed as openapi-core signs', () => {
    const req = v3Request({ action: 'SingleSendMail', query: { Tag: 'a b*' }, body });
    expect(verify(req, [TEST_KEY], T0)).toBe(TEST_KEY.id);
  });

  it.each([
    ['wrong secret', { key: { id: TEST_KEY.id, secret: 'nope' } }, 'SignatureDoesNotMatch'],
    ['unknown key', { key: { id: 'nobody', secret: 'x' } }, 'InvalidAccessKeyId.NotFound'],
    ['tampered body', { tamperBody: 'AccountName=evil%40b.com' }, 'SignatureDoesNotMatch'],
    [
      'tampered signed header',
      { after: { 'x-acs-action': 'BatchSendMail' } },
      'SignatureDoesNotMatch',
    ],
    ['unsigned x-acs header', { after: { 'x-acs-extra': '1' } }, 'IncompleteSignature'],
    ['missing x-acs-date', { after: { 'x-acs-date': undefined } }, 'IllegalTimestamp'],
    [
      'bad x-acs-date',
      { after: { 'x-acs-date': '2025-03-01 08:00:00' } },
      'InvalidTimeStamp.Format',
    ],
    ['expired x-acs-date', { time: T0 - 20 * 60_000 }, 'InvalidTimeStamp.Expired'],
    ['missing nonce', { after: { 'x-acs-signature-nonce': undefined } }, 'MissingSignatureNonce'],
    [
      'other algorithm',
      { after: { authorization: 'ACS3-HMAC-SM3 Credential=x,SignedHeaders=host,Signature=00' } },
      'InvalidSignatureMethod',
    ],
    [
      'incomplete Authorization',
      { after: { authorization: 'ACS3-HMAC-SHA256 Credential=x' } },
      'IncompleteSignature',
    ],
  ] as const)('%s -> %s', (_, options, code) => {
    const req = v3Request({ action: 'SingleSendMail', body, ...options });
    expect(verify(req, [TEST_KEY], T0)).toBe(code);
  });

  it('refuses a replayed x-acs-signature-nonce', () => {
    const nonces = new NonceStore();
    const req = v3Request({ action: 'DescAccountSummary', nonce: 'v3-nonce' });
    expect(verify(req, [TEST_KEY], T0, nonces)).toBe(TEST_KEY.id);
    expect(verify(req, [TEST_KEY], T0, nonces)).toBe('SignatureNonceUsed');
  });

  it('checks x-acs-security-token for an STS credential', () => {
    const sts = { id: 'STS.v3', secret: 's3', token: 'tok3' };
    expect(
      verify(v3Request({ action: 'DescAccountSummary', key: sts, token: 'tok3' }), [sts], T0),
    ).toBe('STS.v3');
    expect(verify(v3Request({ action: 'DescAccountSummary', key: sts }), [sts], T0)).toBe(
      'InvalidSecurityToken.Malformed',
    );
  });
});
