/**
 * The https/loopback endpoint rule has one home, `checkEndpoint` in the adapter kit
 * (packages/core/src/run/endpoint.ts). Every place a user meets it refuses plain http to
 * `example.com`, accepts plain http on loopback and https, and names the key in the error:
 * the kit itself, each adapter's config (object and URL), `createMailer` for a provider's
 * origin, and every request URL an adapter builds.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, fromConfig, type MailError, type Provider } from '@mailbridge/core';
import { checkEndpoint, defineProvider, endpointOrigin } from '@mailbridge/core/provider';
import { TESTING_CAPABILITIES } from '@mailbridge/core/testing';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, thrown } from '../helpers/failure.js';

const REFUSED = 'http://example.com';
// Loopback port 1 and an https name: nothing is contacted while constructing.
const ACCEPTED = ['http://127.0.0.1:1', 'https://mail.example.com'];

function expectRefusal(error: MailError, path: readonly string[] = ['endpoint']): void {
  expect(error.code).toBe('invalid_input');
  expect(error.delivery).toBe('not_sent');
  expect(error.issues?.[0]?.path).toEqual(path);
  expect(error.message).toContain('http://example.com is not allowed');
}

const aliyunKey = { id: 'LTAIendpoint', secret: 'endpoint-secret' };
const tencentKey = { id: 'AKIDendpoint', secret: 'endpoint-secret' };
const regions = { 'aliyun-dm': 'cn-hangzhou', 'tencent-ses': 'ap-guangzhou' };
const adapters = {
  'aliyun-dm': (endpoint: string) =>
    aliyunDm({ region: 'cn-hangzhou', endpoint, credentials: aliyunKey }),
  'tencent-ses': (endpoint: string) =>
    tencentSes({ region: 'ap-guangzhou', endpoint, credentials: tencentKey }),
};

describe('the endpoint rule, in the kit', () => {
  it('refuses plain http off loopback, naming the field given', () => {
    expectRefusal(thrown(() => checkEndpoint(REFUSED)));
    expectRefusal(
      thrown(() => checkEndpoint(REFUSED, { field: 'relay.url' })),
      ['relay', 'url'],
    );
    expectRefusal(thrown(() => endpointOrigin(REFUSED, 'acme')));
    expect(thrown(() => endpointOrigin(REFUSED, 'acme')).provider).toBe('acme');
  });

  it.each(ACCEPTED)('accepts %s', (url) => {
    expect(checkEndpoint(url).origin).toBe(url);
    expect(endpointOrigin(url, 'acme')).toBe(url);
  });
});

describe.each(Object.entries(adapters))('the endpoint rule, in %s config', (id, make) => {
  it('refuses plain http off loopback, naming endpoint', () => {
    const error = thrown(() => make(REFUSED));
    expectRefusal(error);
    expect(error.provider).toBe(id);
  });

  it('refuses it in a config URL too', () => {
    const url = `${id}://${regions[id as keyof typeof regions]}?endpoint=${REFUSED}`;
    const error = thrown(() => fromConfig(url, [aliyunDm, tencentSes]));
    expectRefusal(error);
  });

  it.each(ACCEPTED)('accepts %s', (url) => {
    expect(make(url).origin).toBe(url);
  });
});

/** A provider at `origin` whose send request goes to `url`. */
function providerAt(origin: string, url = `${origin}/send`): Provider {
  return defineProvider({
    id: 'acme',
    origin,
    capabilities: { ...TESTING_CAPABILITIES, provider: 'acme' },
    send: () => ({
      action: 'send',
      kind: 'send',
      build: () => ({ method: 'POST', url, headers: {}, body: '{}' }),
      parse: () => ({ messageId: 'm1' }),
    }),
    sendBatch: () => {
      throw new Error('not used');
    },
    groups: undefined as unknown as Provider['groups'],
    raw: () => ({}),
  });
}

const message = { from: 'noreply@example.com', to: 'ann@example.com', subject: 'Hi', text: 'x' };
const mailers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(mailers.splice(0).map((m) => m.close()));
});

describe('the endpoint rule, in createMailer and on every request', () => {
  it('refuses a provider whose origin is plain http off loopback, naming endpoint', () => {
    const error = thrown(() => createMailer(providerAt(REFUSED)));
    expectRefusal(error);
    expect(error.provider).toBe('acme');
  });

  it.each(ACCEPTED)('accepts a provider at %s', async (origin) => {
    const mailer = createMailer(providerAt(origin));
    mailers.push(mailer);
    expect(mailer.provider).toBe('acme');
  });

  it('refuses a request URL that drifted to plain http, before sending', async () => {
    let requests = 0;
    const mailer = createMailer(providerAt('https://127.0.0.1:1', `${REFUSED}/send`), {
      retry: { retries: 0 },
      hooks: { onRequest: () => (requests += 1) },
    });
    mailers.push(mailer);
    const error = await failure(mailer.send(message));
    expectRefusal(error);
    expect(error.attempts).toBe(1);
    expect(requests).toBe(1); // built and described, then refused by the client: nothing sent
  });

  it.each(['http://127.0.0.1:1/send', 'https://127.0.0.1:1/send'])(
    'lets a request to %s through the check (it then fails to connect)',
    async (url) => {
      const mailer = createMailer(providerAt('https://127.0.0.1:1', url), {
        retry: { retries: 0 },
      });
      mailers.push(mailer);
      const error = await failure(mailer.send(message));
      expect(error.code).toBe('network');
      expect(error.delivery).toBe('not_sent');
    },
  );
});
