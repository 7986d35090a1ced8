/**
 * DirectMail request signing, pure: parameters, credentials, method, timestamp and nonce in;
 * a signed request out. Two schemes behind one `Signer` interface:
 * - `v1`: the RPC HMAC-SHA1 scheme (`SignatureVersion=1.0`) the DirectMail docs describe
 *   (docs/providers/aliyun-dm.md); every parameter and the `Signature` travel in the query (GET) or the
 *   form body (POST), as `@alicloud/pop-core` sends them.
 * - `v3`: ACS3-HMAC-SHA256, the default of the current official SDK (openapi-core 1.x, docs/providers/aliyun-dm.md):
 *   an `Authorization` header over the canonical request and the `x-acs-*` headers.
 * Clock and nonce are arguments, so tests pin both (README, Writing an adapter).
 */
import { createHash, createHmac } from 'node:crypto';
import type { Credentials } from '@mailbridge/core/provider';
import { percentEncode } from './encode.js';

/** The signature scheme: `v1` = RPC HMAC-SHA1 (default), `v3` = ACS3-HMAC-SHA256. */
export type SignatureVersion = 'v1' | 'v3';

/** Everything one signature depends on. */
export interface SignInput {
  readonly method: 'GET' | 'POST';
  /** Host the request goes to (V3 signs it). */
  readonly host: string;
  readonly action: string;
  readonly version: string;
  readonly regionId: string;
  /** Business parameters, already flattened to strings (see `flattenParams`). */
  readonly params: Readonly<Record<string, string>>;
  readonly credentials: Credentials;
  /** Milliseconds since the epoch; sent with second precision. */
  readonly timestamp: number;
  readonly nonce: string;
}

/** A signed request: path is always `/` (docs/providers/aliyun-dm.md). */
export interface SignedRequest {
  readonly method: 'GET' | 'POST';
  /** Encoded query string without `?` (may be empty). */
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The signature value, so callers can keep it out of logs. */
  readonly signature: string;
}

/** One signature scheme. */
export interface Signer {
  readonly version: SignatureVersion;
  sign(input: SignInput): SignedRequest;
}

/** The last second formatted: every request in the same second reuses its string. */
let lastSecond = Number.NaN;
let lastFormatted = '';

/** `2015-11-23T04:00:00Z`: UTC with seconds, no milliseconds (docs/providers/aliyun-dm.md). */
export function formatTimestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastFormatted = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    lastSecond = second;
  }
  return lastFormatted;
}

/**
 * `pe(k)=pe(v)` pairs sorted by name in code-unit order, joined with `&`
 * (docs/providers/aliyun-dm.md "Signatures" steps 2–4).
 */
export function canonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort(compareCodeUnits)
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key] as string)}`)
    .join('&');
}

/**
 * The RPC v1 signature of a full parameter set (common parameters included, `Signature`
 * excluded): `base64(HMAC-SHA1(secret + '&', METHOD + '&%2F&' + pe(canonicalQuery)))`.
 *
 * @see https://www.alibabacloud.com/help/en/directmail/latest/request-signatures
 */
export function rpcSignature(
  method: string,
  params: Readonly<Record<string, string>>,
  secret: string,
): string {
  return signCanonical(method, canonicalQuery(params), secret);
}

/**
 * The v1 signature over an already built canonical query (built once: bodies reach 8 MB). The
 * query is percentEncode output joined by `=` and `&`, so it holds none of the five characters
 * percentEncode adds to `encodeURIComponent`: the engine's function alone encodes it the same.
 */
function signCanonical(method: string, canonical: string, secret: string): string {
  const stringToSign = `${method.toUpperCase()}&%2F&${encodeURIComponent(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** The v1 (RPC HMAC-SHA1) signer. */
export const signerV1: Signer = {
  version: 'v1',
  sign(input) {
    // Assigned, not spread: V8 defines each property written after a spread on a slow path,
    // which for this object cost more than the HMAC. The common parameters still win.
    const all: Record<string, string> = Object.assign({}, input.params, {
      AccessKeyId: input.credentials.id,
      Action: input.action,
      Format: 'JSON',
      RegionId: input.regionId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: input.nonce,
      SignatureVersion: '1.0',
      Timestamp: formatTimestamp(input.timestamp),
      Version: input.version,
    });
    if (input.credentials.token !== undefined) all['SecurityToken'] = input.credentials.token;
    const canonical = canonicalQuery(all);
    const signature = signCanonical(input.method, canonical, input.credentials.secret);
    const encoded = `${canonical}&Signature=${percentEncode(signature)}`;
    if (input.method === 'GET') return { method: 'GET', query: encoded, headers: {}, signature };
    return {
      method: 'POST',
      query: '',
      headers: { 'content-type': FORM },
      body: encoded,
      signature,
    };
  },
};

const FORM = 'application/x-www-form-urlencoded';
const V3 = 'ACS3-HMAC-SHA256';

/** The V3 (ACS3-HMAC-SHA256) signer, as openapi-core 1.0.8 signs RPC actions. */
export const signerV3: Signer = {
  version: 'v3',
  sign(input) {
    const params: Record<string, string> = {
      Format: 'JSON',
      RegionId: input.regionId,
      ...input.params,
    };
    const encoded = canonicalQuery(params);
    const body = input.method === 'POST' ? encoded : '';
    const query = input.method === 'GET' ? encoded : '';
    const headers: Record<string, string> = {
      host: input.host,
      'x-acs-action': input.action,
      'x-acs-version': input.version,
      'x-acs-date': formatTimestamp(input.timestamp),
      'x-acs-signature-nonce': input.nonce,
      'x-acs-content-sha256': sha256Hex(body),
    };
    if (input.method === 'POST') headers['content-type'] = FORM;
    if (input.credentials.token !== undefined) {
      headers['x-acs-accesskey-id'] = input.credentials.id;
      headers['x-acs-security-token'] = input.credentials.token;
    }
    const signature = v3Signature(input.method, query, headers, input.credentials.secret);
    const signed = signedHeaderNames(headers).join(';');
    const authorization = `${V3} Credential=${input.credentials.id},SignedHeaders=${signed},Signature=${signature}`;
    return {
      method: input.method,
      query,
      headers: { ...headers, authorization },
      ...(input.method === 'POST' ? { body } : {}),
      signature,
    };
  },
};

/**
 * The V3 signature: hex HMAC-SHA256 of `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical
 * request (method, `/`, canonical query, `name:value\n` per signed header, signed names,
 * payload hash).
 *
 * @see https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 */
export function v3Signature(
  method: string,
  query: string,
  headers: Readonly<Record<string, string>>,
  secret: string,
): string {
  const names = signedHeaderNames(headers);
  const canonicalHeaders = names
    .map((name) => `${name}:${(headers[name] ?? '').trim()}\n`)
    .join('');
  const canonicalRequest = [
    method,
    '/',
    query,
    canonicalHeaders,
    names.join(';'),
    headers['x-acs-content-sha256'] ?? sha256Hex(''),
  ].join('\n');
  const stringToSign = `${V3}\n${sha256Hex(canonicalRequest)}`;
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');
}

function signedHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  return Object.keys(headers)
    .filter((name) => name === 'host' || name === 'content-type' || name.startsWith('x-acs-'))
    .sort(compareCodeUnits);
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The signer for a scheme. */
export function signerFor(version: SignatureVersion): Signer {
  return version === 'v3' ? signerV3 : signerV1;
}
