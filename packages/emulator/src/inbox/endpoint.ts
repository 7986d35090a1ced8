/**
 * What the bin tells clients to use. Bound to a wildcard address (`--host 0.0.0.0` in a
 * container), `http://0.0.0.0:PORT` is no address a client can reach, so the bin names one that
 * is: `--public-url` when given, else the first non-internal IPv4 address of this machine. Such
 * an endpoint is plain http off loopback, so the adapters need their explicit opt-in
 * (`allowInsecureHttp: true`, or `insecure=1` in a MAIL_URL), which the printed URLs carry.
 */
import { networkInterfaces } from 'node:os';

/** Endpoints and ready-made `MAIL_URL`s for the start line. */
export interface ClientEndpoints {
  readonly endpoint: string;
  readonly inbox: string;
  readonly mailUrls: { readonly 'tencent-ses': string; readonly 'aliyun-dm': string };
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[?::1\]?)$/i;

/**
 * `--public-url`'s value as the endpoint to advertise: an http(s) origin (a trailing `/` is
 * fine). Anything else is refused, naming the flag: not a URL, another scheme (`emulator:8025`
 * parses as one, with origin `null`), or a user, path, query or fragment the endpoint would drop.
 */
export function publicOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const origin =
    url !== undefined &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '';
  if (!origin || url === undefined) {
    throw new TypeError(
      `--public-url must be an http(s) origin such as http://emulator:8025, got ${value}`,
    );
  }
  return url.origin;
}

/** The endpoint clients should use for an emulator bound to `host` and serving at `url`. */
export function clientEndpoints(host: string, url: string, publicUrl?: string): ClientEndpoints {
  const bound = new URL(url);
  let endpoint = url;
  if (publicUrl !== undefined) endpoint = publicOrigin(publicUrl);
  else if (WILDCARD.has(host))
    endpoint = `http://${firstExternalIPv4() ?? 'localhost'}:${bound.port}`;
  const insecure = LOOPBACK.test(new URL(endpoint).hostname) ? '' : '&insecure=1';
  const q = (e: string) => `?endpoint=${e}${insecure}`;
  return {
    endpoint,
    inbox: `${endpoint}/`,
    mailUrls: {
      'tencent-ses': `tencent-ses://ap-guangzhou${q(endpoint)}`,
      'aliyun-dm': `aliyun-dm://cn-hangzhou${q(endpoint)}`,
    },
  };
}

function firstExternalIPv4(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) return info.address;
    }
  }
  return undefined;
}
