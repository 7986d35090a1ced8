/**
 * The request as the provider received it, minus what would let a reader replay or forge it:
 * signatures and session tokens are replaced by `[redacted]` before anything is stored, so the
 * inbox page, the admin JSON and the console never hold them.
 */
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Query/form parameters (and JSON members) that carry a signature, a session token (DirectMail
 * RPC) or an SMTP password (DirectMail ModifyMailAddress, Tencent UpdateEmailSmtpPassWord).
 */
const SECRET_PARAMS = new Set(['signature', 'securitytoken', 'password']);
/** Headers that are secret in full (Tencent's and DirectMail V3's session tokens). */
const SECRET_HEADERS = new Set(['x-tc-token', 'x-acs-security-token', 'cookie']);

const REDACTED = '[redacted]';

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

/** `a=1&Signature=x` with the secret parameters' values hidden (form bodies and queries). */
export function redactParams(encoded: string): string {
  return encoded
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return SECRET_PARAMS.has(safeDecode(name).toLowerCase()) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

/** A stored body: form bodies get `redactParams`, JSON bodies `redactJson`, others kept as text. */
export function redactBody(body: string, contentType: string | undefined): string {
  if (contentType?.includes('application/x-www-form-urlencoded')) return redactParams(body);
  return contentType?.includes('json') ? redactJson(body) : body;
}

/** `"name": "value"` in JSON text (both string literals, escapes included). */
const JSON_STRING_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"(?:[^"\\]|\\.)*"/g;

/** JSON text with the string value of each secret-named member hidden (at any depth). */
function redactJson(text: string): string {
  return text.replace(JSON_STRING_MEMBER, (member, name: string, colon: string) =>
    SECRET_PARAMS.has(jsonName(name).toLowerCase()) ? `"${name}"${colon}"${REDACTED}"` : member,
  );
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
