/**
 * The inbox's HTTP routes, on hono (a small, well-kept router) through @hono/node-server's
 * request listener. The provider APIs and the existing admin API keep their own dispatch
 * (dispatch.ts, admin.ts); `servesInbox` picks the requests that belong here.
 */
import type { IncomingMessage } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { OutboxEntry } from '../types.js';
import { ASSETS, type AssetName, readAsset } from './assets.js';
import type { Journal } from './journal.js';
import { createMessageIndex, detailOf, summaryOf } from './messages.js';

/** Paths served by the inbox (besides `GET /`), listed by the admin 404. */
export const INBOX_ROUTES = [
  'GET /',
  'GET /__emulator/inbox?to=&provider=&q=&limit=',
  'GET /__emulator/inbox/stream (server-sent events)',
  'GET /__emulator/inbox/:id',
  'GET /__emulator/inbox/:id/body?remote=1',
  'GET /__emulator/requests',
] as const;

/**
 * The page's own policy: scripts, styles and fetches only from the emulator, no inline script,
 * frames only from the emulator (the message body).
 */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * A message body's policy: no script at all, and `sandbox` again in case the body is opened
 * outside its sandboxed iframe. Remote images and styles load only when the user asks.
 */
function bodyCsp(remote: boolean): string {
  const load = remote ? ' https: http:' : '';
  return (
    `default-src 'none'; style-src 'unsafe-inline'${load}; img-src data: cid:${load}; ` +
    `font-src data:${load}; sandbox`
  );
}

/** Does this request belong to the inbox (and not to a provider or the admin API)? */
export function servesInbox(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = new URL(req.url ?? '/', 'http://emulator');
  if (url.pathname === '/') {
    // `GET /?Action=…` and signed header-style calls are provider requests.
    const provider =
      url.searchParams.has('Action') ||
      'x-acs-action' in req.headers ||
      'x-tc-action' in req.headers;
    return !provider;
  }
  return (
    url.pathname.startsWith('/__emulator/inbox') ||
    url.pathname.startsWith('/__emulator/ui/') ||
    url.pathname === '/__emulator/requests'
  );
}

/** What the routes read. */
export interface InboxDeps {
  readonly outbox: readonly OutboxEntry[];
  readonly journal: Journal;
  now(): number;
  /** Pending fault rules (their count changes the page's state). */
  faultCount(): number;
}

/** Build the node request listener of the inbox routes and a `close` that ends live streams. */
export function createInboxListener(deps: InboxDeps) {
  const index = createMessageIndex(deps.outbox);
  const streams = new Set<{ abort(): void }>();
  const app = new Hono();
  app.get('/', (c) => asset(c, 'inbox.html'));
  app.get('/__emulator/ui/:file', (c) => {
    const file = c.req.param('file');
    return file in ASSETS ? asset(c, file as AssetName) : c.notFound();
  });
  app.get('/__emulator/inbox', (c) => {
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 200) || 200, 1), 5000);
    const filter = {
      to: c.req.query('to'),
      provider: c.req.query('provider'),
      q: c.req.query('q'),
    };
    return c.json({ time: deps.now(), ...index.list(filter, limit) });
  });
  app.get('/__emulator/inbox/stream', (c) =>
    streamSSE(c, async (stream) => {
      streams.add(stream);
      stream.onAbort(() => {
        streams.delete(stream);
      });
      await pump(deps, index, stream);
    }),
  );
  app.get('/__emulator/inbox/:id', (c) => {
    const entry = index.find(Number(c.req.param('id')));
    if (entry === undefined) return c.json({ error: { code: 'MessageNotFound' } }, 404);
    return c.json(detailOf(entry, index.idOf(entry), deps.journal));
  });
  app.get('/__emulator/inbox/:id/body', (c) => {
    const entry = index.find(Number(c.req.param('id')));
    if (entry === undefined) return c.text('no such message', 404);
    c.header('content-security-policy', bodyCsp(c.req.query('remote') === '1'));
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    if (entry.html !== undefined) return c.html(entry.html);
    return c.text(entry.text ?? '');
  });
  app.get('/__emulator/requests', (c) =>
    c.json({ requests: [...deps.journal.records()].reverse() }),
  );
  return {
    listener: getRequestListener(app.fetch),
    close() {
      for (const stream of streams) stream.abort();
      streams.clear();
    },
  };
}

function asset(c: Context, name: AssetName): Response {
  c.header('content-type', ASSETS[name]);
  c.header('cache-control', 'no-cache');
  if (name === 'inbox.html') c.header('content-security-policy', PAGE_CSP);
  return c.body(readAsset(name));
}

type Index = ReturnType<typeof createMessageIndex>;
type Stream = Parameters<Parameters<typeof streamSSE>[1]>[0];

/** Poll interval of a live stream: cheap checks of lengths and counters, nothing rendered. */
const PUMP_MS = 250;

/**
 * Push new copies as `message` events, `reset` when the outbox was cleared, and `state` when
 * the clock, the request count or the fault list changed (the page then refreshes its panels).
 */
async function pump(deps: InboxDeps, index: Index, stream: Stream): Promise<void> {
  let known = deps.outbox.length;
  let tail = deps.outbox[known - 1];
  let state = '';
  await stream.writeSSE({ event: 'hello', data: JSON.stringify({ time: deps.now() }) });
  while (!stream.aborted && !stream.closed) {
    const { outbox } = deps;
    if (outbox.length < known || (known > 0 && outbox[known - 1] !== tail)) {
      await stream.writeSSE({ event: 'reset', data: '{}' });
    } else {
      index.assign();
      for (let i = known; i < outbox.length; i++) {
        const entry = outbox[i] as OutboxEntry;
        await stream.writeSSE({
          event: 'message',
          data: JSON.stringify(summaryOf(entry, index.idOf(entry))),
        });
      }
    }
    known = outbox.length;
    tail = outbox[known - 1];
    const records = deps.journal.records();
    const now = `${deps.now()}|${records[records.length - 1]?.seq ?? 0}|${deps.faultCount()}`;
    if (now !== state) {
      state = now;
      await stream.writeSSE({ event: 'state', data: JSON.stringify({ time: deps.now() }) });
    }
    await stream.sleep(PUMP_MS);
  }
}
