/**
 * The receiver's shared secret. Neither provider signs its events (docs/providers/events.md §1),
 * so the only proof a request comes from the user's own configuration is a secret in the URL the
 * user registered (a last path segment or a `token` query parameter; Tencent's console takes
 * only a URL) or in basic auth (EventBridge HTTP targets can add headers).
 */

/** Does the request carry `token` in its last path segment, its `token` query or basic auth? */
export function hasToken(request: Request, token: string): boolean {
  const url = new URL(request.url);
  const segment = url.pathname.split('/').filter(Boolean).at(-1);
  // Every candidate is compared, so the time taken does not say which one was close.
  let ok = false;
  // A path stays percent-encoded in a URL (searchParams decodes the query): both forms count.
  const candidates = [
    segment,
    decoded(segment),
    url.searchParams.get('token'),
    basicPassword(request),
  ];
  for (const candidate of candidates) {
    if (candidate != null && constantTimeEqual(candidate, token)) ok = true;
  }
  return ok;
}

/** The password of a `Basic` Authorization header (the user name is not checked). */
function basicPassword(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const m = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!m?.[1]) return undefined;
  let text: string;
  try {
    // atob gives one character per byte; the credentials are UTF-8 (RFC 7617 §2.1).
    text = utf8.decode(Uint8Array.from(atob(m[1]), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : text.slice(colon + 1);
}

const utf8 = new TextDecoder();

/** A percent-encoded path segment, decoded (undefined when it is not valid encoding). */
function decoded(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const encoder = new TextEncoder();

/**
 * Compare in time that depends only on the expected value's length, not on where the strings
 * differ (a plain `===` leaks the length of the matching prefix).
 */
export function constantTimeEqual(given: string, expected: string): boolean {
  const a = encoder.encode(given);
  const b = encoder.encode(expected);
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i] ?? 0) ^ (b[i] as number);
  return diff === 0;
}
