/**
 * Loopback fixtures for the HTTP client tests: node:http servers on 127.0.0.1 port 0 that record
 * what they receive, a port nothing listens on, and one cleanup for everything a test opened.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import type { HttpRequest } from '../../src/provider/index.js';
import { createHttpClient, type HttpClient } from '../../src/run/http.js';

export interface Loopback {
  readonly origin: string;
  /** Request bodies received, in order. */
  readonly received: string[];
  /** TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

const open: { close(): Promise<void> }[] = [];

/** Close every server and client the current test opened (call from `afterEach`). */
export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((item) => item.close()));
}

/** A node:http server on 127.0.0.1, port 0, that records bodies and counts connections. */
export async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<Loopback> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      loopback.received.push(body);
      handler(req, res, body);
    });
  });
  server.on('connection', () => {
    loopback.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const loopback: Loopback = {
    origin: `http://127.0.0.1:${port}`,
    received: [],
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(loopback);
  return loopback;
}

/** A client with short test defaults, closed by `closeAll`. */
export function client(options: Partial<Parameters<typeof createHttpClient>[0]> = {}): HttpClient {
  const created = createHttpClient({
    origin: 'http://127.0.0.1',
    timeoutMs: 2_000,
    maxResponseBytes: 1024 * 1024,
    ...options,
  });
  open.push(created);
  return created;
}

/** A signed-looking JSON POST to `origin`. */
export function post(origin: string, body = '{"to":"ann@example.com"}'): HttpRequest {
  return {
    method: 'POST',
    url: `${origin}/v1/send?Action=SingleSendMail`,
    headers: { 'content-type': 'application/json', authorization: 'Bearer secret-token-123' },
    body,
  };
}

/** A port that was just free: bind, read the port, close. Nothing listens there now. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
