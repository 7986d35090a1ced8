import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTimestamp, rpcSignature, signerV1, signerV3, v3Signature } from '../src/signer.js';

interface DmVector {
  provider: string;
  method: string;
  accessKeySecret: string;
  params: Record<string, string>;
  signature: string;
}

const vectors = (
  JSON.parse(
    readFileSync(new URL('../../../test/vectors/signing.json', import.meta.url), 'utf8'),
  ) as DmVector[]
).filter((v) => v.provider === 'aliyun-dm');

describe('RPC v1 signature', () => {
  it('has the DirectMail vectors', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(20);
  });

  it.each(vectors.map((v, i) => [i, v] as const))('vector %i', (_i, v) => {
    expect(rpcSignature(v.method, v.params, v.accessKeySecret)).toBe(v.signature);
  });

  it("reproduces Alibaba's published example (docs/providers/aliyun-dm.md, Signatures)", () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    expect(rpcSignature('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it.each(vectors.map((v, i) => [i, v] as const))(
    'vector %i through the whole v1 signer (common parameters added by signerV1)',
    (_i, v) => {
      const { AccessKeyId, Action, Version, RegionId, SignatureNonce, Timestamp, ...rest } =
        v.params;
      const business = Object.fromEntries(
        Object.entries(rest).filter(([k]) => !k.startsWith('Signature') && k !== 'Format'),
      );
      const signed = signerV1.sign({
        method: v.method as 'GET' | 'POST',
        host: 'dm.aliyuncs.com',
        action: Action as string,
        version: Version as string,
        regionId: RegionId as string,
        params: business,
        credentials: { id: AccessKeyId as string, secret: v.accessKeySecret },
        timestamp: Date.parse(Timestamp as string),
        nonce: SignatureNonce as string,
      });
      expect(signed.signature).toBe(v.signature);
      const wire = new URLSearchParams(signed.body ?? signed.query);
      expect(wire.get('Signature')).toBe(v.signature);
      expect(Object.fromEntries([...wire].filter(([k]) => k !== 'Signature'))).toEqual(v.params);
    },
  );

  it('signs the method actually sent', () => {
    const v = vectors[0] as DmVector;
    const other = v.method === 'GET' ? 'POST' : 'GET';
    expect(rpcSignature(other, v.params, v.accessKeySecret)).not.toBe(v.signature);
  });
});

describe('signerV1', () => {
  const input = {
    method: 'POST' as const,
    host: 'dm.aliyuncs.com',
    action: 'SingleSendMail',
    version: '2015-11-23',
    regionId: 'cn-hangzhou',
    params: { AccountName: 'noreply@mail.example.com', Subject: "测试 😀 !'()*~+%&=" },
    credentials: { id: 'testid', secret: 'testsecret' },
    timestamp: Date.UTC(2024, 1, 12, 8, 44, 3, 999),
    nonce: 'n-1',
  };

  it('puts every parameter and the encoded signature in the form body', () => {
    const signed = signerV1.sign(input);
    expect(signed.query).toBe('');
    expect(signed.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const body = new URLSearchParams(signed.body);
    expect(body.get('Subject')).toBe(input.params.Subject);
    expect(body.get('Format')).toBe('JSON');
    expect(body.get('RegionId')).toBe('cn-hangzhou');
    expect(body.get('Timestamp')).toBe('2024-02-12T08:44:03Z');
    expect(body.get('SignatureNonce')).toBe('n-1');
    expect(body.get('Signature')).toBe(signed.signature);
    const all = Object.fromEntries([...body].filter(([k]) => k !== 'Signature'));
    expect(rpcSignature('POST', all, 'testsecret')).toBe(signed.signature);
    // The raw base64 never appears unencoded: `+` would decode as a space.
    expect(signed.body).toContain(`Signature=${encodeURIComponent(signed.signature)}`);
    expect(signed.body).toContain('%2A');
    expect(signed.body).not.toMatch(/[!'()*+]/);
  });

  it('sends SecurityToken with STS credentials, signed like any parameter', () => {
    const signed = signerV1.sign({
      ...input,
      credentials: { ...input.credentials, token: 'sts-token' },
    });
    const body = new URLSearchParams(signed.body);
    expect(body.get('SecurityToken')).toBe('sts-token');
    const all = Object.fromEntries([...body].filter(([k]) => k !== 'Signature'));
    expect(rpcSignature('POST', all, 'testsecret')).toBe(signed.signature);
  });

  it('GET puts everything in the query', () => {
    const signed = signerV1.sign({ ...input, method: 'GET' });
    expect(signed.body).toBeUndefined();
    expect(new URLSearchParams(signed.query).get('Action')).toBe('SingleSendMail');
  });

  it('changes with the nonce and the timestamp', () => {
    const a = signerV1.sign(input).signature;
    expect(signerV1.sign({ ...input, nonce: 'n-2' }).signature).not.toBe(a);
    expect(signerV1.sign({ ...input, timestamp: input.timestamp + 1000 }).signature).not.toBe(a);
  });
});

describe('signerV3 (ACS3-HMAC-SHA256)', () => {
  const input = {
    method: 'POST' as const,
    host: 'dm.aliyuncs.com',
    action: 'SingleSendMail',
    version: '2015-11-23',
    regionId: 'cn-hangzhou',
    params: { AccountName: 'noreply@mail.example.com', Subject: "测试 😀 !'()*~+%&=" },
    credentials: { id: 'testid', secret: 'testsecret' },
    timestamp: Date.UTC(2024, 1, 12, 8, 44, 3),
    nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  };

  it('signs the x-acs headers, host and content type', () => {
    const signed = signerV3.sign(input);
    expect(signed.headers['x-acs-date']).toBe('2024-02-12T08:44:03Z');
    expect(signed.headers['authorization']).toBe(
      `ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=${signed.signature}`,
    );
    expect(signed.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches the known value (cross-checked with openapi-core 1.0.8 in test/oracle)', () => {
    expect(signerV3.sign(input).signature).toBe(V3_KNOWN);
  });

  it('v3Signature is what sign() puts in the header', () => {
    const signed = signerV3.sign(input);
    const { authorization: _a, ...headers } = signed.headers;
    expect(v3Signature('POST', '', headers, 'testsecret')).toBe(signed.signature);
  });

  it('adds the STS headers', () => {
    const signed = signerV3.sign({ ...input, credentials: { ...input.credentials, token: 'sts' } });
    expect(signed.headers['x-acs-security-token']).toBe('sts');
    expect(signed.headers['authorization']).toContain('x-acs-security-token');
  });
});

it('formatTimestamp drops milliseconds', () => {
  expect(formatTimestamp(Date.UTC(2016, 1, 23, 12, 46, 24, 512))).toBe('2016-02-23T12:46:24Z');
});

it('formatTimestamp follows the clock across seconds, forwards and back', () => {
  const second = Date.UTC(2016, 1, 23, 12, 46, 24);
  expect(formatTimestamp(second + 999)).toBe('2016-02-23T12:46:24Z');
  expect(formatTimestamp(second + 1000)).toBe('2016-02-23T12:46:25Z');
  expect(formatTimestamp(second + 1)).toBe('2016-02-23T12:46:24Z');
  expect(formatTimestamp(-1)).toBe('1969-12-31T23:59:59Z');
  expect(() => formatTimestamp(Number.NaN)).toThrow(RangeError);
});

// Derived here and reproduced with openapi-core's `getAuthorization` over the same headers and body
// (test/oracle/aliyun-signer.test.ts in the repository root runs that comparison).
const V3_KNOWN = 'a6f4743c257a9aa4fb9c672dc3718e17aabb47c35bfbe054bae598496f69bfc9';
