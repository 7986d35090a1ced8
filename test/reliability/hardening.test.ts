/**
 * The configuration hardening users rely on, per adapter: credentials never travel over plain
 * http off loopback (including look-alike hosts), an unknown or mistyped config key fails at
 * construction naming the key, and the transport limits are validated. Each case is a real
 * construction through the adapter factory and `createMailer`, with no request made.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, isMailError, type Provider } from '@mailbridge/core';
import { tencentSes } from '@mailbridge/tencent-ses';
import { describe, expect, it } from 'vitest';

const credentials = { id: 'AKIDhardening', secret: 'hardening-secret-value' };

const FACTORIES: readonly {
  readonly id: string;
  readonly make: (config: Record<string, unknown>) => Provider;
}[] = [
  {
    id: 'aliyun-dm',
    make: (config) => aliyunDm({ region: 'cn-hangzhou', credentials, ...config } as never),
  },
  {
    id: 'tencent-ses',
    make: (config) => tencentSes({ region: 'ap-guangzhou', credentials, ...config } as never),
  },
];

/** The MailError thrown while building a mailer for `config`, or undefined when it builds. */
function refusal(make: (c: Record<string, unknown>) => Provider, config: Record<string, unknown>) {
  try {
    const mailer = createMailer(make(config));
    void mailer.close();
    return undefined;
  } catch (error) {
    if (!isMailError(error)) throw error;
    return error;
  }
}

const INSECURE = [
  'http://example.com',
  'HTTP://EXAMPLE.COM',
  'http://localhost.example.com',
  'http://127.0.0.1.nip.io',
  'http://127.0.0.1@example.com',
  'http://10.0.0.1',
  'http://[::ffff:8.8.8.8]',
  'ftp://127.0.0.1',
  'not a url',
];
const ALLOWED = [
  'https://dm.aliyuncs.com',
  'https://ses.tencentcloudapi.com',
  'http://127.0.0.1:8025',
  'http://localhost:8025',
  'http://[::1]:8025',
];

for (const { id, make } of FACTORIES) {
  describe(`hardening: ${id}`, () => {
    it.each(INSECURE)('refuses the endpoint %s before any request', (endpoint) => {
      const error = refusal(make, { endpoint });
      expect(error?.code).toBe('invalid_input');
      expect(error?.issues.map((i) => i.path.join('.'))).toContain('endpoint');
      expect(JSON.stringify(error)).not.toContain(credentials.secret);
    });

    it.each(ALLOWED)('accepts the endpoint %s', (endpoint) => {
      expect(refusal(make, { endpoint })).toBeUndefined();
    });

    it('refuses an unknown or mistyped key, naming it', () => {
      for (const key of ['timeout', 'retry', 'endpoints', 'Region']) {
        const error = refusal(make, { [key]: 1 });
        expect(error?.code).toBe('invalid_input');
        expect(error?.message).toContain(key);
      }
    });

    it('refuses transport limits that would disable a safeguard', () => {
      for (const bad of [
        { timeoutMs: 0 },
        { timeoutMs: -1 },
        { timeoutMs: 10_000_000 },
        { maxResponseBytes: 0 },
        { retries: -1 },
        { retries: 1.5 },
      ]) {
        const error = refusal(make, bad);
        expect(error?.code, JSON.stringify(bad)).toBe('invalid_input');
        expect(error?.message).toContain(Object.keys(bad)[0]);
      }
    });
  });
}
