import { fromConfig } from '@mailbridge/core';
import { thrownMailError as fails } from '@mailbridge/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveTencentSesConfig } from '../src/config.js';
import { tencentSes } from '../src/provider.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const credentials = { id: 'AKIDtest', secret: 'secret-key' };

describe('config', () => {
  it('requires a config in the factory type too, so a missing region fails at compile time', () => {
    // @ts-expect-error a config (its region) is required
    expect(fails(() => tencentSes()).message).toContain('region');
  });

  it.each([
    ['ap-guangzhou', 'china', 'https://ses.tencentcloudapi.com'],
    ['ap-hongkong', 'china', 'https://ses.tencentcloudapi.com'],
    ['ap-singapore', 'intl', 'https://ses.intl.tencentcloudapi.com'],
  ] as const)('%s -> site %s at %s', (region, site, origin) => {
    const settings = resolveTencentSesConfig({ region, credentials });
    expect(settings).toMatchObject({ region, site, origin, allowRawContent: false });
  });

  it('lets site and endpoint override the default host', () => {
    expect(
      resolveTencentSesConfig({ region: 'ap-hongkong', site: 'intl', credentials }).origin,
    ).toBe('https://ses.intl.tencentcloudapi.com');
    const regional = resolveTencentSesConfig({
      region: 'ap-hongkong',
      endpoint: 'https://ses.ap-hongkong.tencentcloudapi.com',
      credentials,
    });
    expect(regional).toMatchObject({
      origin: 'https://ses.ap-hongkong.tencentcloudapi.com',
      host: 'ses.ap-hongkong.tencentcloudapi.com',
    });
    const emulator = resolveTencentSesConfig({
      region: 'ap-guangzhou',
      endpoint: 'http://127.0.0.1:4567',
      credentials,
    });
    expect(emulator).toMatchObject({ origin: 'http://127.0.0.1:4567', host: '127.0.0.1:4567' });
  });

  it.each([
    'http://ses.example.com',
    'ftp://127.0.0.1',
    'https://ses.example.com/path',
    'not a url',
  ])('rejects endpoint %s', (endpoint) => {
    const error = fails(() =>
      resolveTencentSesConfig({ region: 'ap-guangzhou', endpoint, credentials }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('endpoint');
  });

  it('rejects unknown keys and bad values, naming the key', () => {
    expect(
      fails(() => resolveTencentSesConfig({ region: 'ap-guangzhou', credentials, regoin: 'x' }))
        .message,
    ).toContain('regoin');
    expect(
      fails(() => resolveTencentSesConfig({ region: 'us-east-1', credentials })).message,
    ).toContain('region');
    expect(fails(() => resolveTencentSesConfig({ credentials })).message).toContain('region');
    expect(
      fails(() => resolveTencentSesConfig({ region: 'ap-guangzhou', credentials, language: 'fr' }))
        .message,
    ).toContain('language');
  });

  it('reads the official environment variables, token included', async () => {
    const env = {
      TENCENTCLOUD_SECRET_ID: 'id-env',
      TENCENTCLOUD_SECRET_KEY: 'key-env',
      TENCENTCLOUD_SESSION_TOKEN: 'tok',
    };
    const settings = resolveTencentSesConfig({ region: 'ap-guangzhou' }, env);
    expect(await settings.credentials()).toEqual({ id: 'id-env', secret: 'key-env', token: 'tok' });
    expect(settings.secrets).toEqual(['key-env', 'tok']);
  });

  it('fails naming the variables when no credentials are found', () => {
    const error = fails(() => resolveTencentSesConfig({ region: 'ap-guangzhou' }, {}));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('TENCENTCLOUD_SECRET_ID');
  });

  it('calls an async credentials function per attempt', async () => {
    let calls = 0;
    const settings = resolveTencentSesConfig({
      region: 'ap-guangzhou',
      credentials: async () => ({ id: `id${++calls}`, secret: 's', token: 't' }),
    });
    expect((await settings.credentials()).id).toBe('id1');
    expect((await settings.credentials()).id).toBe('id2');
  });

  it('builds from a URL through fromConfig', () => {
    // Stubbed, and restored after the test (vi.unstubAllEnvs below): never left in process.env.
    vi.stubEnv('TENCENTCLOUD_SECRET_ID', process.env.TENCENTCLOUD_SECRET_ID ?? 'AKIDfromenv');
    vi.stubEnv('TENCENTCLOUD_SECRET_KEY', process.env.TENCENTCLOUD_SECRET_KEY ?? 'keyfromenv');
    const provider = fromConfig(
      'tencent-ses://ap-guangzhou?endpoint=http://127.0.0.1:1234&timeoutMs=5000&allowRawContent=true',
      [tencentSes],
    );
    expect(provider.id).toBe('tencent-ses');
    expect(provider.origin).toBe('http://127.0.0.1:1234');
    expect(provider.transport).toEqual({ timeoutMs: 5000 });
    expect(provider.capabilities.content.html).toBe(true);
    expect(tencentSes.id).toBe('tencent-ses');
  });

  it('refuses credentials inside the URL (core fromConfig, the same for every adapter)', () => {
    const error = fails(() => fromConfig('tencent-ses://id:s3cret@ap-guangzhou', [tencentSes]));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('credentials do not belong in the URL');
    expect(error.message).not.toContain('s3cret');
  });

  it('overrides rate limits for every action or per action', () => {
    const all = tencentSes({ region: 'ap-guangzhou', credentials, rateLimit: 5 }).capabilities
      .rateLimits;
    expect(all.SendEmail).toMatchObject({ requests: 5, perMs: 1000 });
    const one = tencentSes({
      region: 'ap-guangzhou',
      credentials,
      rateLimit: { SendEmail: { requests: 2, perMs: 1000 } },
    });
    expect(one.capabilities.rateLimits.SendEmail).toMatchObject({ requests: 2, perMs: 1000 });
    expect(one.capabilities.rateLimits.ListReceivers).toMatchObject({ requests: 20, perMs: 1000 });
  });
});
