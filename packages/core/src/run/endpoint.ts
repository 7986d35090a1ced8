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

/** What `checkEndpoint` names in a refusal, and what it allows besides https. */
export interface EndpointCheck {
  /** The provider the error names. */
  readonly provider?: string;
  /** The key the error names, dotted for a nested one (default `endpoint`). */
  readonly field?: string;
  /** Plain http off loopback was opted into (`allowInsecureHttp: true`, `?insecure=1`). */
  readonly allowInsecureHttp?: boolean;
  /** A configured endpoint: scheme, host and port only (no userinfo, path, query, fragment). */
  readonly originOnly?: boolean;
}

/**
 * The one endpoint rule, for a configured endpoint and for every request URL: `https:`
 * anywhere, `http:` only on loopback (the emulator) or with the caller's explicit
 * `allowInsecureHttp` opt-in (an emulator in another container, named in the refusal). Returns
 * the parsed URL; anything else is `invalid_input` (nothing sent) naming `field`. The message
 * names scheme and host only, never userinfo, path or query.
 *
 * @example
 * ```ts
 * checkEndpoint('http://127.0.0.1:4010', { provider: 'acme', originOnly: true }).origin;
 * // 'http://127.0.0.1:4010'
 * checkEndpoint('http://example.com', { provider: 'acme' }); // throws, issue path ['endpoint']
 * ```
 */
export function checkEndpoint(value: string, check: EndpointCheck = {}): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refusal(check, 'not a valid URL', 'not a valid URL');
  }
  if (check.originOnly && !isOrigin(url)) {
    const issue = 'expected an origin only, such as https://host[:port]';
    throw refusal(check, issue, issue);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && (isLoopbackHost(url.hostname) || check.allowInsecureHttp)) {
    return url;
  }
  const why = `${url.protocol}//${url.host} is not allowed; use https (plain http only on loopback, or opt in with allowInsecureHttp: true / ?insecure=1)`;
  throw refusal(check, why, 'https required off loopback');
}

/** Nothing but scheme, host and port. */
function isOrigin(url: URL): boolean {
  return (
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '' &&
    (url.pathname === '/' || url.pathname === '')
  );
}

/** `invalid_input` naming the field; nothing was sent. */
function refusal(check: EndpointCheck, why: string, issue: string): MailError {
  const field = check.field ?? 'endpoint';
  const subject = check.provider === undefined ? field : `${check.provider} ${field}`;
  return new MailError(`${subject}: ${why}`, {
    code: 'invalid_input',
    retryable: false,
    delivery: 'not_sent',
    ...(check.provider === undefined ? {} : { provider: check.provider }),
    issues: [{ path: field.split('.'), message: issue }],
  });
}

/**
 * The origin of a configured endpoint (`checkEndpoint` with `originOnly`), as the adapters'
 * config resolution uses it.
 *
 * @example
 * ```ts
 * endpointOrigin('http://127.0.0.1:4010', 'acme'); // 'http://127.0.0.1:4010'
 * ```
 */
export function endpointOrigin(value: string, provider: string, allowInsecureHttp = false): string {
  return checkEndpoint(value, { provider, allowInsecureHttp, originOnly: true }).origin;
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
  const url = checkEndpoint(value, { allowInsecureHttp });
  const target = { origin: url.origin, host: url.host, path: `${url.pathname}${url.search}` };
  if (url.search === '' && approved.size < TARGETS_KEPT) approved.set(value, target);
  return target;
}
