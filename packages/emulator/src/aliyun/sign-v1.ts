import { createHmac } from 'node:crypto';
import type { EmuRequest } from '../types.js';
import { percentEncode } from './encode.js';
import { fail, missing } from './errors.js';
import type { DmParams } from './params.js';
import type { SignatureClaim } from './sign-v3.js';

/**
 * The RPC string to sign (docs/providers/aliyun-dm.md "Signatures" steps 1–5): every parameter but
 * `Signature`, sorted by name in code-unit order, `pe(name)=pe(value)` joined by `&`, then
 * `METHOD&%2F&pe(canonical)` — the canonical query is encoded a second time on purpose.
 */
export function stringToSignV1(method: string, params: ReadonlyMap<string, string>): string {
  const names = [...params.keys()].filter((name) => name !== 'Signature').sort();
  const canonical = names
    .map((name) => `${percentEncode(name)}=${percentEncode(params.get(name) ?? '')}`)
    .join('&');
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

/**
 * base64(HMAC-SHA1(secret + "&", stringToSign)) (docs/providers/aliyun-dm.md "Signatures"
 * steps 6–7).
 */
export function signV1(stringToSign: string, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** The string to sign with the SecurityToken value masked, safe to put in an error message. */
function redactedStringToSign(method: string, params: DmParams): string {
  const token = params.get('SecurityToken');
  if (token === undefined) return stringToSignV1(method, params.all);
  return stringToSignV1(method, new Map([...params.all, ['SecurityToken', '***']]));
}

/**
 * Read the v1 signature parameters (docs/providers/aliyun-dm.md "Transport") and return a claim to
 * verify. Missing or malformed signature fields are answered first, as the gateway does:
 * `IncompleteSignature` for the signature fields, `Missing{Name}` for the key and nonce,
 * `IllegalTimestamp` for the timestamp (docs/providers/aliyun-dm.md "Error codes").
 */
export function claimV1(req: EmuRequest, params: DmParams): SignatureClaim {
  const signature = params.get('Signature');
  const method = params.get('SignatureMethod');
  const version = params.get('SignatureVersion');
  if (signature === undefined || signature === '') {
    fail('IncompleteSignature', 'The Signature parameter is missing.');
  }
  if (method === undefined)
    fail('IncompleteSignature', 'The SignatureMethod parameter is missing.');
  if (method !== 'HMAC-SHA1') fail('InvalidSignatureMethod', `Use HMAC-SHA1, not ${method}.`);
  if (version !== '1.0') fail('IncompleteSignature', 'SignatureVersion must be 1.0.');
  const keyId = params.get('AccessKeyId');
  if (keyId === undefined || keyId === '') missing('AccessKeyId');
  const nonce = params.get('SignatureNonce');
  if (nonce === undefined || nonce === '') missing('SignatureNonce');
  const timestamp = params.get('Timestamp');
  if (timestamp === undefined || timestamp === '') fail('IllegalTimestamp');
  return {
    keyId,
    nonce,
    timestamp,
    token: params.get('SecurityToken'),
    verify(secret) {
      const expected = signV1(stringToSignV1(req.method, params.all), secret);
      return { ok: expected === signature, stringToSign: redactedStringToSign(req.method, params) };
    },
  };
}
