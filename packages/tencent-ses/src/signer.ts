/**
 * TC3-HMAC-SHA256, the Tencent Cloud API 3.0 signature, as a pure function: body bytes,
 * content type, host, credentials and timestamp in; the Authorization header out. No clock, no
 * I/O. Hashing goes through an injected `Checksum` constructor (smithy signature-v4's `sha256`
 * option), so `@aws-crypto/sha256-js` can be swapped for a `node:crypto` implementation.
 *
 * Follows shared/providers/tencent-ses.md §2 ("TC3-HMAC-SHA256 signing, as the SDK does it").
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';

/** The hashing interface of `@aws-crypto/sha256-js` (and smithy's `Checksum`). */
export interface Checksum {
  update(data: Uint8Array): void;
  digest(): Promise<Uint8Array>;
}

/** A SHA-256 constructor: without a secret a plain hash, with one an HMAC keyed by it. */
export type ChecksumConstructor = new (secret?: Uint8Array) => Checksum;

/**
 * `node:crypto` behind the same `Checksum` interface: the default on Node. The benchmark showed
 * the pure-JS SHA-256 taking about a sixth of a send's CPU (bench/RESULTS.md), as DESIGN.md
 * "Signing" foresaw. The digests are identical; the vector tests run both implementations.
 */
export class NodeSha256 implements Checksum {
  private readonly state: Hash | Hmac;

  constructor(secret?: Uint8Array) {
    this.state = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }

  update(data: Uint8Array): void {
    this.state.update(data);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.state.digest());
  }
}

/** The portable pure-JS SHA-256 (`@aws-crypto/sha256-js`), for runtimes without node:crypto. */
export const Sha256Js: ChecksumConstructor = Sha256;

/** The algorithm name, first word of the Authorization header and of the string to sign. */
export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/**
 * The service every SES request is signed for. The official SDK takes the first label of the
 * endpoint host instead, which signs wrongly behind a proxy or custom host; we never do that.
 */
export const TC3_SERVICE = 'ses';

/** Only these two headers are signed (the SDKs sign the same two; X-TC-* are not signed). */
export const TC3_SIGNED_HEADERS = 'content-type;host';

/** Everything the signature depends on. */
export interface Tc3SignInput {
  /** The exact body bytes that will be sent (a string is taken as UTF-8). */
  readonly body: Uint8Array | string;
  /** The exact Content-Type header value sent (`application/json`). */
  readonly contentType: string;
  /** The URL host; a port is stripped (the canonical host is the hostname). */
  readonly host: string;
  readonly secretId: string;
  readonly secretKey: string;
  /** Unix seconds, the same value as the `X-TC-Timestamp` header. */
  readonly timestamp: number;
  /** Service in the credential scope; default `ses` whatever the host. */
  readonly service?: string;
}

/** The signature and the intermediate values a test or a debugger wants to see. */
export interface Tc3Signature {
  readonly authorization: string;
  readonly signature: string;
  /** `YYYY-MM-DD`, the UTC date of the timestamp. */
  readonly date: string;
  readonly payloadHash: string;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

/** Signs requests with the given SHA-256 implementation. */
export interface Tc3Signer {
  sign(input: Tc3SignInput): Promise<Tc3Signature>;
}

const encoder = new TextEncoder();
const bytes = (value: Uint8Array | string): Uint8Array =>
  typeof value === 'string' ? encoder.encode(value) : value;

/**
 * Create a TC3 signer over a SHA-256 implementation (default `node:crypto`; pass `Sha256Js`
 * for the portable `@aws-crypto/sha256-js`).
 *
 * @example
 * ```ts
 * const { authorization } = await createTc3Signer().sign({
 *   body, contentType: 'application/json', host: 'ses.tencentcloudapi.com',
 *   secretId, secretKey, timestamp: Math.floor(Date.now() / 1000),
 * });
 * ```
 */
export function createTc3Signer(sha256: ChecksumConstructor = NodeSha256): Tc3Signer {
  const hash = async (data: Uint8Array | string, key?: Uint8Array): Promise<Uint8Array> => {
    const checksum = key === undefined ? new sha256() : new sha256(key);
    checksum.update(bytes(data));
    return checksum.digest();
  };
  return {
    async sign(input) {
      const service = input.service ?? TC3_SERVICE;
      const date = utcDate(input.timestamp);
      const payloadHash = toHex(await hash(input.body));
      const canonicalRequest = [
        'POST',
        '/',
        '',
        `content-type:${input.contentType}\nhost:${canonicalHost(input.host)}\n`,
        TC3_SIGNED_HEADERS,
        payloadHash,
      ].join('\n');
      const scope = `${date}/${service}/tc3_request`;
      const stringToSign = [
        TC3_ALGORITHM,
        String(input.timestamp),
        scope,
        toHex(await hash(canonicalRequest)),
      ].join('\n');
      const kDate = await hash(date, bytes(`TC3${input.secretKey}`));
      const kService = await hash(service, kDate);
      const kSigning = await hash('tc3_request', kService);
      const signature = toHex(await hash(stringToSign, kSigning));
      const authorization =
        `${TC3_ALGORITHM} Credential=${input.secretId}/${scope}, ` +
        `SignedHeaders=${TC3_SIGNED_HEADERS}, Signature=${signature}`;
      return { authorization, signature, date, payloadHash, canonicalRequest, stringToSign };
    },
  };
}

/** `YYYY-MM-DD` of a Unix-seconds timestamp in UTC (not local time: it rolls at 00:00 UTC). */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** The hostname of a `host[:port]` value, as the canonical headers carry it. */
export function canonicalHost(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

function toHex(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');
}
