/**
 * The event receiver: a web-standard `(Request) => Promise<Response>` handler that any server can
 * mount (node.ts adapts it to `node:http`). The providers do not sign their events
 * (docs/providers/events.md §1), so it requires a shared secret, refuses oversized and malformed
 * bodies, de-duplicates redeliveries and answers quickly. A user callback that throws, rejects or
 * hangs never crashes the process or holds the provider's request open.
 */
import { invalidInput, isMailError } from '../errors.js';
import { hasToken } from './auth.js';
import { createSeen } from './dedupe.js';
import type { MailEvent } from './event.js';
import { createEventQueue } from './queue.js';

/** Options of `createEventReceiver`. */
export interface EventReceiverOptions {
  /** The shared secret (at least 16 characters): last path segment, `?token=` or basic-auth password. */
  readonly token: string;
  /** The adapter's parser: `parseEvents` from `@mailbridge/tencent-ses` or `@mailbridge/aliyun-dm`. */
  readonly parse: (body: string) => readonly MailEvent[];
  /**
   * Called once per new event. When it rejects, the request is answered 500 and the event is
   * forgotten, so the provider's redelivery gets through. Leave it out to pull events from
   * `receiver.events()` instead.
   */
  readonly onEvent?: (event: MailEvent) => unknown;
  /** Told about callback failures and refused bodies; its own failures are swallowed. */
  readonly onError?: (error: unknown, event?: MailEvent) => unknown;
  /** Largest body accepted, in bytes (default 256 KiB; one event is well under 10 KiB). */
  readonly maxBodyBytes?: number;
  /** How long an event id is remembered for de-duplication (default 24 h). */
  readonly dedupeWindowMs?: number;
  /** At most this many ids are remembered (default 100,000; the oldest go first). */
  readonly dedupeMax?: number;
  /** Answer 202 when `onEvent` has not settled after this long (default 5,000 ms). */
  readonly ackTimeoutMs?: number;
  /** Events waiting for a slow `events()` consumer before the receiver answers 503 (default 1,000). */
  readonly queueSize?: number;
  /** Clock for the de-duplication window (default `Date.now`). */
  readonly now?: () => number;
}

/** A mounted receiver. */
export interface EventReceiver {
  /** Handle one request (POST only). Never rejects. */
  handle(request: Request): Promise<Response>;
  /** The new events, for a `for await` loop (when no `onEvent` was given); ends on `close()`. */
  events(): AsyncIterableIterator<MailEvent>;
  /** Stop handing out events; later requests are answered 503. */
  close(): void;
}

const KIB = 1024;

/**
 * Create an event receiver.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createEventReceiver, toNodeListener } from '@mailbridge/core';
 * import { parseEvents } from '@mailbridge/tencent-ses';
 *
 * const receiver = createEventReceiver({
 *   token: process.env.EVENTS_TOKEN!, // register https://host:8080/events/<token> in the console
 *   parse: parseEvents,
 *   onEvent: (event) => console.log(event.kind, event.recipient),
 * });
 * createServer(toNodeListener(receiver.handle)).listen(8080);
 * ```
 */
export function createEventReceiver(options: EventReceiverOptions): EventReceiver {
  checkOptions(options);
  const { token, parse, onEvent } = options;
  const maxBytes = options.maxBodyBytes ?? 256 * KIB;
  const seen = createSeen(
    options.dedupeWindowMs ?? 24 * 60 * 60 * 1000,
    options.dedupeMax ?? 100_000,
    options.now ?? Date.now,
  );
  const queue = createEventQueue(options.queueSize ?? 1000);
  const report = (error: unknown, event?: MailEvent) =>
    guard(() => options.onError?.(error, event));
  const ack = options.ackTimeoutMs ?? 5000;
  // The runs of onEvent not yet settled, by event key: a redelivery that arrives meanwhile (the
  // provider gave up waiting) answers with the same run's outcome, so a run that then fails
  // still gets the provider a 500 and a later delivery, rather than a 200 for a duplicate.
  const running = new Map<string, Promise<boolean>>();
  const start = (event: MailEvent): { fresh: boolean; run: Promise<boolean> } => {
    const id = key(event);
    if (!seen.claim(id)) return { fresh: false, run: running.get(id) ?? Promise.resolve(true) };
    const run = runCallback(onEvent as (e: MailEvent) => unknown, event, seen, report);
    running.set(id, run);
    void run.finally(() => running.get(id) === run && running.delete(id));
    return { fresh: true, run };
  };
  let closed = false;

  const deliver = async (events: readonly MailEvent[]): Promise<Response> => {
    if (closed) return answer(503, 'closed');
    if (onEvent === undefined) {
      const fresh = events.filter((e) => seen.claim(key(e)));
      const refused = fresh.filter((e) => !queue.offer(e));
      for (const e of refused) seen.release(key(e));
      return refused.length > 0 ? answer(503, 'busy') : ok(events.length, fresh.length);
    }
    const started = events.map(start);
    const outcome = await settleWithin(
      started.map((s) => s.run),
      ack,
    );
    if (outcome === 'failed') return answer(500, 'the event handler failed');
    const fresh = started.filter((s) => s.fresh).length;
    return outcome === 'late' ? answer(202, 'accepted') : ok(events.length, fresh);
  };

  return {
    async handle(request) {
      try {
        if (request.method !== 'POST') return answer(405, 'POST only', { allow: 'POST' });
        if (!hasToken(request, token)) {
          return answer(401, 'unauthorized', {
            'www-authenticate': 'Basic realm="mailbridge-events"',
          });
        }
        const body = await readCapped(request, maxBytes);
        if (body === undefined) return answer(413, `body over ${maxBytes} bytes`);
        let events: readonly MailEvent[];
        try {
          events = parse(body);
        } catch (error) {
          report(error);
          return answer(400, isMailError(error) ? error.message : 'unreadable event body');
        }
        return await deliver(events);
      } catch (error) {
        report(error);
        return answer(500, 'receiver error');
      }
    },
    events: () => queue.iterate(),
    close() {
      closed = true;
      queue.close();
    },
  };
}

