import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { verifyTc3 } from '../src/tencent/auth.js';
import { TcError } from '../src/tencent/errors.js';
import type { EmuRequest } from '../src/types.js';
import { sendBody, signTc3, tc, tcOk } from './helpers/tencent-sign.js';

interface TencentVector {
  provider: 'tencent-ses';
  host: string;
  contentType: string;
  timestamp: number;
  secretId: string;
  secretKey: string;
  payload: string;
  authorization: string;
}

const vectors = (
  JSON.parse(
    readFileSync(new URL('../../../test/vectors/signing.json', import.meta.url), 'utf8'),
  ) as { provider: string }[]
).filter((v): v is TencentVector => v.provider === 'tencent-ses');

/** docs/providers/tencent-ses.md "Test vector". */
const NOTES = {
  host: 'ses.tencentcloudapi.com',
  contentType: 'application/json',
  timestamp: 1700000000,
  secretId: 'AKIDEXAMPLE',
  secretKey: 'SECRETKEYEXAMPLE',
  payload:
    '{"FromEmailAddress":"noreply@mail.example.com","Destination":["user@example.com"],"Subject":"Hello","Template":{"TemplateID":100,"TemplateData":"{\\"code\\":\\"123456\\"}"}}',
};

function asRequest(v: typeof NOTES, authorization: string, body = v.payload): EmuRequest {
  return {
    method: 'POST',
    url: new URL(`http://${v.host}/`),
    headers: {
      host: v.host,
      'content-type': v.contentType,
      'x-tc-timestamp': String(v.timestamp),
      authorization,
    },
    body: Buffer.from(body, 'utf8'),
  };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof TcError ? error.code : String(error);
  }
}

describe('TC3 test vectors', () => {
  it('the test signer reproduces the notes vector', () => {
    const s = signTc3(NOTES);
    expect(s.payloadHash).toBe('031dd88e97d830758490f981f682b36dd898d49211ed73762e80625a81257aa6');
    expect(s.canonicalHash).toBe(
      '82fc4dc0176e042ae42904c5a18f357dc108755678561dc66a060f8f149d73cd',
    );
    expect(s.signature).toBe('2c3189ba75be1bad54e40dd8b0c02d7be90fe3f884b893131c19041c356d5047');
  });

  it('has Tencent vectors in signing.json', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(3);
  });

  it.each(vectors.map((v, i) => [i, v] as const))(
    'the test signer reproduces signing.json vector %i',
    (_, v) => {
      expect(signTc3(v).authorization).toBe(v.authorization);
    },
  );

  it.each([
    ['notes', { ...NOTES, authorization: signTc3(NOTES).authorization }] as const,
    ...vectors.map((v, i) => [`signing.json ${i}`, v] as const),
  ])(
    'the emulator verifies the %s vector exactly, and refuses it with one body byte changed',
    (_, v) => {
      const keys = [{ id: v.secretId, secret: v.secretKey }];
      const now = v.timestamp * 1000;
      expect(verifyTc3(asRequest(v, v.authorization), keys, now)).toEqual(keys[0]);
      const tampered = v.payload.replace('noreply', 'noreplz');
      expect(codeOf(() => verifyTc3(asRequest(v, v.authorization, tampered), keys, now))).toBe(
        'AuthFailure.SignatureFailure',
      );
      expect(
        codeOf(() =>
          verifyTc3(asRequest(v, v.authorization), [{ id: v.secretId, secret: 'other' }], now),
        ),
      ).toBe('AuthFailure.SignatureFailure');
    },
  );
});

