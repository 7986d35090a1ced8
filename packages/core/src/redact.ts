/**
 * Redaction: the only view of a request that hooks, logs and errors ever get. Credentials,
 * signatures and tokens are replaced by name (headers and query/form parameters every provider
 * uses) and by value (each secret the provider reports, in its raw and percent-encoded forms).
 */
import type { RedactedRequest } from './hooks.js';
import type { HttpRequest } from './provider.js';

export const REDACTED = '[redacted]';

/** Header names whose value is a credential (compared lower-case). */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-tc-token',
  'x-acs-security-token',
  'x-acs-accesskey-id',
  'x-acs-signature',
]);

/** Query and form parameters whose value is a credential (DirectMail RPC style). */
const SECRET_PARAMS = new Set([
  'Signature',
  'AccessKeyId',
  'SecurityToken',
  'AccessKeySecret',
  'Token',
]);

/** Longest body kept in a description; the rest is summarised by its length. */
const MAX_BODY_CHARS = 4_096;

/** Describe a request for hooks and logs. `extraSecrets` come from the provider's configuration. */
export function describeRequest(
  request: HttpRequest,
  extraSecrets: readonly string[] = [],
): RedactedRequest {
  const secrets = [...(request.secrets ?? []), ...extraSecrets];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = SECRET_HEADERS.has(name.toLowerCase())
      ? REDACTED
      : redactSecrets(value, secrets);
  }
  const url = redactSecrets(redactParams(request.url, true), secrets);
  const described: RedactedRequest = { method: request.method, url, headers };
  if (request.body === undefined) return described;
  const text =
    typeof request.body === 'string' ? request.body : Buffer.from(request.body).toString('utf8');
  const contentType = Object.entries(request.headers).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1];
  const form = contentType?.includes('application/x-www-form-urlencoded')
    ? redactParams(text, false)
    : text;
  const body = redactSecrets(form, secrets);
  return {
    ...described,
    body:
      body.length > MAX_BODY_CHARS
        ? `${body.slice(0, MAX_BODY_CHARS)}… (${body.length} chars)`
        : body,
  };
}

/** Replace secret-named parameters in a URL's query (or in a bare form body). */
function redactParams(text: string, isUrl: boolean): string {
  const mark = isUrl ? text.indexOf('?') : -1;
  if (isUrl && mark === -1) return text;
  const head = isUrl ? text.slice(0, mark + 1) : '';
  const query = isUrl ? text.slice(mark + 1) : text;
  const parts = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq === -1) return pair;
    const name = safeDecode(pair.slice(0, eq));
    return SECRET_PARAMS.has(name) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
  });
  return head + parts.join('&');
}

/** Replace every occurrence of each secret, raw and in the encodings a request may carry. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short strings would redact ordinary text; no real credential is this short.
    if (secret.length < 6) continue;
    for (const form of encodings(secret)) {
      if (out.includes(form)) out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

function encodings(secret: string): Set<string> {
  const uri = encodeURIComponent(secret);
  const rfc3986 = uri.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const form = uri.replace(/%20/g, '+');
  return new Set([secret, uri, rfc3986, form, rfc3986.replace(/%/g, '%25')]);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
