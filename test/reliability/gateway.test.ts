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

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
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
