/**
 * The `Checksum` interface the Tencent adapter's TC3 signer takes (smithy's `sha256` shape:
 * a plain hash without a secret, an HMAC with one), on node:crypto: the proposed Node default.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

export class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: Uint8Array) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
}
