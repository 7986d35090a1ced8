/**
 * The request as the provider received it, minus what would let a reader replay or forge it:
 * signatures and session tokens are replaced by `[redacted]` before anything is stored, so the
 * inbox page, the admin JSON and the console never hold them. Webhook URLs (the events
 * callback, DirectMail's NotifyUrl) are shown with their credentials hidden the same way.
 */
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Query/form parameters (and JSON members) that carry a signature, a session token (DirectMail
 * RPC) or an SMTP password (DirectMail ModifyMailAddress, Tencent UpdateEmailSmtpPassWord).
 */
const SECRET_PARAMS = new Set(['signature', 'securitytoken', 'password']);
/** Headers that are secret in full (Tencent's and DirectMail V3's session tokens). */
const SECRET_HEADERS = new Set(['x-tc-token', 'x-acs-security-token', 'cookie']);

/**
 * Query parameter names that carry a credential in a webhook URL (`?token=`, `?access_token=`,
 * `?sig=`, `?api_key=`): a receiver checks them, so a reader of the URL could forge a push.
 */
const CREDENTIAL_PARAM = /token|secret|sig|passw|pwd|auth|credential|key$|^key/i;

const REDACTED = '[redacted]';

/**
 * An http(s) URL as the emulator shows it: the password of its user info (or the user info
 * whole, a bare token), a token-long last path segment and the values of credential-like query
 * and fragment parameters hidden.
 * Anything else is returned as it is; the emulator still delivers to the full URL.
 */
export function redactUrl(url: string): string {
  const parts = /^(https?:\/\/)(?:([^/?#@]*)@)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (parts === null) return url;
  const [, scheme, userinfo, rest, query = '', hash = ''] = parts;
  const colon = userinfo?.indexOf(':') ?? -1;
  const user =
    userinfo === undefined
      ? ''
      : `${colon < 0 ? REDACTED : `${userinfo.slice(0, colon)}:${REDACTED}`}@`;
  return `${scheme}${user}${hidePathToken(rest as string)}${query && `?${hideValues(query.slice(1), CREDENTIAL_PARAM)}`}${
    hash && `#${hideValues(hash.slice(1), CREDENTIAL_PARAM)}`
  }`;
}

/**
 * The mailbridge receiver also reads its secret (at least 16 characters) from the URL's last path
 * segment (packages/core/src/events/auth.ts, the README's `/events/<token>`): a last segment
 * that long is hidden; a short one (`/hook`) is a route, shown.
 */
const PATH_TOKEN_MIN = 16;

/** `host/a/b` with `b` hidden when it may be a token. */
function hidePathToken(hostAndPath: string): string {
  const m = /^([^/]*\/(?:.*\/)?)([^/]+)(\/?)$/.exec(hostAndPath);
  if (m === null || (m[2] as string).length < PATH_TOKEN_MIN) return hostAndPath;
  return `${m[1]}${REDACTED}${m[3]}`;
}

/** `a=1&b=2` with the values of the parameters whose decoded name matches `secret` hidden. */
function hideValues(encoded: string, secret: RegExp): string {
  return encoded
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && secret.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

/** Headers with session tokens replaced and the `Signature=` part of `Authorization` hidden. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (SECRET_HEADERS.has(name)) out[name] = REDACTED;
    else if (name === 'authorization') out[name] = redactAuthorization(text);
    else out[name] = text;
  }
  return out;
}

/**
 * TC3-HMAC-SHA256 and ACS3-HMAC-SHA256 put the signature after `Signature=`; the algorithm,
 * key id and signed headers stay visible because they explain a signature mismatch.
 */
function redactAuthorization(value: string): string {
  if (!/signature=/i.test(value)) return REDACTED;
  return value.replace(/(signature=)[^,\s]*/gi, `$1${REDACTED}`);
}

/** A path with query, its `Signature` and `SecurityToken` parameters hidden. */
export function redactQuery(pathAndQuery: string): string {
  const mark = pathAndQuery.indexOf('?');
  if (mark < 0) return pathAndQuery;
  return `${pathAndQuery.slice(0, mark)}?${redactParams(pathAndQuery.slice(mark + 1))}`;
}

/**
 * `a=1&Signature=x` with the secret parameters' values hidden (form bodies and queries), and a
 * value that is a URL (DirectMail's NotifyUrl) shown through `redactUrl`.
 */
export function redactParams(encoded: string): string {
  return encoded
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      if (SECRET_PARAMS.has(safeDecode(name).toLowerCase())) return `${name}=${REDACTED}`;
      const value = eq < 0 ? '' : safeDecode(pair.slice(eq + 1));
      const shown = redactUrl(value);
      return shown === value ? pair : `${name}=${encodeURIComponent(shown)}`;
    })
    .join('&');
}

/** A stored body: form bodies get `redactParams`, JSON bodies `redactJson`, others kept as text. */
export function redactBody(body: string, contentType: string | undefined): string {
  if (contentType?.includes('application/x-www-form-urlencoded')) return redactParams(body);
  return contentType?.includes('json') ? redactJson(body) : body;
}

/** `"name": "value"` in JSON text (both string literals, escapes included). */
const JSON_STRING_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/**
 * JSON text with the string value of each secret-named member hidden (at any depth), and a
 * value that is a URL shown through `redactUrl`.
 */
function redactJson(text: string): string {
  return text.replace(JSON_STRING_MEMBER, (member, name: string, colon: string, value: string) => {
    if (SECRET_PARAMS.has(jsonName(name).toLowerCase())) return `"${name}"${colon}"${REDACTED}"`;
    const url = jsonName(value);
    const shown = redactUrl(url);
    return shown === url ? member : `"${name}"${colon}${JSON.stringify(shown)}`;
  });
}

function jsonName(literal: string): string {
  try {
    return JSON.parse(`"${literal}"`) as string;
  } catch {
    return literal;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
