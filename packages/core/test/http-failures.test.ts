/**
 * Transport failures against real loopback servers, each classified by whether the provider
 * may have received the request: refused (not sent), reset or timed out after sending
 * (unknown), oversize answers, caller aborts, and requests refused before they leave.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { client, closeAll, closedPort, post, serve } from './helpers/loopback.js';

afterEach(closeAll);

describe('createHttpClient: transport failures', () => {
  it('connection refused: network, not_sent, retryable', async () => {
    const port = await closedPort();
    const error = await rejectedMailError(client().send(post(`http://127.0.0.1:${port}`)));
    expect(error).toMatchObject({ code: 'network', delivery: 'not_sent', retryable: true });
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('socket destroyed after the request was read: network, unknown (it may have arrived)', async () => {
    const server = await serve((req) => req.socket.destroy());
    const error = await rejectedMailError(client().send(post(server.origin)));
    expect(server.received).toEqual(['{"to":"ann@example.com"}']);
    expect(error).toMatchObject({ code: 'network', delivery: 'unknown', retryable: true });
  });

  it('socket destroyed in the middle of the response body: network, unknown', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await rejectedMailError(client().send(post(server.origin)));
    expect(error).toMatchObject({ code: 'network', delivery: 'unknown' });
  });

  it('a server that never answers: timeout, unknown, after about timeoutMs', async () => {
    const server = await serve(() => {});
    const started = performance.now();
    const error = await rejectedMailError(client({ timeoutMs: 300 }).send(post(server.origin)));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ code: 'timeout', delivery: 'unknown', retryable: true });
    expect(error.message).toContain('300 ms');
    expect(elapsed).toBeGreaterThanOrEqual(290);
    // Below the 4x mark (1,200 ms) of a late deadline, with room for two busy cores (as in
    // http-written.test.ts).
    expect(elapsed).toBeLessThan(1_100);
  });

  it('a body that stalls after the headers also times out', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    const error = await rejectedMailError(client({ timeoutMs: 150 }).send(post(server.origin)));
    expect(error).toMatchObject({ code: 'timeout', delivery: 'unknown' });
  });

  it('a server that streams past maxResponseBytes: provider_unavailable, unknown; the stream is cut', async () => {
    let written = 0;
    let cut = false;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', () => {
        cut = true;
      });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        // Bounded: at most 64 MiB, far more than the cap, so the test fails rather than hangs.
        while (!cut && written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const error = await rejectedMailError(
      client({ maxResponseBytes: 64 * 1024 }).send(post(server.origin)),
    );
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      delivery: 'unknown',
      retryable: false,
    });
    expect(error.message).toContain('65536 bytes');
    await expect.poll(() => cut, { timeout: 2_000 }).toBe(true);
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });

  it('a declared Content-Length above the cap fails before the body is read', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write('{');
    });
    const started = performance.now();
    const error = await rejectedMailError(
      client({ maxResponseBytes: 1024 }).send(post(server.origin)),
    );
    expect(error).toMatchObject({ code: 'provider_unavailable', delivery: 'unknown' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a body exactly at the cap is accepted', async () => {
    const server = await serve((_req, res) => res.end('x'.repeat(1024)));
    const response = await client({ maxResponseBytes: 1024 }).send(post(server.origin));
    expect(response.body).toHaveLength(1024);
  });

  it('caller abort in flight: aborted, unknown, at once', async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    const started = performance.now();
    const pending = rejectedMailError(
      client({ timeoutMs: 10_000 }).send(post(server.origin), { signal: controller.signal }),
    );
    // Abort once the server holds the request: it was written, so the outcome is unknown (an
    // abort before the write is not_sent, see http-written.test.ts).
    await expect.poll(() => server.received.length).toBe(1);
    controller.abort(new Error('user gave up'));
    const error = await pending;
    expect(error).toMatchObject({ code: 'aborted', delivery: 'unknown', retryable: false });
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect.poll(() => server.received.length).toBe(1);
  });

  it('caller abort before the call: aborted, not_sent, nothing reaches the server', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const controller = new AbortController();
    controller.abort();
    const error = await rejectedMailError(
      client().send(post(server.origin), { signal: controller.signal }),
    );
    expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
    expect(server.connections).toBe(0);
  });

  it('a malformed request URL is a MailError, not a TypeError, and nothing is sent', async () => {
    const error = await rejectedMailError(
      client().send({ ...post('http://127.0.0.1'), url: 'not a url' }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent', retryable: false });
  });

  it('a header undici will not send is refused locally: not_sent, not retryable', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const request = post(server.origin);
    const error = await rejectedMailError(
      client().send({ ...request, headers: { ...request.headers, 'x-bad': 'a\nb' } }),
    );
    expect(error).toMatchObject({ code: 'unknown', delivery: 'not_sent', retryable: false });
    expect(server.connections).toBe(0);
  });

  it('a request after close() is refused locally, not reported as a lost send', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const http = client();
    await http.close();
    await http.close();
    const error = await rejectedMailError(http.send(post(server.origin)));
    expect(error).toMatchObject({ delivery: 'not_sent', retryable: false });
    expect(server.received).toHaveLength(0);
  });

  it('refuses a plain-http request URL off loopback even when the origin was checked', async () => {
    const request = post('http://mail.example.com');
    const signed = { ...request, url: `${request.url}&Signature=abc123signature` };
    const error = await rejectedMailError(client().send(signed));
    expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent', retryable: false });
    expect(error.message).toContain('http://mail.example.com');
    expect(error.message).not.toContain('abc123signature');
  });
});
