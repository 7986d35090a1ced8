import type { Credential, EmuRequest } from '../types.js';
import { DmFailure, fail } from './errors.js';
import { type DmParams, headerValue, isV3 } from './params.js';
import { claimV1 } from './sign-v1.js';
import { claimV3, type SignatureClaim } from './sign-v3.js';

/**
 * Requests more than 15 minutes from the server clock are refused (docs/providers/aliyun-dm.md
 * "Transport").
 */
export const TIMESTAMP_WINDOW_MS = 15 * 60 * 1000;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Parse `YYYY-MM-DDThh:mm:ssZ` (UTC, seconds, no milliseconds); undefined when malformed. */
export function parseTimestamp(text: string): number | undefined {
  if (!TIMESTAMP.test(text)) return undefined;
  const ms = Date.parse(text);
  // Formatting back rejects dates that do not exist (2024-02-30).
  return Number.isNaN(ms) || iso(ms) !== text ? undefined : ms;
}

/**
 * Signature nonces seen per AccessKey, each remembered until its request's timestamp leaves
 * the 15-minute window: after that a replay fails on the timestamp anyway.
 */
export class NonceStore {
  private readonly seen = new Map<string, Map<string, number>>();

  has(keyId: string, nonce: string): boolean {
    return this.seen.get(keyId)?.has(nonce) ?? false;
  }

  add(keyId: string, nonce: string, until: number, now: number): void {
    let nonces = this.seen.get(keyId);
    if (!nonces) {
      nonces = new Map();
      this.seen.set(keyId, nonces);
    }
    // Entries are kept in insertion order, which is expiry order: drop the expired head and stop
    // at the first live one, so a long run does not rescan every nonce on every request.
    for (const [old, expiry] of nonces) {
      if (expiry >= now) break;
      nonces.delete(old);
    }
    nonces.set(nonce, until);
  }

  clear(): void {
    this.seen.clear();
  }
}

export interface AuthContext {
  readonly credentials: readonly Credential[];
  readonly authNow: () => number;
  readonly nonces: NonceStore;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function checkTime(timestamp: string, now: number): number {
  const time = parseTimestamp(timestamp);
  if (time === undefined) fail('InvalidTimeStamp.Format', `Got "${timestamp}".`);
  if (Math.abs(time - now) > TIMESTAMP_WINDOW_MS) {
    // The server time is in the message so a client can tell clock skew from a bad signature.
    fail('InvalidTimeStamp.Expired', `Request time ${timestamp}; server time is ${iso(now)}.`);
  }
  return time;
}

/** A credential with an STS token needs that token; a plain key must not carry one. */
function checkToken(credential: Credential, token: string | undefined): void {
  if (credential.token === undefined) {
    if (token !== undefined && token !== '') fail('InvalidSecurityToken.MismatchWithAccessKey');
    return;
  }
  if (token === undefined || token === '') fail('InvalidSecurityToken.Malformed', 'It is missing.');
  if (token !== credential.token) fail('InvalidSecurityToken.MismatchWithAccessKey');
}

function claimOf(req: EmuRequest, params: DmParams): SignatureClaim {
  const authorization = headerValue(req, 'authorization');
  return authorization !== undefined && isV3(req)
    ? claimV3(req, authorization)
    : claimV1(req, params);
}

/**
 * Verify a request's signature, v1 (HMAC-SHA1) or V3 (ACS3-HMAC-SHA256), both in
 * docs/providers/aliyun-dm.md "Signatures". Order: signature fields, AccessKey, timestamp,
 * signature, token, nonce. The nonce is checked after the signature and recorded only once
 * everything verified, so a byte-identical replay of an accepted request gets
 * `SignatureNonceUsed`: the scheduler's crash recovery relies on it
 * (docs/providers/aliyun-dm-replay.md).
 * Returns the AccessKey ID; throws DmFailure otherwise.
 */
export function authenticate(req: EmuRequest, params: DmParams, auth: AuthContext): string {
  const claim = claimOf(req, params);
  const credential = auth.credentials.find((c) => c.id === claim.keyId);
  if (!credential) fail('InvalidAccessKeyId.NotFound');
  const now = auth.authNow();
  const time = checkTime(claim.timestamp, now);
  const check = claim.verify(credential.secret);
  if (!check.ok) {
    throw new DmFailure(
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${check.stringToSign}`,
    );
  }
  checkToken(credential, claim.token);
  if (auth.nonces.has(claim.keyId, claim.nonce)) fail('SignatureNonceUsed');
  auth.nonces.add(claim.keyId, claim.nonce, time + TIMESTAMP_WINDOW_MS, now);
  return claim.keyId;
}
