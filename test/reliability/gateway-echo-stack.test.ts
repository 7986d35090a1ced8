/**
 * A gateway that quotes the request back in its error (reliability/gateway.test.ts): the
 * redacted message must also be what the stack shows. The stack is rebuilt from the message, and
 * a message holding `$&` (a subject such as "Save $& more", quoted raw from a JSON body) must not
 * bring the unredacted text back into it: `console.log(error)` prints the stack.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { isMailError } from '@mailbridge/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mailerFor, TARGETS } from './targets.js';

const KEY_ID = 'AKIDgatewayStack0001';
const SECRET = 'gateway-stack-secret-0001';
const TOKEN = 'gateway-stack-sts-token-0001';

let server: Server;
let origin = '';
let lastRequest = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      lastRequest = `${req.method} ${req.url} ${JSON.stringify(req.headers)} ${Buffer.concat(chunks)}`;
      const quoted = { Code: 'InvalidParameter', Message: lastRequest };
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ Response: { Error: quoted, RequestId: 'gw-stack' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('tencent-ses: a quoted request holding "$&" leaves no token, key id or signature in the stack', async () => {
  const target = TARGETS.find((t) => t.id === 'tencent-ses')!;
  const mailer = mailerFor(target, {
    endpoint: origin,
    credentials: () => ({ id: KEY_ID, secret: SECRET, token: TOKEN }),
    options: { retry: { retries: 0 } },
  });
  try {
    const message = { ...target.message('stack@example.com'), subject: 'Save $& more' };
    const error = await mailer.send(message).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isMailError(error)).toBe(true);
    expect((error as Error).message).toContain('Save $& more');
    const signature = /Signature=([0-9a-f]{64})/.exec(lastRequest)?.[1];
    expect(signature).toBeDefined();
    for (const text of [String((error as Error).stack), inspect(error)]) {
      for (const secret of [TOKEN, KEY_ID, signature as string]) expect(text).not.toContain(secret);
    }
  } finally {
    await mailer.close();
  }
});
