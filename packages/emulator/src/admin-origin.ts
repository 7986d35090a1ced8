/**
 * Which admin requests a web page may not make. The admin API changes the emulator's state
 * (reset, faults, seed, clock) and answers on loopback, where any page the developer has open
 * could send it a form POST or a `fetch` with `mode: 'no-cors'`: browsers send those without
 * asking. So a state-changing admin request that comes from a browser must come from the
 * emulator's own origin. Browsers say where a request comes from (`Sec-Fetch-Site`, and
 * `Origin` on every POST, PUT, PATCH and DELETE: https://fetch.spec.whatwg.org/#origin-header);
 * tools (curl, the CLI, tests, other languages) send neither and are not affected.
 *
 * A page can also reach loopback under its own name by DNS rebinding (its name resolving to
 * 127.0.0.1): `Origin` then matches `Host`. So a browser's request must also name the emulator
 * by an IP address or `localhost`, which no rebinding page can use as its own origin.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Methods that only read: the admin API changes nothing on them. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a state-changing admin request is refused as cross-origin, or `undefined` to serve it. */
export function crossOriginRefusal(req: IncomingMessage): string | undefined {
  if (READS.has(req.method ?? 'GET')) return undefined;
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if (site === undefined && origin === undefined) return undefined; // not a browser
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `a ${site} request from a web page may not change the emulator (Sec-Fetch-Site: ${site})`;
  }
  const host = req.headers.host ?? '';
  if (origin !== undefined && originHost(origin) !== host.toLowerCase()) {
    return `a request from ${origin} may not change the emulator at ${host}`;
  }
  if (!isLocalName(host)) {
    return `a web page may change the emulator only at an IP address or localhost, not ${host}`;
  }
  return undefined;
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined; // `null` (a sandboxed or file page) or garbage: never the emulator
  }
}

/** `localhost`, `*.localhost` or an IP address, with or without a port. */
function isLocalName(host: string): boolean {
  let name: string;
  try {
    name = new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  const bare = name.startsWith('[') ? name.slice(1, -1) : name;
  return bare === 'localhost' || bare.endsWith('.localhost') || isIP(bare) !== 0;
}
