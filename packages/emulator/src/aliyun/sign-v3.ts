import { createHash, createHmac } from 'node:crypto';
import type { EmuRequest } from '../types.js';
import { percentEncode } from './encode.js';
import { DmFailure, fail } from './errors.js';
import { headerValue, parseForm } from './params.js';

/** What a signature scheme reads from a request, before the key's secret is known. */
export interface SignatureClaim {
  readonly keyId: string;
  readonly nonce: string;
  /** `YYYY-MM-DDThh:mm:ssZ` as sent (v1 `Timestamp`, V3 `x-acs-date`). */
  readonly timestamp: string;
  /** SecurityToken (v1) or x-acs-security-token (V3), when sent. */
  readonly token: string | undefined;
  /** Recompute the signature with the secret; `stringToSign` is safe to show in an error. */
  verify(secret: string): { readonly ok: boolean; readonly stringToSign: string };
}

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

interface V3Authorization {
  readonly keyId: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parse `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=a;b,Signature=hex`. */
function parseAuthorization(value: string): V3Authorization {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== V3_ALGORITHM) {
    fail('InvalidSignatureMethod', `Only ${V3_ALGORITHM} is implemented by @mailbridge/emulator.`);
  }
  const fields = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const keyId = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!keyId || !signed || !signature) {
    fail('IncompleteSignature', 'Authorization needs Credential, SignedHeaders and Signature.');
  }
  return { keyId, signedHeaders: signed.split(';'), signature };
}

/** host, content-type and every x-acs-* header sent must be signed (the SDK signs exactly those). */
function checkSignedHeaders(req: EmuRequest, signed: readonly string[]): void {
  const needed = Object.keys(req.headers).filter(
    (name) => name === 'host' || name === 'content-type' || name.startsWith('x-acs-'),
  );
  const unsigned = needed.filter((name) => !signed.includes(name));
  if (unsigned.length > 0) {
    fail('IncompleteSignature', `These headers must be signed: ${unsigned.join(', ')}.`);
  }
}

/** Sorted `name=pe(value)`; names are not encoded, as openapi-core builds it. */
function canonicalQuery(req: EmuRequest): string {
  const query = parseForm(req.url.search.slice(1));
  return [...query.keys()]
    .sort()
    .map((name) => `${name}=${percentEncode(query.get(name) ?? '')}`)
    .join('&');
}

function canonicalHeaders(req: EmuRequest, signed: readonly string[]): string {
  return [...signed]
    .sort()
    .map((name) => `${name}:${(headerValue(req, name) ?? '').trim()}\n`)
    .join('');
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The V3 string to sign: `ACS3-HMAC-SHA256\n` + hex(sha256(canonical request)), where the
 * canonical request is method, path, canonical query, canonical headers, a blank line, the
 * signed header names joined by `;`, and the payload hash (x-acs-content-sha256). Learned from
 * openapi-core 1.0.8 `Utils.getAuthorization` (docs/providers/aliyun-dm.md "Signatures", V3).
 */
export function stringToSignV3(req: EmuRequest, signed: readonly string[]): string {
  const path = req.url.pathname.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
  const request = [
    req.method.toUpperCase(),
    path,
    canonicalQuery(req),
    canonicalHeaders(req, signed),
    [...signed].sort().join(';'),
    headerValue(req, 'x-acs-content-sha256') ?? '',
  ].join('\n');
  return `${V3_ALGORITHM}\n${sha256Hex(request)}`;
}

/** hex(HMAC-SHA256(secret, stringToSign)); unlike v1 the key has no trailing `&`. */
export function signV3(stringToSign: string, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');
}

/** Read an `Authorization: ACS3-HMAC-SHA256 …` request and return a claim to verify. */
export function claimV3(req: EmuRequest, authorization: string): SignatureClaim {
  const auth = parseAuthorization(authorization);
  checkSignedHeaders(req, auth.signedHeaders);
  const timestamp = headerValue(req, 'x-acs-date');
  if (!timestamp) fail('IllegalTimestamp', 'The x-acs-date header is missing.');
  const nonce = headerValue(req, 'x-acs-signature-nonce');
  if (!nonce) throw new DmFailure('MissingSignatureNonce', 'x-acs-signature-nonce is mandatory.');
  const payloadHash = headerValue(req, 'x-acs-content-sha256');
  if (!payloadHash) fail('IncompleteSignature', 'The x-acs-content-sha256 header is missing.');
  return {
    keyId: auth.keyId,
    nonce,
    timestamp,
    token: headerValue(req, 'x-acs-security-token'),
    verify(secret) {
      const stringToSign = stringToSignV3(req, auth.signedHeaders);
      const bodyMatches = payloadHash.toLowerCase() === sha256Hex(req.body);
      const ok = bodyMatches && signV3(stringToSign, secret) === auth.signature.toLowerCase();
      return {
        ok,
        stringToSign: bodyMatches ? stringToSign : 'x-acs-content-sha256 ≠ sha256(body)',
      };
    },
  };
}
