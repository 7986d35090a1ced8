/**
 * Redaction: the only view of a request that hooks, logs and errors ever get. Credentials,
 * signatures and tokens are replaced by name (headers and query/form parameters every provider
 * uses) and by value (each secret the provider reports, raw, percent-encoded or JSON-escaped).
 * `redactError` applies the same to an error's text, since some gateways quote requests back.
 */
import type { MailError } from '../errors.js';
import type { HttpRequest } from '../provider/provider.js';
import type { RedactedRequest } from './hooks.js';

/** What a redacted value is replaced with. */
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

/**
 * Query and form parameters whose value is a credential (DirectMail RPC style), compared
 * lower-case: a proxy or an SDK may spell them differently.
 */
const SECRET_PARAMS = new Set([
  'signature',
  'accesskeyid',
  'securitytoken',
  'accesskeysecret',
  'token',
  // A sender's SMTP password (DirectMail ModifyMailAddress, Tencent UpdateEmailSmtpPassWord).
  'password',
]);

/** Longest body kept in a description; the rest is summarised by its length. */
const MAX_BODY_CHARS = 4_096;

/** Describe a request for hooks and logs. `extraSecrets` come from the provider's configuration. */
export function describeRequest(
  request: HttpRequest,
  extraSecrets: readonly string[] = [],
): RedactedRequest {
  const text = bodyText(request);
  const forms = secretForms([...requestSecrets(request, text), ...extraSecrets]);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : replaceForms(value, forms);
  }
  const url = replaceForms(redactParams(request.url, true), forms);
  const described: RedactedRequest = { method: request.method, url, headers };
  if (text === undefined) return described;
  const contentType = Object.entries(request.headers).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1];
  // A body without a declared type may still be a form: redact its parameters too.
  const form =
    contentType === undefined || contentType.includes('application/x-www-form-urlencoded')
      ? redactParams(text, false)
      : text;
  const body = replaceForms(form, forms);
  return {
    ...described,
    body:
      body.length > MAX_BODY_CHARS
        ? `${body.slice(0, MAX_BODY_CHARS)}… (${body.length} chars)`
        : body,
  };
}

/**
 * The request's own secrets (`request.secrets`) and the value of every secret-named parameter it
 * carries, in its query, a form body or a JSON body: the values are then redacted wherever they
 * appear (a hook's body, an error quoting the request), whatever the encoding.
 */
export function requestSecrets(
  request: HttpRequest,
  text: string | undefined = bodyText(request),
): string[] {
  const values = [...(request.secrets ?? [])];
  const mark = request.url.indexOf('?');
  if (mark !== -1) values.push(...paramValues(request.url.slice(mark + 1)));
  if (text === undefined) return values;
  values.push(...paramValues(text));
  for (const match of text.matchAll(JSON_STRING_MEMBER)) {
    if (!SECRET_PARAMS.has(jsonString(match[1] as string).toLowerCase())) continue;
    values.push(jsonString(match[2] as string));
  }
  return values;
}

/** The request body as text (decoded once per description), or `undefined` without one. */
function bodyText(request: HttpRequest): string | undefined {
  if (request.body === undefined) return undefined;
  return typeof request.body === 'string'
    ? request.body
    : Buffer.from(request.body).toString('utf8');
}

/** `"name": "value"` in JSON text (both string literals, escapes included). */
const JSON_STRING_MEMBER = /"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

function jsonString(literal: string): string {
  try {
    return JSON.parse(`"${literal}"`) as string;
  } catch {
    return literal;
  }
}

/** Values of the secret-named parameters of a query or form text. */
function paramValues(query: string): string[] {
  const out: string[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq === -1 || !SECRET_PARAMS.has(safeDecode(pair.slice(0, eq)).toLowerCase())) continue;
    out.push(safeDecode(pair.slice(eq + 1)));
  }
  return out;
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
    return SECRET_PARAMS.has(name.toLowerCase()) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
  });
  return head + parts.join('&');
}

/**
 * Replace every occurrence of each secret, raw and in the encodings a request may carry.
 * Longest forms go first, so a secret that contains another is never left half redacted.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return replaceForms(text, secretForms(secrets));
}

/** Every form of every secret, longest first. */
function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    // Very short strings would redact ordinary text; no real credential is this short.
    if (secret.length < 6) continue;
    for (const form of encodings(secret)) forms.add(form);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

function replaceForms(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
  return out;
}

/**
 * The error with every secret removed from its message, provider message (the stack follows
 * the message) and cause chain (`util.inspect` prints causes: fetch's Headers, for one, quote a
 * rejected header value). Returns the same error when there was nothing to remove.
 */
