/**
 * A proxy or gateway answering with a non-2xx status and a JSON body shaped like a provider's
 * success must never be a successful send: a loopback server plays that gateway for both
 * adapters (redirects included: undici does not follow them, and neither may we pretend the
 * send happened). The caller gets a `MailError` whose `delivery` is truthful: the gateway may
 * have passed the request on, so `unknown`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMailError } from '@mailbridge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailerFor, TARGETS } from './targets.js';

/** A provider-shaped success body for each adapter (no error code in either). */
const SUCCESS_BODY: Record<string, string> = {
  'aliyun-dm': '{"EnvId":"600000000000000001","RequestId":"gw-1"}',
  'tencent-ses': '{"Response":{"MessageId":"gw-1","RequestId":"gw-1"}}',
};

let server: Server;
let origin = '';
let status = 502;
let provider = 'aliyun-dm';
let requests = 0;
/** When set, the gateway answers with a provider error whose message quotes the request. */
let echo: ((request: string) => string) | undefined;
let lastRequest = '';

/** The provider's error envelope quoting `text` as its message. */
function errorEnvelope(target: string, text: string): string {
  return target === 'aliyun-dm'
    ? JSON.stringify({ Code: 'InvalidParameter', Message: text, RequestId: 'gw-2' })
    : JSON.stringify({
        Response: { Error: { Code: 'InvalidParameter', Message: text }, RequestId: 'gw-2' },
      });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests += 1;
      lastRequest = `${req.method} ${req.url} ${JSON.stringify(req.headers)} ${Buffer.concat(chunks)}`;
      if (echo) {
        res.writeHead(400, { 'content-type': 'application/json' });
        return void res.end(errorEnvelope(provider, echo(lastRequest)));
      }
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(status >= 300 && status < 400 ? { location: 'http://127.0.0.1:9/elsewhere' } : {}),
      });
      res.end(SUCCESS_BODY[provider]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

for (const target of TARGETS) {
  describe(`${target.id}: a non-2xx answer with a success-shaped body`, () => {
    it.each([301, 302, 307, 400, 404, 500, 502, 503, 504])(
      'HTTP %i is not a send',
      async (code) => {
        status = code;
        provider = target.id;
        requests = 0;
        const mailer = mailerFor(target, {
          endpoint: origin,
          credentials: () => ({ id: 'AKIDgateway0001', secret: 'gateway-secret-0001' }),
          options: { retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 } },
        });
        const outcome = await mailer.send(target.message('gw@example.com')).then(
          (result) => ({ sent: true, result }),
          (error: unknown) => ({ sent: false, error }),
        );
        await mailer.close();
        expect(outcome.sent, `HTTP ${code} taken as a send`).toBe(false);
        const error = (outcome as { error: unknown }).error;
        expect(isMailError(error)).toBe(true);
        expect(error).toMatchObject({ delivery: 'unknown', httpStatus: code });
        expect(requests).toBeGreaterThan(0);
      },
    );
  });
}

const KEY_ID = 'AKIDgatewayEcho0001';
const SECRET = 'gateway-echo-secret-0001';

for (const target of TARGETS) {
  describe(`${target.id}: a gateway quoting the request back in its error`, () => {
    it.each<[string, (r: string) => string]>([
      ['raw', (r) => r],
      ['as HTML entities', (r) => r.replace(/[^A-Za-z0-9 ]/g, (c) => `&#${c.charCodeAt(0)};`)],
      [
        'as \\u escapes',
        (r) =>
          r.replace(/[^A-Za-z0-9 ]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      ],
      ['base64', (r) => Buffer.from(r).toString('base64')],
    ])('%s: no key id, secret or signature in the error', async (_name, encode) => {
      provider = target.id;
      echo = encode;
      const mailer = mailerFor(target, {
        endpoint: origin,
        credentials: () => ({ id: KEY_ID, secret: SECRET }),
        options: { retry: { retries: 0 } },
      });
      try {
        const error = await mailer.send(target.message('echo@example.com')).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isMailError(error)).toBe(true);
        const texts = [
          String((error as Error).message),
          JSON.stringify(error),
          String((error as { providerMessage?: string }).providerMessage),
        ];
        // The quote really reached the error: the request line is in it.
        expect(texts.join(' ')).toContain(encode('POST').slice(0, 4));
        const signature = /Signature=([0-9a-fA-F]{16,})|Signature=([^&\s"]+)/.exec(lastRequest);
        const secrets = [KEY_ID, SECRET, signature?.[1] ?? signature?.[2] ?? ''].filter(
          (x) => x.length > 8,
        );
        for (const secret of secrets) {
          for (const text of texts) {
            expect(text).not.toContain(secret);
            expect(text).not.toContain(encode(secret));
          }
        }
      } finally {
        echo = undefined;
        await mailer.close();
      }
    });
  });
}
