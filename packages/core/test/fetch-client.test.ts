/**
 * The fetch client (src/runtime/fetch-client.ts), which sends on runtimes whose undici cannot
 * dispatch (Bun). Tested here on Node's fetch against loopback servers, so its contract (body,
 * headers, size cap, timeout, refused connection) is checked in every run, not only under Bun;
 * test/runtimes runs the whole conformance suite on Bun itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../src/run/http.js';
import { loadUndiciAgent } from '../src/runtime/detect.js';
import { createFetchClient } from '../src/runtime/fetch-client.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { closeAll, closedPort, post, serve } from './helpers/loopback.js';

afterEach(closeAll);

const fetchClient = (timeoutMs = 2_000, maxResponseBytes = 1024) =>
  createFetchClient({ origin: 'http://127.0.0.1', timeoutMs, maxResponseBytes });

describe('createFetchClient', () => {
  it('sends the exact body and headers and returns status, lower-case headers and text', async () => {
    const server = await serve((req, res, body) => {
      res.setHeader('X-Request-Id', 'r-1');
      res.end(JSON.stringify({ got: body, auth: req.headers.authorization }));
    });
    const response = await fetchClient().send(post(server.origin, '{"n":1}'));
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe('r-1');
    expect(JSON.parse(response.body)).toEqual({ got: '{"n":1}', auth: 'Bearer secret-token-123' });
  });

  it('refuses an answer over the size cap, declared or streamed, as provider_unavailable', async () => {
    const declared = await serve((_req, res) => res.end('x'.repeat(5_000)));
    const streamed = await serve((_req, res) => {
      res.write('x'.repeat(800));
      res.end('x'.repeat(800));
    });
    for (const origin of [declared.origin, streamed.origin]) {
      const error = await rejectedMailError(fetchClient().send(post(origin)));
      expect(error).toMatchObject({ code: 'provider_unavailable', delivery: 'unknown' });
    }
  });

  it('a slow answer is a timeout with delivery unknown; a closed port is network, not_sent', async () => {
    const slow = await serve((_req, res) => setTimeout(() => res.end('{}'), 1_500));
    const late = await rejectedMailError(fetchClient(200).send(post(slow.origin)));
    expect(late).toMatchObject({ code: 'timeout', delivery: 'unknown', retryable: true });
    const port = await closedPort();
    const refused = await rejectedMailError(fetchClient().send(post(`http://127.0.0.1:${port}`)));
    expect(refused).toMatchObject({ code: 'network', delivery: 'not_sent', retryable: true });
  });

  it('a header the runtime refuses fails before sending: not_sent, as on undici', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    const request = { ...post(server.origin), headers: { 'x-note': 'a\r\nx-evil: 1' } };
    for (const client of [
      fetchClient(),
      createHttpClient({ origin: 'http://127.0.0.1', timeoutMs: 2_000, maxResponseBytes: 1024 }),
    ]) {
      const error = await rejectedMailError(client.send(request));
      expect(error).toMatchObject({ delivery: 'not_sent', retryable: false });
      expect(error.message).toContain('refused before sending');
    }
    expect(server.received).toHaveLength(0);
  });

  it("honours the caller's signal and closes more than once", async () => {
    const slow = await serve((_req, res) => setTimeout(() => res.end('{}'), 1_500));
    const client = fetchClient();
    const error = await rejectedMailError(
      client.send(post(slow.origin), { signal: AbortSignal.timeout(50) }),
    );
    expect(error.code).toBe('aborted');
    await client.close();
    await client.close();
  });
});

describe('choosing the transport', () => {
  it('on Node, undici loads and dispatches, so the fetch client is not used', async () => {
    const Agent = await loadUndiciAgent();
    expect(typeof Agent?.prototype.dispatch).toBe('function');
  });

  it('refuses a dispatcher that cannot dispatch (what Bun makes of undici), naming it', () => {
    let thrown: unknown;
    try {
      createHttpClient({
        origin: 'http://127.0.0.1',
        timeoutMs: 1_000,
        maxResponseBytes: 1_024,
        dispatcher: {} as never,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'invalid_input' });
    expect((thrown as Error).message).toContain('dispatcher');
  });
});
