/**
 * A loopback proxy for the DirectMail SDK interop tests: it records every raw request the SDK
 * sends (to replay it byte for byte) and can rewrite the body in flight (to tamper with it).
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface RawAnswer {
  readonly status: number;
  readonly body: string;
}

/** Send raw bytes to the emulator (used to forward and to replay). */
export function send(port: number, raw: RawRequest): Promise<RawAnswer> {
  const { 'transfer-encoding': _chunked, ...rest } = raw.headers;
  const headers = { ...rest, 'content-length': String(raw.body.length) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: raw.method, path: raw.path, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(raw.body);
  });
}

/** A loopback proxy to the emulator: records every raw request; `rewrite` may alter the body. */
export class RecordingProxy {
  readonly seen: RawRequest[] = [];
  rewrite: ((body: string) => string) | undefined;
  private server: Server | undefined;
  port = 0;

  async start(target: number): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks),
        };
        this.seen.push(raw);
        const body = this.rewrite ? Buffer.from(this.rewrite(raw.body.toString('utf8'))) : raw.body;
        void send(target, { ...raw, body }).then((answer) => {
          res.writeHead(answer.status, { 'content-type': 'application/json;charset=utf-8' });
          res.end(answer.body);
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
