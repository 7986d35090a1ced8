/**
 * A minimal TC3-HMAC-SHA256 signer on node:crypto, written for the "raw undici + signing"
 * baseline: what a careful hand-written client would pay for signing, nothing more
 * (docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing"). Only `content-type;host` are signed, as the SDKs do, and
 * the day's signing key is kept, as the adapter keeps it.
 */
import { createHash, createHmac } from 'node:crypto';

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) =>
  createHmac('sha256', key).update(text, 'utf8').digest();

/** The day's signing key, kept: it changes once a UTC day (and with the secret). */
let cached: { readonly secret: string; readonly date: string; readonly key: Buffer } | undefined;
function signingKey(secret: string, date: string): Buffer {
  if (cached?.secret !== secret || cached.date !== date) {
    cached = { secret, date, key: hmac(hmac(hmac(`TC3${secret}`, date), 'ses'), 'tc3_request') };
  }
  return cached.key;
}

/** The Authorization header value of one POST / request. */
export function tc3Authorization(input: {
  readonly body: string;
  readonly contentType: string;
  readonly hostname: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly timestamp: number;
}): string {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const canonical = `POST\n/\n\ncontent-type:${input.contentType}\nhost:${input.hostname}\n\ncontent-type;host\n${sha256Hex(input.body)}`;
  const scope = `${date}/ses/tc3_request`;
  const toSign = `TC3-HMAC-SHA256\n${input.timestamp}\n${scope}\n${sha256Hex(canonical)}`;
  const key = signingKey(input.secretKey, date);
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}
