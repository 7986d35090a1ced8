/**
 * `delivery` decided by whether the request was handed to the socket, on real loopback sockets:
 * a TCP reset during the TLS handshake (no request byte left) is `not_sent`; a reset after the
 * server read the request, or a caller's dispatcher destroyed while the reply is pending, is
 * `unknown`; a dispatcher that cannot dispatch is `not_sent`. And the deadline covers the whole
 * exchange, a trickled body included, with or without a caller signal.
 */
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { client, closeAll, post, serve } from './helpers/loopback.js';

const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await closeAll();
  await Promise.all(servers.splice(0).map((close) => close()));
});

/** A raw TCP server; `onSocket` decides what happens to each connection. */
async function rawServer(onSocket: (socket: Socket, received: Buffer[]) => void) {
  const received: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    onSocket(socket, received);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { port, received };
}

describe('delivery follows whether the request was written', () => {
  it('a reset during the TLS handshake: network, not_sent, retryable; no request byte arrived', async () => {
    const { port, received } = await rawServer((socket, received) => {
      socket.once('data', (hello: Buffer) => {
        received.push(hello);
        socket.resetAndDestroy();
      });
    });
    const request = post(`https://127.0.0.1:${port}`);
    const error = await rejectedMailError(
      client({ origin: `https://127.0.0.1:${port}` }).send(request),
    );
    expect(error).toMatchObject({ code: 'network', delivery: 'not_sent', retryable: true });
    expect(error.message).toContain('ECONNRESET');
    // What arrived is a TLS ClientHello (record type 0x16), never the HTTP request.
    expect(received).toHaveLength(1);
    expect(received[0]?.[0]).toBe(0x16);
    expect(Buffer.concat(received).toString('latin1')).not.toContain('ann@example.com');
  });

  it('a reset after the server read the whole request: network, unknown', async () => {
    const { port, received } = await rawServer((socket, received) => {
      socket.on('data', (chunk: Buffer) => {
        received.push(chunk);
        if (Buffer.concat(received).includes('ann@example.com')) socket.resetAndDestroy();
      });
    });
    const error = await rejectedMailError(client().send(post(`http://127.0.0.1:${port}`)));
    expect(Buffer.concat(received).toString()).toContain('"to":"ann@example.com"');
    expect(error).toMatchObject({ code: 'network', delivery: 'unknown', retryable: true });
    expect(error.message).toContain('ECONNRESET');
  });

  it("the caller's dispatcher destroyed while the reply is pending: unknown, not a local refusal", async () => {
    const server = await serve(() => {});
    const agent = new Agent();
    const pending = rejectedMailError(client({ dispatcher: agent }).send(post(server.origin)));
    await expect.poll(() => server.received.length).toBe(1);
    await agent.destroy();
    const error = await pending;
    expect(error).toMatchObject({ delivery: 'unknown' });
    expect(error.message).toContain('after the request was sent');
  });

  it('a destroyed dispatcher before the request: not_sent, not retryable, nothing arrives', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const agent = new Agent();
    await agent.destroy();
    const error = await rejectedMailError(client({ dispatcher: agent }).send(post(server.origin)));
    expect(error).toMatchObject({ code: 'unknown', delivery: 'not_sent', retryable: false });
    expect(server.connections).toBe(0);
  });

  it('a dispatcher that cannot dispatch: not_sent, not retryable, nothing arrives', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    // One without dispatch() at all is refused when the client is made (fetch-client.test.ts).
    const broken = {
      dispatch() {
        throw new TypeError('this dispatcher is broken');
      },
    } as unknown as Agent;
    const error = await rejectedMailError(client({ dispatcher: broken }).send(post(server.origin)));
    expect(error).toMatchObject({ code: 'unknown', delivery: 'not_sent', retryable: false });
    expect(error.message).toContain('refused before sending');
    expect(server.connections).toBe(0);
  });

  it('a request aborted while queued behind a busy connection: not_sent, and never written later', async () => {
    let release = () => {};
    const server = await serve((_req, res, body) => {
      if (body.includes('first')) release = () => res.end('{}');
      else res.end('{}');
    });
    const agent = new Agent({ connections: 1 });
    const http = client({ dispatcher: agent });
    try {
      const first = http.send(post(server.origin, '{"to":"first"}'));
      await expect.poll(() => server.received.length).toBe(1);
      const controller = new AbortController();
      const queued = http.send(post(server.origin, '{"to":"queued"}'), {
        signal: controller.signal,
      });
      controller.abort();
      expect(await rejectedMailError(queued)).toMatchObject({
        code: 'aborted',
        delivery: 'not_sent',
      });
      // The connection frees up: the request reported not_sent must not go out now.
      release();
      await first;
      await http.send(post(server.origin, '{"to":"third"}'));
      expect(server.received).toEqual(['{"to":"first"}', '{"to":"third"}']);
    } finally {
      await agent.close();
    }
  });
});

describe('timeoutMs bounds the whole exchange', () => {
  // Generous for two busy cores, yet well below the 4x mark (1,200 ms) of a late deadline.
  const BOUND_MS = 1_100;

  it.each([
    ['without a caller signal', undefined],
    ['with a caller signal', new AbortController().signal],
  ])('a reply delayed 5 s, timeoutMs 300 (%s): timeout in time', async (_name, signal) => {
    const server = await serve((_req, res) => {
      const timer = setTimeout(() => res.end('{}'), 5_000);
      res.on('close', () => clearTimeout(timer));
    });
    const started = performance.now();
    const error = await rejectedMailError(
      client({ timeoutMs: 300 }).send(post(server.origin), signal ? { signal } : {}),
    );
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'timeout', delivery: 'unknown', retryable: true });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(BOUND_MS);
  });

  it('a body trickled one byte every 100 ms, timeoutMs 300, no signal: timeout in time', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      // Bounded: 50 bytes (5 s) at most, so the server stops on its own.
      const timer = setInterval(() => {
        if (sent++ >= 50 || res.destroyed) return clearInterval(timer);
        res.write(' ');
      }, 100);
      res.on('close', () => clearInterval(timer));
    });
    const started = performance.now();
    const error = await rejectedMailError(client({ timeoutMs: 300 }).send(post(server.origin)));
    expect(error).toMatchObject({ code: 'timeout', delivery: 'unknown' });
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  });
});
