/**
 * TC3-HMAC-SHA256, the Tencent Cloud API 3.0 signature, as a pure function: body bytes,
 * content type, host, credentials and timestamp in; the Authorization header out. No clock, no
 * I/O. The default hashes with `node:crypto` directly; an injected `Checksum` constructor
 * (smithy signature-v4's `sha256` option, e.g. `@aws-crypto/sha256-js`) serves other runtimes.
 *
 * Follows docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing" (as the SDK does it).
 */
import * as nodeCrypto from 'node:crypto';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

/** The hashing interface of `@aws-crypto/sha256-js` (and smithy's `Checksum`). */
export interface Checksum {
  update(data: Uint8Array): void;
  digest(): Promise<Uint8Array>;
}

/** A SHA-256 constructor: without a secret a plain hash, with one an HMAC keyed by it. */
export type ChecksumConstructor = new (secret?: Uint8Array) => Checksum;

/**
 * `node:crypto` behind the `Checksum` interface, for code written against that interface. The
 * default signer (`createTc3Signer()`) skips the interface and calls node:crypto directly: the
 * benchmark showed the pure-JS SHA-256, and then the interface itself, costing a large share of
 * a send's CPU (bench/RESULTS.md), as README "Signing" foresaw. The digests are identical;
 * the vector tests run every implementation.
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
 * Create a TC3 signer. Without an argument it signs with `node:crypto` directly (strings in,
 * hex out, no `Checksum` objects or promises per hash: the send path is measured by bench/);
 * pass a `ChecksumConstructor` such as `Sha256Js` (`@mailbridge/tencent-ses/portable`) for runtimes without node:crypto. Both keep
 * the day's signing key (the kDate → kService → kSigning chain, docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing") for as long as
 * secret, date and service stay the same, so most requests cost two hashes and one HMAC.
 *
 * @example
 * ```ts
 * const { authorization } = await createTc3Signer().sign({
 *   body, contentType: 'application/json', host: 'ses.tencentcloudapi.com',
 *   secretId, secretKey, timestamp: Math.floor(Date.now() / 1000),
 * });
 * ```
 */
export function createTc3Signer(sha256?: ChecksumConstructor): Tc3Signer {
  return sha256 === undefined ? nodeSigner() : checksumSigner(sha256);
}

