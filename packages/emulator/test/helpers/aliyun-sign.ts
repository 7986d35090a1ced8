/**
 * A small DirectMail client for tests: builds EmuRequests signed with v1 (HMAC-SHA1) or V3
 * (ACS3-HMAC-SHA256) from node:crypto alone. Written independently of src/aliyun (its encoder
 * is the encodeURIComponent-plus-fix-ups variant POP uses, docs/providers/aliyun-dm.md
 * "Signatures" step 3), so the two check each other.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createEventLog } from '../../src/events/log.js';
import type {
  Credential,
  EmuContext,
  EmuRequest,
  EmuResponse,
  OutboxEntry,
} from '../../src/types.js';

export const TEST_KEY: Credential = { id: 'LTAItestkey0001', secret: 'testsecret0001' };
export const HOST = 'dm.aliyuncs.com';
/** A fixed wall clock for signing tests: 2025-03-01T08:00:00Z. */
export const T0 = Date.UTC(2025, 2, 1, 8, 0, 0);

export function pe(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function signRpc(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${pe(k)}=${pe(params[k] ?? '')}`)
    .join('&');
  const stringToSign = `${method}&${pe('/')}&${pe(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

function form(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${pe(k)}=${pe(v)}`)
    .join('&');
}

export interface V1Options {
  readonly action: string;
  readonly params?: Record<string, string>;
  readonly method?: 'GET' | 'POST';
  /** POST only: common parameters in the query, business parameters in the body. */
  readonly split?: boolean;
  readonly key?: Credential;
  readonly time?: number;
  readonly nonce?: string;
  /** Format parameter; null leaves it out (the XML default applies). */
  readonly format?: string | null;
  /** Applied after signing: simulates tampering or a missing field (undefined deletes). */
  readonly after?: Record<string, string | undefined>;
  readonly token?: string;
  /** Host the request is addressed to; default dm.aliyuncs.com. */
  readonly host?: string;
}

/** The full signed parameter map of a v1 request. */
export function v1Params(o: V1Options): Record<string, string> {
  const key = o.key ?? TEST_KEY;
  const common: Record<string, string> = {
    Action: o.action,
    Version: '2015-11-23',
    AccessKeyId: key.id,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: o.nonce ?? randomUUID(),
    Timestamp: isoSeconds(o.time ?? T0),
    ...(o.format !== null && { Format: o.format ?? 'JSON' }),
    ...(o.token !== undefined && { SecurityToken: o.token }),
  };
  const all = { ...common, ...o.params };
  const signed: Record<string, string> = {
    ...all,
    Signature: signRpc(o.method ?? 'POST', all, key.secret),
  };
  for (const [k, v] of Object.entries(o.after ?? {})) {
    if (v === undefined) delete signed[k];
    else signed[k] = v;
  }
  return signed;
}

/** A v1-signed request: GET (all in the query) or POST (all in the body, or split). */
export function v1Request(o: V1Options): EmuRequest {
  const method = o.method ?? 'POST';
  const host = o.host ?? HOST;
  const all = v1Params(o);
  if (method === 'GET') {
    return {
      method,
      url: new URL(`http://${host}/?${form(all)}`),
      headers: { host },
      body: Buffer.alloc(0),
    };
  }
  const business = new Set(Object.keys(o.params ?? {}));
  const query: Record<string, string> = {};
  const body: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    if (o.split && !business.has(k)) query[k] = v;
    else body[k] = v;
  }
  const qs = Object.keys(query).length > 0 ? `?${form(query)}` : '';
  return {
    method,
    url: new URL(`http://${host}/${qs}`),
    headers: { host, 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.from(form(body)),
  };
}

export interface V3Options {
  readonly action: string;
  readonly query?: Record<string, string>;
  readonly body?: Record<string, string>;
  readonly key?: Credential;
  readonly time?: number;
  readonly nonce?: string;
  readonly token?: string;
  /** Headers changed after signing (undefined deletes). */
  readonly after?: Record<string, string | undefined>;
  /** Replace the body after signing. */
  readonly tamperBody?: string;
  /** Host the request is addressed to (it is signed); default dm.aliyuncs.com. */
  readonly host?: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A V3 (ACS3-HMAC-SHA256) request, signed the way openapi-core 1.0.8 signs. */
export function v3Request(o: V3Options): EmuRequest {
  const key = o.key ?? TEST_KEY;
  const body = o.body ? form(o.body) : '';
  const host = o.host ?? HOST;
  const headers: Record<string, string> = {
    host,
    'x-acs-action': o.action,
    'x-acs-version': '2015-11-23',
    'x-acs-date': isoSeconds(o.time ?? T0),
    'x-acs-signature-nonce': o.nonce ?? randomUUID(),
    'x-acs-content-sha256': sha256(body),
    ...(o.body && { 'content-type': 'application/x-www-form-urlencoded' }),
    ...(o.token !== undefined && { 'x-acs-security-token': o.token, 'x-acs-accesskey-id': key.id }),
  };
  const query = o.query ?? {};
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((k) => `${k}=${pe(query[k] ?? '')}`)
    .join('&');
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]?.trim()}\n`).join('');
  const request = [
    'POST',
    '/',
    canonicalQuery,
    canonicalHeaders,
    names.join(';'),
    headers['x-acs-content-sha256'],
  ].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256(request)}`;
  const signature = createHmac('sha256', key.secret).update(stringToSign).digest('hex');
  const all: Record<string, string> = {
    ...headers,
    authorization: `ACS3-HMAC-SHA256 Credential=${key.id},SignedHeaders=${names.join(';')},Signature=${signature}`,
  };
  for (const [k, v] of Object.entries(o.after ?? {})) {
    if (v === undefined) delete all[k];
    else all[k] = v;
  }
  const qs = canonicalQuery === '' ? '' : `?${form(query)}`;
  return {
    method: 'POST',
    url: new URL(`http://${host}/${qs}`),
    headers: all,
    body: Buffer.from(o.tamperBody ?? body),
  };
}

/** An EmuContext with a settable clock and an inspectable outbox. */
export function fakeContext(now = T0): EmuContext & { entries: OutboxEntry[]; time: number } {
  const entries: OutboxEntry[] = [];
  let time = now;
  const events = createEventLog(entries, () => time);
  const ctx = {
    events,
    get time() {
      return time;
    },
    set time(t: number) {
      time = t;
    },
    entries,
    now: () => time,
    deliver: (more: readonly OutboxEntry[]) => {
      entries.push(...more);
      events.delivered(more);
    },
    get outbox() {
      return entries;
    },
    requestId: () => randomUUID(),
  };
  return ctx;
}

/** Parse a JSON answer; EnvId (a bare number above 2^53) is returned as its exact digits. */
export function json(res: EmuResponse): Record<string, unknown> {
  const text = String(res.body).replace(/"EnvId":(\d+)/g, '"EnvId":"$1"');
  return JSON.parse(text) as Record<string, unknown>;
}

/** The Code of an error answer, JSON or XML. */
export function codeOf(res: EmuResponse): string {
  const xml = /<Code>([^<]*)<\/Code>/.exec(String(res.body));
  return xml ? (xml[1] ?? '') : String(json(res)['Code']);
}

/** Send an EmuRequest over real HTTP (fetch sets Host from the URL, as signed). */
export async function fetchEmu(
  req: EmuRequest,
): Promise<{ status: number; headers: Headers; text: string }> {
  const headers = Object.entries(req.headers).filter(
    (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
  );
  const res = await fetch(req.url, {
    method: req.method,
    headers,
    ...(req.method === 'POST' && { body: req.body }),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
