/**
 * The undici client against real loopback servers: what a provider answers reaches the adapter
 * intact, connections are reused, dispatchers are injected, and endpoints are https-only.
 */
import { getEventListeners } from 'node:events';
import type { Socket } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { isMailError } from '../src/index.js';
import { checkEndpoint, isLoopbackHost } from '../src/provider/index.js';
import { createHttpClient } from '../src/run/http.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { client, closeAll, post, serve } from './helpers/loopback.js';

afterEach(closeAll);

describe('createHttpClient: answers', () => {
  it('sends method, path, query, headers and body; returns status, body and flat headers', async () => {
    let seen: { method?: string; url?: string; auth?: string; type?: string } = {};
    const server = await serve((req, res) => {
      seen = {
        ...(req.method ? { method: req.method } : {}),
        ...(req.url ? { url: req.url } : {}),
        ...(req.headers.authorization ? { auth: req.headers.authorization } : {}),
        ...(req.headers['content-type'] ? { type: req.headers['content-type'] } : {}),
      };
      res.setHeader('X-Request-Id', 'req-1');
      res.setHeader('X-Multi', ['a', 'b']);
      res.setHeader('Set-Cookie', ['s=1', 't=2']);
      res.statusCode = 202;
      res.end('{"ok":true}');
    });
    const response = await client().send(post(server.origin));
    expect(seen).toEqual({
      method: 'POST',
      url: '/v1/send?Action=SingleSendMail',
      auth: 'Bearer secret-token-123',
      type: 'application/json',
    });
    expect(server.received).toEqual(['{"to":"ann@example.com"}']);
    expect(response.status).toBe(202);
    expect(response.body).toBe('{"ok":true}');
    // Names lower-case, repeated headers joined, as `HttpResponse` promises adapters.
    expect(response.headers['x-request-id']).toBe('req-1');
    expect(response.headers['x-multi']).toBe('a, b');
    expect(response.headers['set-cookie']).toBe('s=1, t=2');
    expect(Object.keys(response.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('reads header names that are also Object members as plain headers, and values as latin1', async () => {
    const server = await serve((req, res) => {
      // Raw bytes: 0xE9 is "é" in latin1 (RFC 9110 §5.5); a UTF-8 decode would give U+FFFD.
      req.socket.write(
        Buffer.concat([
          Buffer.from('HTTP/1.1 200 OK\r\nConstructor: c1\r\ntoString: t1\r\nX-Name: Ren'),
          Buffer.from([0xe9]),
          Buffer.from('\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}'),
        ]),
      );
      res.destroy();
    });
    const response = await client().send(post(server.origin));
    expect(response.headers['constructor']).toBe('c1');
    expect(response.headers['tostring']).toBe('t1');
    expect(response.headers['x-name']).toBe('René');
    expect(response.body).toBe('{}');
  });

  it('sends a Uint8Array body byte for byte and decodes a UTF-8 answer split across chunks', async () => {
    const server = await serve((_req, res) => {
      const bytes = Buffer.from('{"name":"用户"}', 'utf8');
      // Split inside the first CJK character so a naive per-chunk decode would garble it.
      res.write(bytes.subarray(0, 10));
      setTimeout(() => res.end(bytes.subarray(10)), 10);
    });
    const body = new TextEncoder().encode('Subject=%E4%BD%A0%E5%A5%BD');
    const response = await client().send({ ...post(server.origin), body });
    expect(server.received).toEqual(['Subject=%E4%BD%A0%E5%A5%BD']);
    expect(response.body).toBe('{"name":"用户"}');
  });

  it('reuses keep-alive connections for sequential requests', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const http = client();
    for (let i = 0; i < 20; i++) expect((await http.send(post(server.origin))).status).toBe(200);
    expect(server.received).toHaveLength(20);
    // undici may open a second socket while the first is being released; never one per request.
    expect(server.connections).toBeLessThanOrEqual(2);
  });

  it('hands non-2xx answers to the adapter instead of throwing', async () => {
    const server = await serve((_req, res) => {
      res.statusCode = 503;
      res.end('<html>Bad gateway</html>');
    });
    const response = await client().send(post(server.origin));
    expect(response).toMatchObject({ status: 503, body: '<html>Bad gateway</html>' });
  });

  it('leaves no listener on the caller signal once a request settles', async () => {
    const server = await serve((req, res) => {
      if (req.url?.includes('fail')) req.socket.destroy();
      else res.end('{}');
    });
    const http = client();
    const controller = new AbortController();
    await http.send(post(server.origin), { signal: controller.signal });
    await rejectedMailError(
      http.send(
        { ...post(server.origin), url: `${server.origin}/fail` },
        { signal: controller.signal },
      ),
    );
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('createHttpClient: dispatchers', () => {
  it('sends through an injected dispatcher and does not close it', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const agent = new Agent();
    let dispatched = 0;
    const counting = agent.compose((dispatch) => (options, handler) => {
      dispatched += 1;
      return dispatch(options, handler);
    });
    const http = createHttpClient({
      origin: server.origin,
      timeoutMs: 2_000,
      maxResponseBytes: 1024,
      dispatcher: counting,
    });
    await http.send(post(server.origin));
    await http.close();
    // Still usable: the caller owns it.
    await http.send(post(server.origin));
    expect(dispatched).toBe(2);
    await agent.close();
  });

  it('close() releases the owned pool: the server sees its connection end', async () => {
    const sockets: Socket[] = [];
    const server = await serve((req, res) => {
      sockets.push(req.socket);
      res.end('{}');
    });
    const http = createHttpClient({
      origin: server.origin,
      timeoutMs: 2_000,
      maxResponseBytes: 1024,
    });
    await http.send(post(server.origin));
    await http.close();
    await expect.poll(() => sockets.every((s) => s.destroyed || s.readableEnded)).toBe(true);
  });
});

describe('checkEndpoint', () => {
  it.each([
    'https://dm.aliyuncs.com',
    'https://ses.tencentcloudapi.com:443',
    'http://127.0.0.1:8080',
    'http://127.9.8.7',
    'http://localhost:3000',
    'http://[::1]:9000',
  ])('allows %s', (origin) => {
    expect(() => checkEndpoint(origin, { provider: 'p' })).not.toThrow();
  });

  it.each([
    'http://dm.aliyuncs.com',
    'http://127.0.0.1.nip.io',
    'http://localhost.example.com',
    'http://10.0.0.1',
    'ftp://127.0.0.1',
    'ws://localhost',
    'not a url',
  ])('refuses %s with invalid_input naming the endpoint', (origin) => {
    let error: unknown;
    try {
      checkEndpoint(origin, { provider: 'tencent-ses' });
    } catch (e) {
      error = e;
    }
    expect(isMailError(error)).toBe(true);
    if (!isMailError(error)) return;
    expect(error).toMatchObject({ code: 'invalid_input', provider: 'tencent-ses' });
    expect(error.issues[0]?.path).toEqual(['endpoint']);
  });

  it('never echoes credentials embedded in the URL', () => {
    let message = '';
    try {
      checkEndpoint('http://LTAIkey:s3cr3t-value@mail.example.com', { provider: 'aliyun-dm' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('mail.example.com');
    expect(message).not.toContain('s3cr3t-value');
  });

  it('isLoopbackHost covers IPv4 127/8, ::1 and localhost only', () => {
    expect(['127.0.0.1', '127.255.0.1', '::1', '[::1]', 'LOCALHOST'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['128.0.0.1', '127.0.0.1.example.com', '0.0.0.0', 'localhostx'].map(isLoopbackHost),
    ).toEqual([false, false, false, false]);
  });
});
