/**
 * The names a message's extra `headers` may have: RFC 5322 field names, and none of those the
 * message writes itself from its fields. Used by the message schema (schema.ts).
 */

/** RFC 5322 ftext: printable ASCII except the colon. */
function headerNameProblem(name: string): string | undefined {
  if (name === '') return 'a header name must not be empty';
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code === 0x0d || code === 0x0a || code === 0)
      return 'the header name contains a line break or NUL (header injection)';
    if (code < 33 || code > 126 || code === 58) {
      return 'a header name may contain only printable ASCII characters other than ":" (RFC 5322 ftext)';
    }
  }
  return undefined;
}

/**
 * Headers the message writes from its own fields (or the MIME structure): given as extra headers
 * they would conflict with those fields, or be dropped (a `Bcc` header adds no recipient).
 */
const OWNED_HEADERS: ReadonlyMap<string, string> = new Map([
  ['from', 'from'],
  ['to', 'to'],
  ['cc', 'cc'],
  ['bcc', 'bcc'],
  ['reply-to', 'replyTo'],
  ['subject', 'subject'],
  ['content-type', 'html, text or attachments'],
  ['content-transfer-encoding', 'html, text or attachments'],
  ['mime-version', 'html, text or attachments'],
]);

/** Why `name` cannot be an extra header of a message, or `undefined`. */
export function headerProblem(name: string): string | undefined {
  const problem = headerNameProblem(name);
  if (problem !== undefined) return problem;
  const field = OWNED_HEADERS.get(name.toLowerCase());
  return field === undefined
    ? undefined
    : `"${name}" is written from the message itself: use ${field}, not a custom header`;
}
