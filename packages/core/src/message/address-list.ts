/**
 * Recipient strings written the way Nodemailer users and mail headers write them:
 * `'a@example.com, b@example.com'` or `'Ann <a@x.com>, "Doe, John" <j@y.com>'`. RFC 5322
 * §3.4 (https://www.rfc-editor.org/rfc/rfc5322#section-3.4) defines an `address-list` as
 * mailboxes separated by commas, where a comma inside a quoted display name, an angle-bracket
 * address or a comment belongs to that mailbox. No single valid mailbox has a comma outside
 * those, so splitting there never changes the meaning of an address that was valid before.
 * Group syntax (`Team: a@x, b@y;`) is not accepted: its parts are refused as addresses.
 */

/**
 * The mailboxes of `text` when it has a list comma and its first part holds an `@`, else
 * `undefined` (validated as one mailbox, whose message then says what is wrong).
 */
export function splitAddressList(text: string): string[] | undefined {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '\\') i++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '(') comment++;
    else if (char === ')' && comment > 0) comment--;
    else if (char === '<') angle++;
    else if (char === '>' && angle > 0) angle--;
    else if (char === ',' && angle === 0 && comment === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (parts.length === 0) return undefined;
  parts.push(text.slice(start));
  // `Doe, John <j@x.com>` is one mailbox with an unquoted comma in its name far more often than
  // a list that starts with a bare word: left whole, it gets the message that says to quote it.
  if (!parts[0]?.includes('@')) return undefined;
  return parts.map((part) => part.trim());
}

/**
 * A recipient field as validation reads it: a string holding a comma-separated list becomes the
 * array of its mailboxes (each then validated on its own, with its index in the issue path);
 * anything else is returned as it is. The `addressList` schema (schema.ts) reads every
 * recipient field through it.
 */
export function expandAddressList(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return splitAddressList(value) ?? value;
}
