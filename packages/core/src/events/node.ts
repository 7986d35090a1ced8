/**
 * Mount a web-standard handler (`createEventReceiver(...).handle`) on `node:http`: the request
 * body is streamed into the `Request` (so the handler's size cap stops reading early) and the
 * `Response` is written back. Nothing here can throw into Node's event loop.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

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
    ...(hasBody ? { body: bodyOf(req), duplex: 'half' as const } : {}),
  } as RequestInit);
}

/**
 * The request body as a web stream. Cancelling it (the handler's size cap) stops reading and
 * lets the rest drain without destroying the socket, so the 413 still reaches the client
 * (`Readable.toWeb` would destroy the request, and the answer with it).
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  const quietly = (fn: () => void) => {
    try {
      if (!cancelled) fn();
    } catch {
      // The consumer went away between two chunks: nothing left to hand the data to.
    }
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) =>
        quietly(() => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) <= 0) req.pause();
        }),
      );
      req.on('end', () => quietly(() => controller.close()));
      req.on('error', (error) => quietly(() => controller.error(error)));
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      cancelled = true;
      req.resume();
    },
  });
}
