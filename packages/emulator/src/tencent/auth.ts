/**
 * TC3-HMAC-SHA256 verification, as docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing" describes the signer: canonical
 * request `POST\n/\n\n<canonical headers>\n<signed headers>\n<sha256(body)>`, credential date =
 * UTC date of X-TC-Timestamp, key chain "TC3"+secret → date → service → "tc3_request".
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Credential, EmuRequest } from '../types.js';
import { fail } from './errors.js';

/** Signatures older or newer than this (against the server's wall clock) expire ("TC3-HMAC-SHA256 signing"). */
export const SIGNATURE_WINDOW_SECONDS = 300;

const AUTH_PATTERN =
  /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/,\s]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

interface Claim {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** One header's value as a string (the first, if Node folded repeats into an array). */
export function header(req: EmuRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseAuthorization(value: string | undefined): Claim {
  if (value === undefined)
    fail('AuthFailure.InvalidAuthorization', 'Authorization header is missing');
  const m = AUTH_PATTERN.exec(value);
  if (m === null) {
    fail(
      'AuthFailure.InvalidAuthorization',
      'Authorization must be "TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request, SignedHeaders=content-type;host, Signature=<64 hex>"',
    );
  }
  const signedHeaders = m[4]!.split(';');
  if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) {
    fail('AuthFailure.InvalidAuthorization', 'SignedHeaders must include content-type and host');
  }
  return { secretId: m[1]!, date: m[2]!, service: m[3]!, signedHeaders, signature: m[5]! };
}

function checkTimestamp(req: EmuRequest, nowMs: number): number {
  const raw = header(req, 'x-tc-timestamp');
  if (raw === undefined) fail('MissingParameter', 'the X-TC-Timestamp header is missing');
  if (!/^\d{1,12}$/.test(raw)) fail('InvalidParameter', 'X-TC-Timestamp must be integer seconds');
  const ts = Number(raw);
  const now = Math.floor(nowMs / 1000);
  if (Math.abs(now - ts) > SIGNATURE_WINDOW_SECONDS) {
    const off = ts - now;
    fail(
      'AuthFailure.SignatureExpire',
      `signature expired: X-TC-Timestamp ${ts} (${isoSeconds(ts)}) is ${Math.abs(off)} s ` +
        `${off < 0 ? 'behind' : 'ahead of'} the server time ${now} (${isoSeconds(now)}); ` +
        `the window is ±${SIGNATURE_WINDOW_SECONDS} s. Check the client clock.`,
    );
  }
  return ts;
}

function isoSeconds(ts: number): string {
  return new Date(ts * 1000).toISOString().replace('.000', '');
}

/** Host header without its port (the signing steps: the canonical host is the hostname, no port). */
export function hostname(req: EmuRequest): string {
  const host = header(req, 'host') ?? '';
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.indexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) =>
  createHmac('sha256', key).update(data).digest();

/** The canonical request for the signed headers, given the Content-Type form to use. */
function canonicalRequest(req: EmuRequest, signed: readonly string[], contentType: string): string {
  const lines = signed.map((name) => {
    if (name === 'content-type') return `content-type:${contentType}\n`;
    if (name === 'host') return `host:${hostname(req)}\n`;
    // Headers beyond the SDK's two follow Tencent's documented rule: lower-cased, trimmed.
    return `${name}:${(header(req, name) ?? '').trim().toLowerCase()}\n`;
  });
  return ['POST', '/', '', lines.join(''), signed.join(';'), sha256(req.body)].join('\n');
}

/** The signature a client holding `secret` computes for this request. */
export function expectedSignature(
  req: EmuRequest,
  claim: Pick<Claim, 'date' | 'service' | 'signedHeaders'>,
  secret: string,
  ts: number,
  contentType: string,
): string {
  const scope = `${claim.date}/${claim.service}/tc3_request`;
  const toSign = [
    'TC3-HMAC-SHA256',
    String(ts),
    scope,
    sha256(canonicalRequest(req, claim.signedHeaders, contentType)),
  ].join('\n');
  const key = hmac(hmac(hmac(`TC3${secret}`, claim.date), claim.service), 'tc3_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

/**
 * Verify a request's TC3 signature; return the credential that signed it or throw the
 * documented AuthFailure.* code. `nowMs` is the wall clock (plus skew), not the emulator clock.
 */
export function verifyTc3(
  req: EmuRequest,
  credentials: readonly Credential[],
  nowMs: number,
): Credential {
  const claim = parseAuthorization(header(req, 'authorization'));
  const ts = checkTimestamp(req, nowMs);
  const credential = credentials.find((c) => c.id === claim.secretId);
  if (credential === undefined) {
    fail(
      'AuthFailure.SecretIdNotFound',
      `SecretId ${claim.secretId} does not exist or is disabled`,
    );
  }
  checkToken(req, credential);
  checkScope(req, claim, ts);
  const sent = header(req, 'content-type') ?? '';
  // The SDK signs the value as sent; Tencent's doc says lower-cased and trimmed. Both are
  // exact HMACs of what a correct client can send, so either form verifies.
  const forms = [...new Set([sent, sent.trim().toLowerCase()])];
  const given = Buffer.from(claim.signature, 'hex');
  const ok = forms.some((form) =>
    timingSafeEqual(
      Buffer.from(expectedSignature(req, claim, credential.secret, ts, form), 'hex'),
      given,
    ),
  );
  if (!ok) {
    fail(
      'AuthFailure.SignatureFailure',
      'the signature does not match: check the SecretKey, and that the body and Content-Type sent are exactly the ones signed',
    );
  }
  return credential;
}

function checkToken(req: EmuRequest, credential: Credential): void {
  const token = header(req, 'x-tc-token');
  if (credential.token === undefined) {
    if (token !== undefined && token !== '') {
      fail('AuthFailure.TokenFailure', 'X-TC-Token was sent with a permanent SecretId');
    }
  } else if (token !== credential.token) {
    fail(
      'AuthFailure.TokenFailure',
      'X-TC-Token is missing or invalid for this temporary SecretId',
    );
  }
}

/**
 * The service in the scope is `ses`, or the Host's first label: the official SDK takes the
 * service from its endpoint, so pointed at `127.0.0.1:PORT` it signs for `127`.
 */
function checkScope(req: EmuRequest, claim: Claim, ts: number): void {
  const firstLabel = hostname(req).split('.')[0];
  if (claim.service !== 'ses' && claim.service !== firstLabel) {
    fail('AuthFailure.SignatureFailure', `credential scope service "${claim.service}" is not ses`);
  }
  const date = new Date(ts * 1000).toISOString().slice(0, 10);
  if (claim.date !== date) {
    fail(
      'AuthFailure.SignatureFailure',
      `credential date ${claim.date} is not the UTC date of X-TC-Timestamp (${date})`,
    );
  }
}
