/**
 * The request journal: every provider request as received (signature redacted), its status,
 * latency and the copies it delivered. It watches the node request and response from outside
 * the dispatcher, so provider modules and dispatch.ts stay unaware of it. Bounded: the newest
 * `REQUESTS_KEPT` requests are kept, each body cut at `BODY_KEPT` bytes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { EmuRequest, OutboxEntry, ProviderId, ProviderModule } from '../types.js';
import { redactBody, redactHeaders, redactQuery } from './redact.js';

const REQUESTS_KEPT = 500;
const BODY_KEPT = 64 * 1024;

/** One provider request as the emulator received and answered it. */
export interface RequestRecord {
  /** Sequence number in this emulator's life (1, 2, …). */
  readonly seq: number;
  /** Emulator clock when it arrived (ms since epoch). */
  readonly time: number;
  readonly provider?: ProviderId;
  readonly action?: string | undefined;
  readonly method: string;
  /** Path and query, `Signature`/`SecurityToken` redacted. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Body as text (form bodies redacted), cut at 64 KiB. */
  readonly body: string;
  readonly status: number;
  /** The provider error code answered, when the answer was an error envelope. */
  readonly errorCode?: string;
  /** The provider RequestId answered (what the delivered copies carry). */
  readonly requestId?: string;
  readonly latencyMs: number;
  /** Copies this request delivered at once (a scheduled batch delivers later). */
  readonly recipients: number;
}

/** Called once per finished (or aborted) request. */
export type RequestListener = (record: RequestRecord) => void;

/** The journal's surface: watch requests, look them up, subscribe. */
export interface Journal {
  observe(req: IncomingMessage, res: ServerResponse): void;
  records(): readonly RequestRecord[];
  byRequestId(requestId: string): RequestRecord | undefined;
  subscribe(listener: RequestListener): () => void;
  clear(): void;
}

/** A journal over the emulator's modules (to name the action) and outbox (to count copies). */
export function createJournal(deps: {
  readonly modules: readonly ProviderModule[];
  readonly outbox: readonly OutboxEntry[];
  now(): number;
}): Journal {
  let records: RequestRecord[] = [];
  let seq = 0;
  const listeners = new Set<RequestListener>();
  const add = (record: RequestRecord) => {
    records.push(record);
    if (records.length > REQUESTS_KEPT) records = records.slice(-REQUESTS_KEPT);
    for (const listener of listeners) {
      try {
        listener(record);
      } catch {
        // A listener (the console log) must never break the emulator.
      }
    }
  };
  return {
    observe(req, res) {
      seq += 1;
      watch(req, res, { seq, time: deps.now(), mark: deps.outbox.length }, deps, add);
    },
    records: () => records,
    byRequestId: (id) => records.find((r) => r.requestId === id),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      records = [];
    },
  };
}

interface Start {
  readonly seq: number;
  readonly time: number;
  readonly mark: number;
}

function watch(
  req: IncomingMessage,
  res: ServerResponse,
  start: Start,
  deps: Parameters<typeof createJournal>[0],
  add: (record: RequestRecord) => void,
): void {
  const began = performance.now();
  const chunks: Buffer[] = [];
  let kept = 0;
  req.on('data', (chunk: Buffer) => {
    if (kept < BODY_KEPT) chunks.push(chunk);
    kept += chunk.length;
  });
  let answer = '';
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    const [chunk] = args;
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk))
      answer = chunk.toString().slice(0, BODY_KEPT);
    return end(...args);
  }) as typeof res.end;
  res.once('close', () => {
    const body = Buffer.concat(chunks).subarray(0, BODY_KEPT);
    const emuRequest = toEmuRequest(req, body);
    const module = deps.modules.find((m) => m.match(emuRequest));
    const requestId = requestIdIn(answer);
    const errorCode = errorCodeIn(answer);
    add({
      seq: start.seq,
      time: start.time,
      ...(module === undefined ? {} : { provider: module.id, action: module.action(emuRequest) }),
      method: req.method ?? 'GET',
      path: redactQuery(req.url ?? '/'),
      headers: redactHeaders(req.headers),
      body: redactBody(body.toString('utf8'), req.headers['content-type']),
      status: res.writableFinished ? res.statusCode : 0,
      ...(errorCode === undefined ? {} : { errorCode }),
      ...(requestId === undefined ? {} : { requestId }),
      latencyMs: performance.now() - began,
      recipients: copiesOf(deps.outbox, start.mark, requestId),
    });
  });
}

function toEmuRequest(req: IncomingMessage, body: Buffer): EmuRequest {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  return { method: req.method ?? 'GET', url, headers: req.headers, body };
}

/** Copies delivered since the request arrived that carry its RequestId. */
function copiesOf(outbox: readonly OutboxEntry[], mark: number, requestId?: string): number {
  if (requestId === undefined) return 0;
  let n = 0;
  for (let i = Math.min(mark, outbox.length); i < outbox.length; i++) {
    if (outbox[i]?.requestId === requestId) n += 1;
  }
  return n;
}

/** Tencent `{"Response":{"RequestId"…}}`, DirectMail JSON `RequestId` or XML `<RequestId>`. */
function requestIdIn(answer: string): string | undefined {
  const m = /"RequestId"\s*:\s*"([^"]+)"|<RequestId>([^<]+)<\/RequestId>/.exec(answer);
  return m?.[1] ?? m?.[2];
}

/** Tencent `"Error":{"Code":"…"}`, DirectMail `"Code":"…"` / `<Code>`; none on success. */
function errorCodeIn(answer: string): string | undefined {
  const m =
    /"Error"\s*:\s*\{\s*"Code"\s*:\s*"([^"]+)"|^\{[^{]*"Code"\s*:\s*"([^"]+)"|<Code>([^<]+)<\/Code>/.exec(
      answer,
    );
  return m?.[1] ?? m?.[2] ?? m?.[3];
}
