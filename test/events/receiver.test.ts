/**
 * The event receiver on a real `node:http` server on loopback, fed real Tencent callback bodies:
 * the shared secret, the size cap, malformed bodies, redeliveries, and user callbacks that
 * throw or hang.
 */
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createEventReceiver,
  type EventReceiverOptions,
  isMailError,
  type MailEvent,
  toNodeListener,
} from '@mailbridge/core';
import { parseEvents } from '@mailbridge/tencent-ses';
import { afterEach, describe, expect, it } from 'vitest';

const TOKEN = 'tok-0123456789abcdef';
const EVENT = {
  event: 'delivered',
  email: 'ann@example.com',
  bulkId: 'qcloudses-30-1-date-20240429110704-abc',
  timestamp: 1714360024,
};

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** A receiver on a loopback server; `received` collects what reached onEvent. */
async function serve(options: Partial<EventReceiverOptions> = {}, pull = false) {
  const received: MailEvent[] = [];
  const collect = (e: MailEvent) => {
    received.push(e);
  };
  const receiver = createEventReceiver({
    token: TOKEN,
    parse: parseEvents,
    ...(pull ? {} : { onEvent: collect }),
    ...options,
  });
  const server = createServer(toNodeListener(receiver.handle));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { receiver, received, base };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the shared secret', () => {
  it.each([
    ['no token', '/events', {}],
    ['a wrong path token', '/events/tok-0123456789abcdeX', {}],
    ['a wrong query token', '/events?token=nope', {}],
    ['a prefix of the token', `/events/${TOKEN.slice(0, -1)}`, {}],
    ['wrong basic auth', '/events', { authorization: `Basic ${btoa('u:wrong')}` }],
    ['a bearer header', '/events', { authorization: `Bearer ${TOKEN}` }],
  ])('%s → 401, nothing reaches onEvent', async (_name, path, headers) => {
    const { base, received } = await serve();
    const response = await post(base + path, EVENT, headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(received).toHaveLength(0);
  });

  it.each([
    ['the last path segment', `/events/${TOKEN}`, {}],
    ['the token query', `/events?token=${TOKEN}`, {}],
    ['basic auth', '/events', { authorization: `Basic ${btoa(`tencent:${TOKEN}`)}` }],
  ])('accepted in %s', async (_name, path, headers) => {
    const { base, received } = await serve();
    const response = await post(base + path, EVENT, headers);
    expect(response.status).toBe(200);
    expect(received.map((e) => [e.kind, e.recipient])).toEqual([['delivered', 'ann@example.com']]);
  });

  it.each([
    ['a percent-encoded path segment', (t: string) => [`/events/${encodeURIComponent(t)}`, {}]],
    [
      'a percent-encoded token query',
      (t: string) => [`/events?token=${encodeURIComponent(t)}`, {}],
    ],
    [
      'UTF-8 basic auth',
      (t: string) => [
        '/events',
        { authorization: `Basic ${Buffer.from(`u:${t}`).toString('base64')}` },
      ],
    ],
  ] as const)('a token with characters a URL encodes is accepted in %s', async (_name, where) => {
    const token = 'base64+/= and ünïcode-0123456789';
    const { base, received } = await serve({ token });
    const [path, headers] = where(token) as [string, Record<string, string>];
    expect((await post(base + path, EVENT, headers)).status).toBe(200);
    expect((await post(`${base}/events/${encodeURIComponent(`${token}x`)}`, EVENT)).status).toBe(
      401,
    );
    expect(received).toHaveLength(1);
  });

  it('is required, at least 16 characters, at construction', () => {
    let caught: unknown;
    try {
      createEventReceiver({ token: 'short', parse: parseEvents });
    } catch (error) {
      caught = error;
    }
    expect(isMailError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'invalid_input', issues: [{ path: ['token'] }] });
  });

  it('refuses a misspelt option at construction, rather than never calling it', () => {
    let caught: unknown;
    try {
      const onevent = () => {};
      createEventReceiver({ token: TOKEN, parse: parseEvents, onevent } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'invalid_input', issues: [{ path: ['onevent'] }] });
  });
});

describe('bodies', () => {
  it('refuses a 10 MB body with 413 before reading it all; nothing reaches onEvent', async () => {
    const { base, received } = await serve();
    const big = `{"event":"delivered","email":"a@example.com","pad":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${base}/events/${TOKEN}`,
        { method: 'POST', headers: { 'content-length': Buffer.byteLength(big) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(big);
    });
    expect(status).toBe(413);
    expect(received).toHaveLength(0);
  });

  it('answers 413 to a chunked body without a length on node:http, the connection intact for the answer', async () => {
    const { base, received } = await serve({ maxBodyBytes: 64 * 1024 });
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${base}/events/${TOKEN}`,
        { method: 'POST', headers: { 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      let sent = 0;
      const write = () => {
        while (sent < 2 * 1024 * 1024) {
          sent += 16 * 1024;
          if (!req.write(Buffer.alloc(16 * 1024, 0x20))) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });
    expect(status).toBe(413);
    expect(received).toHaveLength(0);
  });

  it('stops reading a streamed body without a length once it passes the cap', async () => {
    const received: MailEvent[] = [];
    const receiver = createEventReceiver({
      token: TOKEN,
      parse: parseEvents,
      onEvent: (e) => void received.push(e),
      maxBodyBytes: 1024,
    });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 10_000) controller.close();
        else controller.enqueue(new Uint8Array(512).fill(0x20));
      },
    });
    const request = new Request(`http://receiver/events/${TOKEN}`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await receiver.handle(request);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect(received).toHaveLength(0);
  });

  it.each([
    ['malformed JSON', '{"event":"delivered",'],
    ['JSON of the wrong shape', '[1,2]'],
    ['a field of the wrong type', JSON.stringify({ ...EVENT, timestamp: 'yesterday' })],
  ])('%s → 400 naming the problem; nothing reaches onEvent', async (_name, body) => {
    const errors: unknown[] = [];
    const { base, received } = await serve({ onError: (e) => void errors.push(e) });
    const response = await post(`${base}/events/${TOKEN}`, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /Invalid tencent-ses event/,
    );
    expect(received).toHaveLength(0);
    expect(errors.every(isMailError)).toBe(true);
  });

  it('answers 405 to anything but POST', async () => {
    const { base } = await serve();
    expect((await fetch(`${base}/events/${TOKEN}`)).status).toBe(405);
  });
});