/** Provider and id: ids are only unique per provider. */
const key = (event: MailEvent) => `${event.provider}\u0000${event.id}`;

/** Run `onEvent` for one event; on failure forget the id (so redelivery works) and report. */
async function runCallback(
  onEvent: (event: MailEvent) => unknown,
  event: MailEvent,
  seen: ReturnType<typeof createSeen>,
  report: (error: unknown, event?: MailEvent) => void,
): Promise<boolean> {
  try {
    await onEvent(event);
    return true;
  } catch (error) {
    seen.release(key(event));
    report(error, event);
    return false;
  }
}

/** `ok` when all succeed in time, `failed` when one fails in time, `late` otherwise. */
async function settleWithin(runs: readonly Promise<boolean>[], ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  try {
    const all = Promise.all(runs).then((results) => (results.every(Boolean) ? 'ok' : 'failed'));
    return await Promise.race([all, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The body as UTF-8 text, or undefined once it passes `max` bytes (reading stops there). */
async function readCapped(request: Request, max: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > max) return undefined;
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function ok(received: number, fresh: number): Response {
  return Response.json({ received, duplicates: received - fresh });
}

function answer(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: message }, { status, headers });
}

/** Call a user function; whatever it throws or rejects with is dropped (it is the error sink). */
function guard(fn: () => unknown): void {
  try {
    const result = fn();
    if (result instanceof Promise) result.catch(() => {});
  } catch {
    // The error reporter failed: there is nowhere left to report to.
  }
}

function checkOptions(options: EventReceiverOptions): void {
  const issues: { path: string[]; message: string }[] = [];
  if (typeof options?.token !== 'string' || options.token.length < 16) {
    issues.push({
      path: ['token'],
      message: 'a shared secret of at least 16 characters is required',
    });
  }
  if (typeof options?.parse !== 'function') {
    issues.push({ path: ['parse'], message: "an adapter's parseEvents is required" });
  }
  for (const name of [
    'maxBodyBytes',
    'dedupeWindowMs',
    'dedupeMax',
    'ackTimeoutMs',
    'queueSize',
  ] as const) {
    const v = options?.[name];
    if (v !== undefined && !(Number.isSafeInteger(v) && v > 0)) {
      issues.push({ path: [name], message: 'must be a positive integer' });
    }
  }
  for (const name of ['onEvent', 'onError', 'now'] as const) {
    const v = options?.[name];
    if (v !== undefined && typeof v !== 'function')
      issues.push({ path: [name], message: 'must be a function' });
  }
  // A misspelt option (`onevent`) would leave events queued for pulling, the callback never run.
  for (const key of Object.keys(options ?? {})) {
    if (!OPTION_KEYS.includes(key)) issues.push({ path: [key], message: `unknown key '${key}'` });
  }
  if (issues.length > 0) throw invalidInput(issues);
}

/** Every option: a key added to `EventReceiverOptions` and not here fails to compile. */
const OPTION_KEYS: readonly string[] = Object.keys({
  token: true,
  parse: true,
  onEvent: true,
  onError: true,
  maxBodyBytes: true,
  dedupeWindowMs: true,
  dedupeMax: true,
  ackTimeoutMs: true,
  queueSize: true,
  now: true,
} satisfies Record<keyof EventReceiverOptions, true>);
