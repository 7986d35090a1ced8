import { fromConfig } from '@mailbridge/core';
import { thrownMailError as failure } from '@mailbridge/core/testing';
import { describe, expect, it } from 'vitest';
import { configFromUrl, resolveConfig } from '../src/config.js';
import { aliyunDm } from '../src/provider.js';

const credentials = { id: 'id', secret: 'secret' };

describe('config', () => {
  it.each([
    ['cn-hangzhou', 'https://dm.aliyuncs.com'],
    ['ap-southeast-1', 'https://dm.ap-southeast-1.aliyuncs.com'],
    ['ap-southeast-2', 'https://dm.ap-southeast-2.aliyuncs.com'],
    ['us-east-1', 'https://dm.us-east-1.aliyuncs.com'],
    ['eu-central-1', 'https://dm.eu-central-1.aliyuncs.com'],
  ] as const)('region %s -> %s', (region, origin) => {
    const config = resolveConfig({ region, credentials });
    expect(config.origin).toBe(origin);
    expect(config.version).toBe('2015-11-23');
    expect(config.signatureVersion).toBe('v1');
  });

  it('refuses an unknown region and names the key', () => {
    const error = failure(() => resolveConfig({ region: 'cn-beijing', credentials }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('region');
  });

  it('requires region', () => {
    expect(failure(() => resolveConfig({ credentials })).message).toContain('region');
  });

  it('requires a config in the factory type too, so a missing region fails at compile time', () => {
    // @ts-expect-error a config (its region) is required
    expect(failure(() => aliyunDm()).message).toContain('region');
  });

  it('refuses an unknown key, naming it', () => {
    const error = failure(() => resolveConfig({ region: 'cn-hangzhou', credentials, regoin: 'x' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('regoin');
  });

  it('takes a configurable version and the V3 signer', () => {
    const config = resolveConfig({
      region: 'ap-southeast-1',
      version: '2017-06-22',
      signatureVersion: 'v3',
      credentials,
    });
    expect(config).toMatchObject({ version: '2017-06-22', signatureVersion: 'v3' });
    expect(
      failure(() => resolveConfig({ region: 'cn-hangzhou', version: 'latest', credentials }))
        .message,
    ).toContain('version');
    expect(
      failure(() => resolveConfig({ region: 'cn-hangzhou', signatureVersion: 'v2', credentials }))
        .message,
    ).toContain('signatureVersion');
  });

  it('allows plain http only on loopback', () => {
    expect(
      resolveConfig({ region: 'cn-hangzhou', endpoint: 'http://127.0.0.1:1234', credentials })
        .origin,
    ).toBe('http://127.0.0.1:1234');
    expect(
      resolveConfig({ region: 'cn-hangzhou', endpoint: 'http://localhost:99/', credentials }).host,
    ).toBe('localhost:99');
    expect(
      resolveConfig({ region: 'cn-hangzhou', endpoint: 'https://dm.example.net', credentials })
        .origin,
    ).toBe('https://dm.example.net');
    for (const endpoint of [
      'http://dm.aliyuncs.com',
      'http://10.0.0.1',
      'ftp://127.0.0.1',
      'not a url',
      'https://h/path',
    ]) {
      const error = failure(() => resolveConfig({ region: 'cn-hangzhou', endpoint, credentials }));
      expect(error.code).toBe('invalid_input');
      expect(error.issues[0]?.path).toEqual(['endpoint']);
    }
  });

  it('reads the official environment variables, STS token included', async () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'env-token',
    };
    const config = resolveConfig({ region: 'cn-hangzhou' }, env);
    expect(await config.credentials()).toEqual({
      id: 'env-id',
      secret: 'env-secret',
      token: 'env-token',
    });
  });

  it('fails without credentials, naming the variables', () => {
    const error = failure(() => resolveConfig({ region: 'cn-hangzhou' }, {}));
    expect(error.message).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
  });

  it('calls an async credentials function per resolution (rotating STS tokens)', async () => {
    let n = 0;
    const config = resolveConfig({
      region: 'cn-hangzhou',
      credentials: async () => ({ id: 'id', secret: 's', token: `t${++n}` }),
    });
    expect((await config.credentials()).token).toBe('t1');
    expect((await config.credentials()).token).toBe('t2');
  });

  it('fromUrl: host is the region, query keys are config keys', () => {
    const url = new URL(
      'aliyun-dm://cn-hangzhou?endpoint=http://127.0.0.1:1234&signatureVersion=v3&timeoutMs=5000',
    );
    expect(configFromUrl(url)).toEqual({
      region: 'cn-hangzhou',
      endpoint: 'http://127.0.0.1:1234',
      signatureVersion: 'v3',
      timeoutMs: '5000',
    });
    const provider = aliyunDm({ ...(configFromUrl(url) as object), credentials } as never);
    expect(provider.origin).toBe('http://127.0.0.1:1234');
    expect(provider.transport).toEqual({ timeoutMs: 5000 });
    expect(aliyunDm.id).toBe('aliyun-dm');
  });

  it('refuses credentials inside the URL (core fromConfig, the same for every adapter)', () => {
    const error = failure(() =>
      fromConfig('aliyun-dm://my%2Bid:s%2Fecret@cn-hangzhou', [aliyunDm]),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('credentials do not belong in the URL');
    expect(error.message).not.toContain('s/ecret');
    expect(error.message).not.toContain('s%2Fecret');
  });

  it('fromUrl with an unknown query key fails naming it', () => {
    const url = new URL('aliyun-dm://cn-hangzhou?endpiont=x');
    expect(
      failure(() => aliyunDm({ ...(configFromUrl(url) as object), credentials } as never)).message,
    ).toContain('endpiont');
  });
});
