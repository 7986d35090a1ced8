/**
 * Where requests may go: https anywhere, plain http only on loopback (the emulator, local
 * proxies), checked for the configured endpoint and again for every request URL an adapter
 * builds, so a signed request never leaves the process in clear text (README "HTTP").
 */
import { MailError } from '../errors.js';

/** Hosts where plain http is allowed (the emulator, local proxies). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Refuse an endpoint that would send credentials in clear text: `https:` everywhere, `http:`
 * only on loopback. The message names scheme and host only, never userinfo, path or query.
 */
export function assertSecureEndpoint(
  origin: string,
  provider: string,
  allowInsecureHttp = false,
): void {
  const problem = endpointProblem(origin, allowInsecureHttp);
  if (problem === undefined) return;
  throw new MailError(`${provider}: ${problem.message}`, {
    code: 'invalid_input',
    provider,
    issues: [{ path: ['endpoint'], message: problem.issue }],
  });
}

/**
 * The origin of a configured endpoint, by the one endpoint rule: a URL with nothing but scheme,
 * host and port, `https:` anywhere and `http:` only on loopback (the emulator) or with the
 * caller's explicit `allowInsecureHttp` opt-in. Anything else
 * is `invalid_input` naming the `endpoint` key; the message never repeats userinfo or query.
 *
 * @example
 * ```ts
 * endpointOrigin('http://127.0.0.1:4010', 'acme'); // 'http://127.0.0.1:4010'
 * ```
 */
export function endpointOrigin(value: string, provider: string, allowInsecureHttp = false): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  const extra =
    url !== undefined &&
    (url.username !== '' ||
      url.password !== '' ||
      url.search !== '' ||
      url.hash !== '' ||
      (url.pathname !== '/' && url.pathname !== ''));
  if (url === undefined || extra) {
    const issue = 'expected an origin only, such as https://host[:port]';
    throw new MailError(`${provider} config: endpoint: ${issue}`, {
      code: 'invalid_input',
      provider,
      issues: [{ path: ['endpoint'], message: issue }],
    });
  }
  assertSecureEndpoint(url.origin, provider, allowInsecureHttp);
  return url.origin;
}

/** Why a URL may not carry a request, or undefined when it may. */
function endpointProblem(
  value: string,
  allowInsecureHttp = false,
): { message: string; issue: string } | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { message: 'endpoint is not a valid URL', issue: 'not a valid URL' };
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  // The explicit opt-in for an emulator in another container (docker compose): named in the refusal.
  if (url.protocol === 'http:' && allowInsecureHttp) return undefined;
  return {
    message: `endpoint ${url.protocol}//${url.host} is not allowed; use https (plain http only on loopback, or opt in with allowInsecureHttp: true / ?insecure=1)`,
    issue: 'https required off loopback',
  };
}

/** Where a request goes, in the two parts undici takes. */
export interface Target {
  readonly origin: string;
  readonly host: string;
  readonly path: string;
}

/** Approved targets kept by URL, at most this many (an adapter uses one or a few). */
const TARGETS_KEPT = 64;

/**
 * The request's URL, checked like the endpoint: an adapter builds URLs per attempt, and one that
 * drifted to plain http off loopback must not leave the process with its signature. Parsed and
 * checked once per URL, not per request: the send path is measured (bench/). URLs with a query
 * are not kept: a GET's query changes with every request and may carry its signature.
 */
export function requestTarget(
  value: string,
  approved: Map<string, Target>,
  allowInsecureHttp = false,
): Target {
  const known = approved.get(value);
  if (known !== undefined) return known;
  const problem = endpointProblem(value, allowInsecureHttp);
  if (problem !== undefined) {
    throw new MailError(`Request refused before sending: ${problem.message}`, {
      code: 'invalid_input',
      retryable: false,
      delivery: 'not_sent',
      issues: [{ path: ['endpoint'], message: problem.issue }],
    });
  }
  const url = new URL(value);
  const target = { origin: url.origin, host: url.host, path: `${url.pathname}${url.search}` };
  if (url.search === '' && approved.size < TARGETS_KEPT) approved.set(value, target);
  return target;
}
