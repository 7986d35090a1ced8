/**
 * Our DirectMail signers against the official ones: `@alicloud/openapi-core` 1.0.8's
 * `getAuthorization` (V3). The v1 signer is checked against the vectors in
 * test/vectors/signing.json (computed with `@alicloud/openapi-util`) by the package's own tests.
 */
import { createRequire } from 'node:module';
import { signerV3 } from '@mailbridge/aliyun-dm';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const Utils = require('@alicloud/openapi-core/dist/utils.js').default as {
  getAuthorization(
    request: {
      pathname: string;
      method: string;
      query: Record<string, string>;
      headers: Record<string, string>;
    },
    algorithm: string,
    payloadHash: string,
    id: string,
    secret: string,
  ): string;
};

const awkward = ["测试 😀 !'()*~+%&=", '验证码 123456\n', 'a+b c', '#/?:@[]', ''];

describe('V3 (ACS3-HMAC-SHA256) matches openapi-core', () => {
  it.each(awkward.map((s, i) => [i, s] as const))('case %i', (_i, subject) => {
    for (const method of ['POST', 'GET'] as const) {
      const signed = signerV3.sign({
        method,
        host: 'dm.aliyuncs.com',
        action: 'SingleSendMail',
        version: '2015-11-23',
        regionId: 'cn-hangzhou',
        params: {
          AccountName: 'noreply@mail.example.com',
          Subject: subject,
          ToAddress: 'a@example.com',
        },
        credentials: { id: 'testid', secret: 'testsecret', token: 'sts-token' },
        timestamp: Date.UTC(2024, 1, 12, 8, 44, 3),
        nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      });
      const query = Object.fromEntries(new URLSearchParams(signed.query));
      const { authorization, ...headers } = signed.headers;
      const expected = Utils.getAuthorization(
        {
          pathname: '/',
          method,
          query,
          headers: { ...headers, 'user-agent': 'x', accept: 'application/json' },
        },
        'ACS3-HMAC-SHA256',
        headers['x-acs-content-sha256'] as string,
        'testid',
        'testsecret',
      );
      expect(authorization).toBe(expected);
    }
  });

  it('reproduces the known value used by the package unit test', () => {
    const signed = signerV3.sign({
      method: 'POST',
      host: 'dm.aliyuncs.com',
      action: 'SingleSendMail',
      version: '2015-11-23',
      regionId: 'cn-hangzhou',
      params: { AccountName: 'noreply@mail.example.com', Subject: "测试 😀 !'()*~+%&=" },
      credentials: { id: 'testid', secret: 'testsecret' },
      timestamp: Date.UTC(2024, 1, 12, 8, 44, 3),
      nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    });
    const { authorization, ...headers } = signed.headers;
    expect(
      Utils.getAuthorization(
        { pathname: '/', method: 'POST', query: {}, headers },
        'ACS3-HMAC-SHA256',
        headers['x-acs-content-sha256'] as string,
        'testid',
        'testsecret',
      ),
    ).toBe(authorization);
    expect(signed.signature).toBe(
      'a6f4743c257a9aa4fb9c672dc3718e17aabb47c35bfbe054bae598496f69bfc9',
    );
  });
});