function nodeSigner(): Tc3Signer {
  const hmac = (key: string | Uint8Array, data: string) =>
    createHmac('sha256', key).update(data, 'utf8').digest();
  const signingKey = lastKey((secret, date, service) =>
    hmac(hmac(hmac(`TC3${secret}`, date), service), 'tc3_request'),
  );
  const sha256Hex =
    oneShotSha256Hex() ??
    ((data: Uint8Array | string) => {
      const hash = createHash('sha256');
      return (typeof data === 'string' ? hash.update(data, 'utf8') : hash.update(data)).digest(
        'hex',
      );
    });
  return {
    sign(input) {
      try {
        const parts = signingParts(input, sha256Hex(input.body));
        const toSign = stringToSign(input.timestamp, parts.scope, sha256Hex(parts.canonical));
        const key = signingKey(input.secretKey, parts.date, parts.service);
        const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
        return Promise.resolve(signatureOf(input, parts, toSign, signature));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

/**
 * `crypto.hash` (Node 20.12+): a one-shot digest without a Hash object, about 0.7 µs against
 * 1.7 µs for createHash-update-digest on a request-sized input. Runtimes without it (some Bun and
 * Deno versions) take the createHash path, which `NodeSha256` also uses; the vector tests hold
 * the one-shot path (the default on Node) and `NodeSha256` to the same signatures.
 */
function oneShotSha256Hex(): ((data: Uint8Array | string) => string) | undefined {
  const hash = (
    nodeCrypto as {
      hash?: (algorithm: string, data: Uint8Array | string, encoding: 'hex') => string;
    }
  ).hash;
  if (typeof hash !== 'function') return undefined;
  return (data) => hash('sha256', data, 'hex');
}

function checksumSigner(sha256: ChecksumConstructor): Tc3Signer {
  const hash = (data: Uint8Array | string, key?: Uint8Array): Promise<Uint8Array> => {
    const checksum = key === undefined ? new sha256() : new sha256(key);
    checksum.update(bytes(data));
    return checksum.digest();
  };
  const signingKey = lastKey(async (secret, date, service) => {
    const kDate = await hash(date, bytes(`TC3${secret}`));
    const kService = await hash(service, kDate);
    return hash('tc3_request', kService);
  });
  return {
    async sign(input) {
      const parts = signingParts(input, toHex(await hash(input.body)));
      const toSign = stringToSign(input.timestamp, parts.scope, toHex(await hash(parts.canonical)));
      const key = await signingKey(input.secretKey, parts.date, parts.service);
      return signatureOf(input, parts, toSign, toHex(await hash(toSign, key)));
    },
  };
}

/**
 * `derive` memoised on its last arguments: the signing key changes once a UTC day (or when the
 * credentials rotate), so one entry is enough. It lives only in this signer's closure.
 */
function lastKey<K>(derive: (secret: string, date: string, service: string) => K) {
  let last: { secret: string; date: string; service: string; key: K } | undefined;
  return (secret: string, date: string, service: string): K => {
    if (last?.secret !== secret || last.date !== date || last.service !== service) {
      last = { secret, date, service, key: derive(secret, date, service) };
    }
    return last.key;
  };
}

interface SigningParts {
  readonly service: string;
  readonly date: string;
  readonly scope: string;
  readonly payloadHash: string;
  readonly canonical: string;
}

/** docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing" steps 2–3: the canonical request over the two signed headers and the payload hash. */
function signingParts(input: Tc3SignInput, payloadHash: string): SigningParts {
  const service = input.service ?? TC3_SERVICE;
  const date = utcDate(input.timestamp);
  const headers = `content-type:${input.contentType}\nhost:${canonicalHost(input.host)}\n`;
  return {
    service,
    date,
    scope: `${date}/${service}/tc3_request`,
    payloadHash,
    canonical: `POST\n/\n\n${headers}\n${TC3_SIGNED_HEADERS}\n${payloadHash}`,
  };
}

/** docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing" step 3. */
function stringToSign(timestamp: number, scope: string, canonicalHash: string): string {
  return `${TC3_ALGORITHM}\n${timestamp}\n${scope}\n${canonicalHash}`;
}

/** docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing" step 5: the Authorization header, with the intermediate values for tests. */
function signatureOf(
  input: Tc3SignInput,
  parts: SigningParts,
  toSign: string,
  signature: string,
): Tc3Signature {
  const authorization =
    `${TC3_ALGORITHM} Credential=${input.secretId}/${parts.scope}, ` +
    `SignedHeaders=${TC3_SIGNED_HEADERS}, Signature=${signature}`;
  return {
    authorization,
    signature,
    date: parts.date,
    payloadHash: parts.payloadHash,
    canonicalRequest: parts.canonical,
    stringToSign: toSign,
  };
}

/** `YYYY-MM-DD` of a Unix-seconds timestamp in UTC (not local time: it rolls at 00:00 UTC). */
export function utcDate(timestamp: number): string {
  const day = Math.floor(timestamp / SECONDS_PER_DAY);
  if (day !== lastDay.day)
    lastDay = { day, date: new Date(day * MS_PER_DAY).toISOString().slice(0, 10) };
  return lastDay.date;
}

const SECONDS_PER_DAY = 86_400;
const MS_PER_DAY = SECONDS_PER_DAY * 1000;
/** The last day formatted: every request of a day signs with the same date. */
let lastDay = { day: Number.NaN, date: '' };

/** The hostname of a `host[:port]` value, as the canonical headers carry it. */
export function canonicalHost(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

function toHex(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');
}