describe('TC3 verification over HTTP', () => {
  let emu: Emulator;
  const temp = {
    id: 'AKIDtemporary000000000000000000000001',
    secret: 'tempsecret',
    token: 'sts-token-1',
  };
  beforeAll(async () => {
    emu = await startEmulator({
      tencentKeys: [{ id: 'AKIDpermanent', secret: 'permsecret' }, temp],
    });
  });
  afterAll(() => emu.close());

  const code = async (o: Parameters<typeof tc>[3], body: unknown = {}) =>
    (await tc(emu, 'ListEmailAddress', body, o)).Error?.Code;

  it('accepts service "ses" and the Host first label ("127", as the official SDK signs)', async () => {
    await tcOk(emu, 'ListEmailAddress', {});
    await tcOk(emu, 'ListEmailAddress', {}, { service: '127' });
    expect(await code({ service: 'cvm' })).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses a wrong secret and a body changed after signing', async () => {
    expect(await code({ key: { id: 'AKIDpermanent', secret: 'wrong' } })).toBe(
      'AuthFailure.SignatureFailure',
    );
    const body = sendBody();
    const r = await tc(emu, 'SendEmail', body, {
      sendBody: JSON.stringify({ ...body, Subject: 'Welcomf {{name}}' }),
    });
    expect(r.Error?.Code).toBe('AuthFailure.SignatureFailure');
    expect(r.Error?.Message).not.toMatch(/[0-9a-f]{64}/);
    expect(emu.outbox).toHaveLength(0);
  });

  it('expires timestamps more than 5 minutes off, saying the server time', async () => {
    const now = Math.floor(Date.now() / 1000);
    await tcOk(emu, 'ListEmailAddress', {}, { timestamp: now - 250 });
    const r = await tc(emu, 'ListEmailAddress', {}, { timestamp: now - 400 });
    expect(r.Error?.Code).toBe('AuthFailure.SignatureExpire');
    expect(r.Error?.Message).toMatch(/server time \d{10}/);
    expect(await code({ timestamp: now + 400 })).toBe('AuthFailure.SignatureExpire');
  });

  it('knows SecretIds, the Authorization format, the credential date and STS tokens', async () => {
    expect(await code({ key: { id: 'AKIDunknown', secret: 'x' } })).toBe(
      'AuthFailure.SecretIdNotFound',
    );
    expect(await code({ authorization: 'TC3-HMAC-SHA256 Credential=AKIDpermanent' })).toBe(
      'AuthFailure.InvalidAuthorization',
    );
    expect(await code({ authorization: null })).toBe('AuthFailure.InvalidAuthorization');
    expect(await code({ key: temp })).toBe('AuthFailure.TokenFailure');
    expect(await code({ key: temp, token: 'stale' })).toBe('AuthFailure.TokenFailure');
    await tcOk(emu, 'ListEmailAddress', {}, { key: temp, token: temp.token });
    expect(await code({ token: 'unexpected' })).toBe('AuthFailure.TokenFailure');
    const ts = Math.floor(Date.now() / 1000);
    const yesterday = new Date((ts - 86_400) * 1000).toISOString().slice(0, 10);
    const auth = signTc3({
      host: emu.host,
      contentType: 'application/json',
      timestamp: ts,
      secretId: 'AKIDpermanent',
      secretKey: 'permsecret',
      payload: '{}',
      date: yesterday,
    }).authorization;
    expect(await code({ authorization: auth, timestamp: ts })).toBe('AuthFailure.SignatureFailure');
  });

  it('signs Content-Type as sent', async () => {
    await tcOk(emu, 'ListEmailAddress', {}, { contentType: 'application/json; charset=utf-8' });
  });

  it('checks version, region and action after the signature', async () => {
    expect(await code({ version: '2019-01-01' })).toBe('NoSuchVersion');
    expect(await code({ region: null })).toBe('MissingParameter');
    expect(await code({ region: 'ap-beijing' })).toBe('UnsupportedRegion');
    const unknown = (await tc(emu, 'NoSuchThing', {})).Error;
    expect(unknown?.Code).toBe('InvalidAction');
    expect(unknown?.Message).toContain('SES has no action NoSuchThing (@mailbridge/emulator');
    const unimplemented = await tc(emu, 'UpdateCustomBlackList', {});
    expect(unimplemented.Error).toEqual({
      Code: 'UnsupportedOperation',
      Message: 'action UpdateCustomBlackList is not implemented by @mailbridge/emulator',
    });
    expect(await code({ method: 'GET', sendBody: '' })).toBe('UnsupportedOperation');
  });
});
