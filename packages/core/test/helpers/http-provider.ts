/**
 * A minimal network provider for core tests: JSON over HTTP to a loopback node:http server,
 * so requests travel through the real undici client and an injected dispatcher.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MailError, type Provider } from '../../src/index.js';
import { defineProvider, type Operation } from '../../src/provider/index.js';
import { TESTING_CAPABILITIES } from '../../src/testing/testing.js';

export interface EchoServer {
  readonly origin: string;
  readonly received: string[];
  close(): Promise<void>;
}

/** A loopback server that accepts every request and answers `{ id }`. */
export async function startEchoServer(): Promise<EchoServer> {
  const received: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(Buffer.concat(chunks).toString('utf8'));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `m${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One JSON POST to `origin/action`, read with `read`. */
export function op<T>(
  origin: string,
  action: string,
  payload: unknown,
  read: (body: Record<string, unknown>) => T,
  kind: Operation<T>['kind'] = 'send',
): Operation<T> {
  return {
    action,
    kind,
    build: () => ({
      method: 'POST',
      url: `${origin}/${action}`,
      headers: { 'content-type': 'application/json', authorization: 'Bearer echo-secret-token' },
      body: JSON.stringify(payload),
      secrets: ['echo-secret-token'],
    }),
    parse: (response) => {
      if (response.status !== 200) throw new MailError('echo failed', { code: 'unknown' });
      return read(JSON.parse(response.body) as Record<string, unknown>);
    },
  };
}

/** An echo provider with the testing capabilities (optionally overridden). */
export function echoProvider(origin: string, capabilities = TESTING_CAPABILITIES): Provider {
  return defineProvider({
    id: 'echo',
    origin,
    capabilities: { ...capabilities, provider: 'echo' },
    secrets: () => ['echo-secret-token'],
    send: (message) => op(origin, 'send', message, (b) => ({ messageId: String(b['id']) })),
    sendBatch: (batch) => op(origin, 'batch', batch, (b) => ({ batchId: String(b['id']) })),
    groups: {
      create: (input) =>
        op(origin, 'create', input, (b) => ({ id: String(b['id']), name: input.name })),
      list: () => op(origin, 'list', {}, () => ({ items: [] })),
      addRecipients: (group, chunk) =>
        op(origin, 'add', { group, chunk }, () => ({ added: chunk.length })),
      listRecipients: () => op(origin, 'recipients', {}, () => ({ items: [] })),
      delete: (group) => op(origin, 'delete', { group }, () => undefined),
    },
    raw: () => ({}),
  });
}
