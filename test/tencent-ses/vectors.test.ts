/**
 * Every Tencent row of the repository's known-answer vectors (test/vectors/signing.json, made
 * with the official signer) through the signer the published package exports, so the build
 * users install is the one proven byte-exact (the package's own tests run its sources).
 */
import { readFileSync } from 'node:fs';
import { createTc3Signer } from '@mailbridge/tencent-ses';
import { describe, expect, it } from 'vitest';

interface TencentVector {
  readonly provider: 'tencent-ses';
  readonly method: 'POST';
  readonly host: string;
  readonly contentType: string;
  readonly timestamp: number;
  readonly secretId: string;
  readonly secretKey: string;
  readonly payload: string;
  readonly authorization: string;
}

const all = JSON.parse(
  readFileSync(new URL('../vectors/signing.json', import.meta.url), 'utf8'),
) as readonly { readonly provider: string }[];
const vectors = all.filter((v): v is TencentVector => v.provider === 'tencent-ses');
const signer = createTc3Signer();

describe('TC3 vectors through the built package', () => {
  it('has the 24 Tencent vectors', () => {
    expect(vectors).toHaveLength(24);
  });

  it.each(vectors.map((v, i) => [i, v] as const))('vector %i', async (_i, v) => {
    const signed = await signer.sign({
      body: new TextEncoder().encode(v.payload),
      contentType: v.contentType,
      host: v.host,
      secretId: v.secretId,
      secretKey: v.secretKey,
      timestamp: v.timestamp,
    });
    expect(signed.authorization).toBe(v.authorization);
    expect(signed.date).toBe(new Date(v.timestamp * 1000).toISOString().slice(0, 10));
  });
});