describe('delivery to the user', () => {
  it('a redelivered event reaches onEvent once', async () => {
    const { base, received } = await serve();
    const first = await post(`${base}/events/${TOKEN}`, EVENT);
    const again = await post(`${base}/events/${TOKEN}`, EVENT);
    expect(await first.json()).toEqual({ received: 1, duplicates: 0 });
    expect(await again.json()).toEqual({ received: 1, duplicates: 1 });
    const other = await post(`${base}/events/${TOKEN}`, { ...EVENT, event: 'open' });
    expect(other.status).toBe(200);
    expect(received.map((e) => e.kind)).toEqual(['delivered', 'opened']);
  });

  it('after the window, the same id is delivered again', async () => {
    let now = 0;
    const { base, received } = await serve({ dedupeWindowMs: 1000, now: () => now });
    await post(`${base}/events/${TOKEN}`, EVENT);
    now = 1001;
    await post(`${base}/events/${TOKEN}`, EVENT);
    expect(received).toHaveLength(2);
  });

  it('an onEvent that throws gets a 500 (so the provider redelivers), the redelivery gets through, the process lives', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const { base } = await serve({
      onEvent: () => {
        calls += 1;
        if (calls === 1) throw new Error('database down');
      },
      onError: (e) => {
        errors.push(e);
        throw new Error('and the error hook throws too');
      },
    });
    expect((await post(`${base}/events/${TOKEN}`, EVENT)).status).toBe(500);
    expect((await post(`${base}/events/${TOKEN}`, EVENT)).status).toBe(200);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('a redelivery that arrives while the first delivery is still in onEvent shares its outcome', async () => {
    let calls = 0;
    const { base } = await serve({
      onEvent: async () => {
        calls += 1;
        await new Promise((r) => setTimeout(r, 300));
        if (calls === 1) throw new Error('database down');
      },
    });
    const first = post(`${base}/events/${TOKEN}`, EVENT);
    await new Promise((r) => setTimeout(r, 50));
    // The provider gave up on the first request and delivered again: answering this one 200
    // would end the provider's retries while the only run of onEvent is about to fail.
    const again = await post(`${base}/events/${TOKEN}`, EVENT);
    expect((await first).status).toBe(500);
    expect(again.status).toBe(500);
    expect((await post(`${base}/events/${TOKEN}`, EVENT)).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('an onEvent that rejects late, or never settles, still gets a quick 202', async () => {
    const { base } = await serve({ ackTimeoutMs: 100, onEvent: () => new Promise(() => {}) });
    const started = Date.now();
    const response = await post(`${base}/events/${TOKEN}`, EVENT);
    expect(response.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(5000);
    const late = await serve({
      ackTimeoutMs: 50,
      onEvent: () => new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 200)),
    });
    expect((await post(`${late.base}/events/${TOKEN}`, EVENT)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
  });

  it('without onEvent, events come out of receiver.events() in order', async () => {
    const { base, receiver } = await serve({}, true);
    await post(`${base}/events/${TOKEN}`, EVENT);
    await post(`${base}/events/${TOKEN}`, { ...EVENT, event: 'click', link: 'https://x.example' });
    const kinds: string[] = [];
    for await (const event of receiver.events()) {
      kinds.push(event.kind);
      if (kinds.length === 2) break;
    }
    expect(kinds).toEqual(['delivered', 'clicked']);
  });

  it('a for await loop that breaks or throws ends that loop only: a new loop gets the later events', async () => {
    const { base, receiver } = await serve({}, true);
    await post(`${base}/events/${TOKEN}`, EVENT);
    await expect(
      (async () => {
        for await (const _ of receiver.events()) throw new Error('the consumer failed');
      })(),
    ).rejects.toThrow('the consumer failed');
    // A loop that gave up on a next() still waiting (a timeout race) leaves the event to others.
    const abandoned = receiver.events();
    const waiting = abandoned.next();
    await abandoned.return?.();
    expect(await waiting).toEqual({ done: true, value: undefined });
    const later = await post(`${base}/events/${TOKEN}`, { ...EVENT, event: 'open' });
    expect(later.status).toBe(200);
    const kinds: string[] = [];
    for await (const event of receiver.events()) {
      kinds.push(event.kind);
      break;
    }
    expect(kinds).toEqual(['opened']);
    receiver.close();
    expect((await post(`${base}/events/${TOKEN}`, { ...EVENT, event: 'click' })).status).toBe(503);
  });

  it('a full queue answers 503 and forgets the event, so the redelivery is accepted later', async () => {
    const { base, receiver } = await serve({ queueSize: 1 }, true);
    expect((await post(`${base}/events/${TOKEN}`, EVENT)).status).toBe(200);
    const second = { ...EVENT, event: 'open' };
    expect((await post(`${base}/events/${TOKEN}`, second)).status).toBe(503);
    const iterator = receiver.events();
    expect((await iterator.next()).value?.kind).toBe('delivered');
    expect((await post(`${base}/events/${TOKEN}`, second)).status).toBe(200);
    expect((await iterator.next()).value?.kind).toBe('opened');
  });
});