export function redactError(error: MailError, secrets: readonly string[]): MailError {
  const forms = secretForms(secrets);
  const message = replaceForms(error.message, forms);
  const providerMessage =
    error.providerMessage === undefined ? undefined : replaceForms(error.providerMessage, forms);
  const cause = redactCause(error.cause, forms, 0);
  if (
    message === error.message &&
    providerMessage === error.providerMessage &&
    cause === error.cause
  ) {
    return error;
  }
  return error.with({ message, providerMessage, cause });
}

/** Causes followed below an error; deeper ones are dropped when a secret was found above. */
const MAX_CAUSE_DEPTH = 5;

/**
 * A cause with no secret in its text, or the same value when it had none. An error that held
 * one becomes a plain `Error` with its name, `code`, redacted message and stack, and its own
 * cause redacted in turn; its other properties are not copied, since any of them could hold it.
 */
function redactCause(cause: unknown, forms: readonly string[], depth: number): unknown {
  if (forms.length === 0 || cause === undefined || cause === null) return cause;
  if (typeof cause === 'string') return replaceForms(cause, forms);
  if (typeof cause !== 'object') return cause;
  try {
    return redactObject(cause, forms, depth);
  } catch {
    // A cause whose properties throw when read cannot be checked: it is not passed on.
    return new Error('(the cause could not be read)');
  }
}

function redactObject(cause: object, forms: readonly string[], depth: number): unknown {
  const error = cause as Partial<Record<'name' | 'message' | 'stack' | 'code' | 'cause', unknown>>;
  const deeper = depth < MAX_CAUSE_DEPTH ? redactCause(error.cause, forms, depth + 1) : error.cause;
  if (deeper === error.cause && !holdsSecret(cause, forms)) return cause;
  const inner = depth < MAX_CAUSE_DEPTH ? deeper : undefined;
  const text = (value: unknown) => (typeof value === 'string' ? replaceForms(value, forms) : '');
  const copy = new Error(text(error.message), inner === undefined ? undefined : { cause: inner });
  copy.name = typeof error.name === 'string' ? error.name : 'Error';
  copy.stack = text(error.stack) || `${copy.name}: ${copy.message}`;
  if (typeof error.code === 'string') Object.assign(copy, { code: error.code });
  return copy;
}

/** Whether any string an inspection of `value` prints (own properties, message, stack) holds a secret form. */
function holdsSecret(value: object, forms: readonly string[]): boolean {
  const texts: unknown[] = [(value as Error).message, (value as Error).stack];
  for (const key of Object.keys(value)) texts.push((value as Record<string, unknown>)[key]);
  return texts.some(
    (text) => typeof text === 'string' && forms.some((form) => text.includes(form)),
  );
}

/**
 * The raw secret and every encoding a request, a proxy or a gateway echoing it may use: the
 * request's own (percent-encoded with upper or lower hex, `+` for space, twice; JSON-escaped),
 * each of them in turn as an echo may re-encode it (`\u` escapes, HTML entities, base64).
 */
function encodings(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const rfc3986 = uri.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const lower = rfc3986.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
  const form = uri.replace(/%20/g, '+');
  const json = JSON.stringify(secret).slice(1, -1);
  const inRequest = [secret, uri, rfc3986, lower, form, rfc3986.replace(/%/g, '%25'), json];
  return inRequest.flatMap((text) => [text, ...echoed(text)]);
}

/** `text` as an echo may re-encode it: `\u` escapes, HTML entities, base64. */
function echoed(text: string): string[] {
  const special = /[^A-Za-z0-9]/g;
  const code = (c: string) => c.charCodeAt(0);
  const unicode = (c: string) => `\\u${code(c).toString(16).padStart(4, '0')}`;
  const hexEntity = text.replace(special, (c) => `&#x${code(c).toString(16)};`);
  return [
    text.replace(special, unicode),
    text.replace(special, (c) => unicode(c).toUpperCase().replace('\\U', '\\u')),
    text.replace(/[&<>"'/=+%:]/g, (c) => HTML_NAMED[c] ?? `&#${code(c)};`),
    text.replace(special, (c) => `&#${code(c)};`),
    hexEntity,
    hexEntity.replace(/&#x([0-9a-f]+);/g, (_m, hex: string) => `&#x${hex.toUpperCase()};`),
    ...base64Forms(text),
  ];
}

const HTML_NAMED: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Base64 of the secret at each of the three byte alignments it can have inside a longer
 * encoded text (standard and URL-safe alphabets), keeping only the characters that depend on
 * the secret alone: an echoed request encoded whole still shows these substrings.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const head = offset === 0 ? 0 : 4;
    const tail = (offset + bytes.length) % 3 === 0 ? encoded.length : encoded.length - 4;
    const stable = encoded.slice(head, tail).replace(/=+$/, '');
    // Too short a fragment would match ordinary text.
    if (stable.length < 8) continue;
    forms.push(stable, stable.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
