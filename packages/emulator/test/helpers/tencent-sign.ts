/**
 * A tiny TC3-HMAC-SHA256 signer for tests, written from docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing" with node:crypto
 * (independent of the emulator's verifier), and a client that sends signed requests over
 * node:http so tests control every header, Host included.
 */
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import type { Credential, Emulator } from '../../src/index.js';

export interface SignInput {
  readonly host: string;
  readonly contentType: string;
  readonly timestamp: number;
  readonly secretId: string;
  readonly secretKey: string;
  readonly payload: string;
  readonly service?: string;
  /** Override the credential date (default: UTC date of the timestamp). */
  readonly date?: string;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, s: string) =>
  createHmac('sha256', key).update(s, 'utf8').digest();

/** The hashes and the Authorization header value for one request. */
export function signTc3(input: SignInput) {
  const service = input.service ?? 'ses';
  const date = input.date ?? new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const hostname = input.host.replace(/:\d+$/, '');
  const payloadHash = sha256(input.payload);
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:${input.contentType}\nhost:${hostname}\n`,
    'content-type;host',
    payloadHash,
  ].join('\n');
  const canonicalHash = sha256(canonical);
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, canonicalHash].join('\n');
  const key = hmac(hmac(hmac(`TC3${input.secretKey}`, date), service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  const authorization = `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
  return { payloadHash, canonicalHash, signature, authorization };
}

export interface CallOptions {
  readonly key?: Credential;
  readonly region?: string | null;
  readonly version?: string;
  readonly timestamp?: number;
  readonly contentType?: string;
  readonly token?: string;
  readonly service?: string;
  readonly method?: string;
  /** Replace the body after signing (tampering). */
  readonly sendBody?: string;
  /** Replace the Authorization header entirely. */
  readonly authorization?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

/** Send one raw HTTP request to the emulator. */
export function rawRequest(
  emu: Pick<Emulator, 'port'>,
  method: string,
  path: string,
  headers: Readonly<Record<string, string>>,
  body: string | Buffer = '',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: emu.port, method, path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('test request timed out')));
    req.end(body);
  });
}

/** Sign and send a Tencent SES action; resolve with the raw response. */
export function tcRaw(
  emu: Pick<Emulator, 'port' | 'host' | 'credentials'>,
  action: string,
  params: unknown,
  o: CallOptions = {},
): Promise<RawResponse> {
  const key = o.key ?? emu.credentials.tencent[0]!;
  const payload = JSON.stringify(params);
  const contentType = o.contentType ?? 'application/json';
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const host = emu.host;
  const signed = signTc3({
    host,
    contentType,
    timestamp,
    secretId: key.id,
    secretKey: key.secret,
    payload,
    ...(o.service === undefined ? {} : { service: o.service }),
  });
  const headers: Record<string, string> = {
    host,
    'content-type': contentType,
    'x-tc-action': action,
    'x-tc-version': o.version ?? '2020-10-02',
    'x-tc-timestamp': String(timestamp),
    ...(o.region === null ? {} : { 'x-tc-region': o.region ?? 'ap-guangzhou' }),
    ...(o.token === undefined ? {} : { 'x-tc-token': o.token }),
    ...(o.authorization === null ? {} : { authorization: o.authorization ?? signed.authorization }),
    ...o.headers,
  };
  return rawRequest(emu, o.method ?? 'POST', '/', headers, o.sendBody ?? payload);
}

/** The inner `Response` object of a Tencent answer. */
export type TcResponse = Record<string, unknown> & {
  readonly RequestId: string;
  readonly Error?: { readonly Code: string; readonly Message: string };
};

/** Sign, send and parse: resolves with `Response` (error or success). */
export async function tc(
  emu: Pick<Emulator, 'port' | 'host' | 'credentials'>,
  action: string,
  params: unknown,
  o: CallOptions = {},
): Promise<TcResponse> {
  const res = await tcRaw(emu, action, params, o);
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
  return (JSON.parse(res.text) as { Response: TcResponse }).Response;
}

/** Like `tc`, but fails the test when the answer is an error. */
export async function tcOk(
  emu: Pick<Emulator, 'port' | 'host' | 'credentials'>,
  action: string,
  params: unknown,
  o: CallOptions = {},
): Promise<TcResponse> {
  const r = await tc(emu, action, params, o);
  if (r.Error !== undefined)
    throw new Error(`${action} failed: ${r.Error.Code}: ${r.Error.Message}`);
  return r;
}

export const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A valid SendEmail body using the default seed. */
export function sendBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    FromEmailAddress: 'Shop <noreply@mail.example.com>',
    Destination: ['ann@example.com'],
    Subject: 'Welcome {{name}}',
    Template: { TemplateID: 100001, TemplateData: JSON.stringify({ name: 'Ann' }) },
    ...overrides,
  };
}
