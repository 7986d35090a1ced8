import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256Js } from '../src/portable.js';
import { canonicalHost, createTc3Signer, NodeSha256, utcDate } from '../src/signer.js';
import vectors from './fixtures/tc3-vectors.json' with { type: 'json' };

/** The portable pure-JS SHA-256; the default (node:crypto) is checked against it below. */
const signer = createTc3Signer(Sha256Js);

describe('TC3-HMAC-SHA256 signer', () => {
  // Vectors computed with the official SDK signer (test/vectors/signing.json, Tencent rows).
  it.each(vectors.map((v, i) => [i, v] as const))('vector %i', async (_i, v) => {
    expect(v.method).toBe('POST');
    const signed = await signer.sign({
      body: v.payload,
      contentType: v.contentType,
      host: v.host,
      secretId: v.secretId,
      secretKey: v.secretKey,
      timestamp: v.timestamp,
    });
    expect(signed.authorization).toBe(v.authorization);
  });

  it('has all 24 Tencent vectors', () => {
    expect(vectors).toHaveLength(24);
  });

  it('matches the vector of docs/providers/tencent-ses.md "Test vector", intermediate values included', async () => {
    const body =
      '{"FromEmailAddress":"noreply@mail.example.com","Destination":["user@example.com"],"Subject":"Hello","Template":{"TemplateID":100,"TemplateData":"{\\"code\\":\\"123456\\"}"}}';
    const signed = await signer.sign({
      body,
      contentType: 'application/json',
      host: 'ses.tencentcloudapi.com',
      secretId: 'AKIDEXAMPLE',
      secretKey: 'SECRETKEYEXAMPLE',
      timestamp: 1700000000,
    });
    expect(signed.date).toBe('2023-11-14');
    expect(signed.payloadHash).toBe(
      '031dd88e97d830758490f981f682b36dd898d49211ed73762e80625a81257aa6',
    );
    expect(createHash('sha256').update(signed.canonicalRequest).digest('hex')).toBe(
      '82fc4dc0176e042ae42904c5a18f357dc108755678561dc66a060f8f149d73cd',
    );
    expect(signed.signature).toBe(
      '2c3189ba75be1bad54e40dd8b0c02d7be90fe3f884b893131c19041c356d5047',
    );
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/ses/tc3_request, SignedHeaders=content-type;host, Signature=2c3189ba75be1bad54e40dd8b0c02d7be90fe3f884b893131c19041c356d5047',
    );
  });

  it('signs for service ses whatever the host, and without the port', async () => {
    const base = {
      body: '{}',
      contentType: 'application/json',
      secretId: 'id',
      secretKey: 'key',
      timestamp: 1700000000,
    };
    const custom = await signer.sign({ ...base, host: 'mail-proxy.internal.example:8443' });
    const plain = await signer.sign({ ...base, host: 'mail-proxy.internal.example' });
    expect(custom.authorization).toContain('Credential=id/2023-11-14/ses/tc3_request');
    expect(custom.canonicalRequest).toContain('\nhost:mail-proxy.internal.example\n');
    expect(custom.signature).toBe(plain.signature);
    // The official SDK would take "mail-proxy" as the service; that signature differs.
    const wrong = await signer.sign({
      ...base,
      host: 'mail-proxy.internal.example',
      service: 'mail-proxy',
    });
    expect(wrong.signature).not.toBe(plain.signature);
  });

  it('takes the credential date from the timestamp in UTC, rolling at midnight UTC', () => {
    expect(utcDate(Date.UTC(2024, 0, 1, 23, 59, 59) / 1000)).toBe('2024-01-01');
    expect(utcDate(Date.UTC(2024, 0, 2, 0, 0, 0) / 1000)).toBe('2024-01-02');
  });

  it('hashes body bytes and strings alike (UTF-8)', async () => {
    const text = '{"Subject":"验证码 😀"}';
    const base = {
      contentType: 'application/json',
      host: 'ses.tencentcloudapi.com',
      secretId: 'i',
      secretKey: 'k',
      timestamp: 1,
    };
    const a = await signer.sign({ ...base, body: text });
    const b = await signer.sign({ ...base, body: new TextEncoder().encode(text) });
    expect(a.signature).toBe(b.signature);
    expect(a.payloadHash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  // One signer across all vectors in turn: the cached signing key must follow every change of
  // secret and of UTC date, and never serve a key derived for the previous request.
  it.each([
    ['the default (node:crypto, direct)', () => createTc3Signer()],
    ['sha256-js', () => createTc3Signer(Sha256Js)],
  ])('%s signs every vector in sequence, twice', async (_name, make) => {
    const one = make();
    for (const v of [...vectors, ...vectors.slice().reverse()]) {
      const signed = await one.sign({ ...v, body: v.payload });
      expect(signed.authorization).toBe(v.authorization);
    }
  });

  it('derives a new signing key when the date or the secret changes', async () => {
    const base = { body: '{}', contentType: 'application/json', host: 'h', secretId: 'i' };
    const one = createTc3Signer();
    const fresh = () => createTc3Signer(Sha256Js);
    const midnight = Date.UTC(2024, 0, 2) / 1000;
    for (const [secretKey, timestamp] of [
      ['a', midnight - 1],
      ['a', midnight],
      ['b', midnight],
      ['a', midnight],
    ] as const) {
      const input = { ...base, secretKey, timestamp };
      expect((await one.sign(input)).signature).toBe((await fresh().sign(input)).signature);
    }
  });

  it('works the same over an injected node:crypto Checksum', async () => {
    const node = createTc3Signer(NodeSha256);
    for (const v of vectors.slice(0, 5)) {
      const signed = await node.sign({ ...v, body: v.payload });
      expect(signed.authorization).toBe(v.authorization);
    }
  });

  it('strips ports from host names and IPv6 literals', () => {
    expect(canonicalHost('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(canonicalHost('[::1]:8080')).toBe('[::1]');
    expect(canonicalHost('ses.tencentcloudapi.com')).toBe('ses.tencentcloudapi.com');
  });
});
