/**
 * A raw `node:net` proxy in front of the emulator that misbehaves at the socket level the way a
 * real network does, one scripted fault per request:
 * - `pass`: forward, answer with the emulator's reply;
 * - `reset-unread`: reset the connection before reading the request (never forwarded);
 * - `reset-after`: forward (the emulator executes it), then reset instead of answering;
 * - `reset-mid-reply`: forward, write half of the reply, then reset.
 * A reset is a TCP RST (`resetAndDestroy`), so the client sees a genuine ECONNRESET.
 */
import { request as httpRequest } from 'node:http';
import { type AddressInfo, createServer, type Socket } from 'node:net';

/** What the proxy does with one request. */
export type SocketFault = 'pass' | 'reset-unread' | 'reset-after' | 'reset-mid-reply';

/** The running proxy. */
export interface FaultProxy {
  readonly origin: string;
  /** Faults for the next requests, in order; once used up every request passes. */
  script(...faults: SocketFault[]): void;
  /** Requests read in full and forwarded to the emulator. */
  readonly forwarded: number;
  close(): Promise<void>;
}

interface Parsed {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  readonly rest: Buffer;
}

/** Start a proxy on 127.0.0.1 port 0 that forwards to `target` (an http origin). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const queue: SocketFault[] = [];
  let forwarded = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (queue[0] === 'reset-unread') {
      queue.shift();
      socket.resetAndDestroy();
      return;
    }
    let buffer: Buffer = Buffer.alloc(0);
    let busy = false;
    const pump = async () => {
      if (busy) return;
      busy = true;
      for (let parsed = parse(buffer); parsed; parsed = parse(buffer)) {
        buffer = parsed.rest;
        const fault = queue.shift() ?? 'pass';
        if (fault === 'reset-unread') {
          socket.resetAndDestroy();
          return;
        }
        forwarded += 1;
        const reply = await forward(upstream, parsed);
        if (fault === 'reset-after') return void socket.resetAndDestroy();
        if (fault === 'reset-mid-reply') {
          socket.write(reply.subarray(0, Math.floor(reply.length / 2)));
          setTimeout(() => socket.resetAndDestroy(), 20);
          return;
        }
        socket.write(reply);
      }
      busy = false;
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      void pump();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    script: (...faults) => void queue.push(...faults),
    get forwarded() {
      return forwarded;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** One complete HTTP/1.1 request (Content-Length bodies only: what our clients send). */
function parse(buffer: Buffer): Parsed | undefined {
  const end = buffer.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [start = '', ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const [method = 'GET', path = '/'] = start.split(' ');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buffer.length < end + 4 + length) return undefined;
  const body = buffer.subarray(end + 4, end + 4 + length);
  return { method, path, headers, body, rest: buffer.subarray(end + 4 + length) };
}

/** Forward to the emulator and return its reply as raw HTTP/1.1 bytes. */
function forward(upstream: URL, req: Parsed): Promise<Buffer> {
  const headers = { ...req.headers, host: upstream.host, connection: 'keep-alive' };
  return new Promise((resolve, reject) => {
    const out = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.path,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const type = res.headers['content-type'] ?? 'application/json';
          const head =
            `HTTP/1.1 ${res.statusCode} OK\r\ncontent-type: ${type}\r\n` +
            `content-length: ${body.length}\r\nconnection: keep-alive\r\n\r\n`;
          resolve(Buffer.concat([Buffer.from(head, 'latin1'), body]));
        });
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(req.body);
  });
}
