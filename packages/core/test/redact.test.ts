/**
 * Redaction: what hooks, logs and errors see of a request. Credentials are replaced by header
 * and parameter name, and every configured secret by value in the encodings a request carries.
 */
import { describe, expect, it } from 'vitest';
import { MailError } from '../src/index.js';
import {
  describeRequest,
  type HttpRequest,
  REDACTED,
  redactError,
  redactSecrets,
} from '../src/provider/index.js';

const SECRET = 'sEcReT/Key+With=Padding'; // base64-ish, like an STS token: `/`, `+`, `=` encode
const TOKEN = 'CAIS-token*(quoted)!';

function request(overrides: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: 'POST',
    url: 'https://dm.aliyuncs.com/?Action=SingleSendMail&Format=JSON',
    headers: { 'content-type': 'application/json' },
    ...overrides,
  };
}

/** The JSON a hook or log line would carry. */
function dump(value: unknown): string {
  return JSON.stringify(value);
}

describe('describeRequest: by name', () => {
  it('replaces credential headers whatever their case and keeps the others', () => {
    const described = describeRequest(
      request({
        headers: {
          Authorization:
            'TC3-HMAC-SHA256 Credential=AKIDxyz/2026-11-23/ses/tc3_request, Signature=abc',
          'X-TC-Token': 'sts-token-value',
          'x-acs-security-token': 'acs-token-value',
          'x-acs-signature': 'acs-signature-value',
          'Proxy-Authorization': 'Basic dXNlcjpwYXNz',
          Cookie: 'session=abcdef',
          'X-TC-Action': 'SendEmail',
          'content-type': 'application/json',
        },
      }),
    );
    expect(described.headers).toEqual({
      Authorization: REDACTED,
      'X-TC-Token': REDACTED,
      'x-acs-security-token': REDACTED,
      'x-acs-signature': REDACTED,
      'Proxy-Authorization': REDACTED,
      Cookie: REDACTED,
      'X-TC-Action': 'SendEmail',
      'content-type': 'application/json',
    });
    expect(dump(described)).not.toMatch(/AKIDxyz|sts-token-value|acs-token|dXNlcjpwYXNz/);
  });

  it('replaces Signature, AccessKeyId and SecurityToken query parameters', () => {
    const described = describeRequest(
      request({
        method: 'GET',
        url: 'https://dm.aliyuncs.com/?AccessKeyId=LTAIabc123&Action=SingleSendMail&SecurityToken=CAIStoken%2Bx&Signature=q%2Fsig%3D&SignatureNonce=n-1',
      }),
    );
    expect(described.url).toBe(
      `https://dm.aliyuncs.com/?AccessKeyId=${REDACTED}&Action=SingleSendMail&SecurityToken=${REDACTED}&Signature=${REDACTED}&SignatureNonce=n-1`,
    );
  });

  it('matches parameter names case-insensitively and percent-encoded', () => {
    const described = describeRequest(
      request({
        url: 'https://h.example.com/?signature=aaa111&ACCESSKEYID=bbb222&Security%54oken=ccc333',
      }),
    );
    expect(described.url).not.toMatch(/aaa111|bbb222|ccc333/);
  });

  it('replaces the same parameters in a form body, declared or not', () => {
    const body =
      'AccessKeyId=LTAIabc123&Action=SingleSendMail&Signature=zzz999&ToAddress=a%40x.com';
    for (const headers of [
      { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      {} as Record<string, string>,
    ]) {
      const described = describeRequest(request({ headers, body }));
      expect(described.body).toBe(
        `AccessKeyId=${REDACTED}&Action=SingleSendMail&Signature=${REDACTED}&ToAddress=a%40x.com`,
      );
    }
  });

  it('leaves an ordinary request readable', () => {
    const plain = request({ body: '{"FromEmailAddress":"noreply@example.com"}' });
    expect(describeRequest(plain)).toEqual({
      method: 'POST',
      url: plain.url,
      headers: plain.headers,
      body: plain.body,
    });
  });
});

describe('describeRequest: by value', () => {
  it('replaces configured secrets and the request’s own in url, headers and body', () => {
    const described = describeRequest(
      request({
        url: `https://h.example.com/?x=${encodeURIComponent(SECRET)}`,
        headers: { 'x-debug': `key ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ note: TOKEN }),
        secrets: [TOKEN],
      }),
      [SECRET],
    );
    const text = dump(described);
    expect(text).not.toContain('sEcReT');
    expect(text).not.toContain('CAIS-token');
    expect(described.headers['x-debug']).toBe(`key ${REDACTED}`);
  });

  it('redacts a Uint8Array body as text', () => {
    const described = describeRequest(
      request({ body: new TextEncoder().encode(`{"k":"${SECRET}","cjk":"用户"}`) }),
      [SECRET],
    );
    expect(described.body).toBe(`{"k":"${REDACTED}","cjk":"用户"}`);
  });

  it('truncates a long body after redacting, so a secret at the cut is not half kept', () => {
    const filler = 'a'.repeat(4_090);
    const described = describeRequest(request({ body: `${filler}${SECRET}${'b'.repeat(5_000)}` }), [
      SECRET,
    ]);
    expect(described.body).not.toContain(SECRET.slice(0, 6));
    expect(described.body).toContain('chars)');
    expect((described.body ?? '').length).toBeLessThan(4_200);
  });
});

describe('redactSecrets', () => {
  it.each([
    ['raw', SECRET],
    ['encodeURIComponent', encodeURIComponent(SECRET)],
    ['URLSearchParams', new URLSearchParams({ k: `${SECRET} x` }).toString().slice(2)],
    [
      'RFC 3986',
      encodeURIComponent(TOKEN).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    ],
    ['lower-case hex', encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    [
      'encoded twice (a string-to-sign quoted back)',
      encodeURIComponent(encodeURIComponent(SECRET)),
    ],
    ['JSON-escaped', JSON.stringify('q"uo\\te-secret').slice(1, -1)],
  ])('catches the %s form', (_name, form) => {
    const text = `before ${form} after`;
    const out = redactSecrets(text, [SECRET, TOKEN, 'q"uo\\te-secret', `${SECRET} x`]);
    expect(out).toContain(REDACTED);
    expect(out.startsWith('before ')).toBe(true);
    expect(out.endsWith(' after')).toBe(true);
    expect(out).not.toContain(form);
  });

  it('redacts the longer of two overlapping secrets whole, in either order', () => {
    const id = 'LTAI5tAbCdEf';
    const token = `${id}-extended-session-token`;
    for (const secrets of [
      [id, token],
      [token, id],
    ]) {
      const out = redactSecrets(`id=${id} token=${token}`, secrets);
      expect(out).toBe(`id=${REDACTED} token=${REDACTED}`);
      expect(out).not.toContain('extended-session');
    }
  });

  it('ignores strings too short to be a credential, and empty lists', () => {
    expect(redactSecrets('the cat sat', ['cat', ''])).toBe('the cat sat');
    expect(redactSecrets('unchanged', [])).toBe('unchanged');
  });
});

describe('redactError', () => {
  it('scrubs message, provider message and stack, keeping every other field', () => {
    const error = new MailError(
      `SignatureDoesNotMatch: string to sign was ...${encodeURIComponent(SECRET)}`,
      {
        code: 'auth',
        provider: 'aliyun-dm',
        providerCode: 'SignatureDoesNotMatch',
        providerMessage: `server string to sign is: POST&%2F&AccessKeyId%3D${SECRET}`,
        requestId: 'req-9',
        httpStatus: 400,
      },
    );
    const clean = redactError(error, [SECRET]);
    expect(clean).not.toBe(error);
    for (const text of [clean.message, clean.providerMessage, clean.stack, JSON.stringify(clean)]) {
      expect(String(text)).not.toContain('sEcReT');
      expect(String(text)).not.toContain('sEcReT'.toLowerCase());
    }
    expect(clean.message).toContain(REDACTED);
    expect(clean).toMatchObject({
      code: 'auth',
      provider: 'aliyun-dm',
      providerCode: 'SignatureDoesNotMatch',
      requestId: 'req-9',
      httpStatus: 400,
    });
  });

  it('returns the same error when there is nothing to remove', () => {
    const error = new MailError('throttled', { code: 'rate_limited' });
    expect(redactError(error, [SECRET])).toBe(error);
  });
});
