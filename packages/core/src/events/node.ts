/**
 * Mount a web-standard handler (`createEventReceiver(...).handle`) on `node:http`: the request
 * body is streamed into the `Request` (so the handler's size cap stops reading early) and the
 * `Response` is written back. Nothing here can throw into Node's event loop.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

/** A `node:http` request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Adapt `(Request) => Promise<Response>` to `(req, res) => void` for `http.createServer` (or
 * Express/Fastify raw routes).
 *
 * @example
 * ```ts
 * createServer(toNodeListener(receiver.handle)).listen(8080, '0.0.0.0');
 * ```
 */
export function toNodeListener(handler: (request: Request) => Promise<Response>): NodeListener {
  return (req, res) => {
    void respond(handler, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

async function respond(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const response = await handler(toRequest(req));
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // A refused body may still be arriving: close the connection rather than read the rest.
  if (!req.complete) headers.connection = 'close';
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    ...(hasBody
      ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' as const }
      : {}),
  } as RequestInit);
}
