/**
 * Email address parsing and formatting. Hand-written linear scanners rather than one big regex:
 * every check is bounded by the input length (no backtracking), and each failure has a reason
 * the user can act on. Internationalised addresses (RFC 6531/6532: UTF-8 local parts, IDN
 * domains, any script in display names) are valid.
 */
import { domainToASCII } from 'node:url';
import type { Address } from './message.js';
import { lineProblem, textProblem, utf8Length } from './text.js';

/** RFC 5321 docs/providers: path 256 octets including `<>`, so 254 for the address itself. */
const MAX_ADDRESS_BYTES = 254;
const MAX_LOCAL_BYTES = 64;
const MAX_LABEL_BYTES = 63;
/** One domain label: letters, marks and digits of any script, and hyphens (IDNA 2008 U-labels). */
const LABEL = /^[\p{L}\p{M}\p{N}-]+$/u;
/** Characters that force a display name into quotes (RFC 5322 specials, plus the quote itself). */
const NAME_SPECIALS = /[()<>[\]:;@\\,."]/;
/** Unquoted display names may not contain these: they would split or corrupt an address list. */
const UNQUOTED_NAME_FORBIDDEN = /[,;<>"\\]/;
function isSpaceOrControl(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function quotedLocalProblem(local: string): string | undefined {
  for (let i = 1; i < local.length; i++) {
    const code = local.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return 'the quoted local part contains a control character';
    if (code === 0x5c)
      i++; // backslash: the next character is escaped
    else if (code === 0x22) {
      if (i !== local.length - 1) return 'the quoted local part has an unescaped quote';
      return i === 1 ? 'the quoted local part is empty' : undefined;
    }
  }
  return 'the quoted local part has no closing quote';
}

/** 1 for each ASCII character allowed in a dot-atom local part (RFC 5322 atext, and the dot). */
const ATEXT = asciiTable("A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~.");
/** 1 for each ASCII character allowed in a host name label (LDH: letters, digits, hyphen). */
const LDH = asciiTable('A-Za-z0-9\\-');

function asciiTable(characterClass: string): Uint8Array {
  const table = new Uint8Array(128);
  const pattern = new RegExp(`[${characterClass}]`);
  for (let code = 0; code < 128; code++)
    table[code] = pattern.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
}

function dotAtomLocalProblem(local: string): string | undefined {
  if (local.charCodeAt(0) === 0x2e || local.charCodeAt(local.length - 1) === 0x2e) {
    return 'the local part starts or ends with a dot';
  }
  for (let i = 0; i < local.length; i++) {
    const code = local.charCodeAt(i);
    if (code === 0x2e && local.charCodeAt(i + 1) === 0x2e)
      return 'the local part has consecutive dots';
    if (code < 0x80 ? ATEXT[code] === 1 : !isSpaceOrControl(code)) continue;
    if (code === 0x40) return 'it has more than one "@" (quote the local part to use one)';
    if (isSpaceOrControl(code)) return 'the local part contains a space or control character';
    return `the local part contains "${local[i]}", which must be quoted`;
  }
  return undefined;
}

/**
 * An ASCII label is bounded here; an IDN label by its A-label (`xn--…`), the form DNS and the
 * providers get, once converted (`asciiDomain`): RFC 5890 §2.3.2.1
 * (https://www.rfc-editor.org/rfc/rfc5890#section-2.3.2.1) puts the 63-octet limit there, and the
 * UTF-8 length of a U-label says nothing about it either way.
 */
function labelProblem(label: string, ascii: boolean): string | undefined {
  if (label === '') return 'the domain has an empty label (a leading, trailing or double dot)';
  if (ascii && label.length > MAX_LABEL_BYTES) return 'a domain label is longer than 63 bytes';
  if (label.charCodeAt(0) === 0x2d || label.charCodeAt(label.length - 1) === 0x2d) {
    return 'a domain label starts or ends with a hyphen';
  }
  return ascii || LABEL.test(label) ? undefined : DOMAIN_CHARACTERS;
}

const DOMAIN_CHARACTERS =
  'the domain contains a character other than letters, digits, hyphens and dots';

/** One pass over the domain; the Unicode label regex runs only for IDN labels. */
function domainProblem(domain: string): string | undefined {
  if (domain.startsWith('[')) return 'address literals such as [192.0.2.1] are not supported';
  let start = 0;
  let labels = 0;
  let ascii = true;
  let digits = true;
  for (let i = 0; i <= domain.length; i++) {
    const code = i < domain.length ? domain.charCodeAt(i) : 0x2e;
    if (code !== 0x2e) {
      if (code >= 0x80) ascii = false;
      else if (LDH[code] !== 1) return DOMAIN_CHARACTERS;
      digits &&= code >= 0x30 && code <= 0x39;
      continue;
    }
    const problem = labelProblem(domain.slice(start, i), ascii);
    if (problem) return problem;
    labels++;
    if (i === domain.length) break;
    start = i + 1;
    ascii = true;
    digits = true;
  }
  if (labels < 2) return 'the domain has no dot (expected e.g. example.com)';
  return digits ? 'the top-level domain is all digits' : undefined;
}

/**
 * Why `spec` (a bare `local@domain`, no display name) is not a deliverable address, or
 * `undefined`. Lengths are counted in UTF-8 bytes, the unit of the SMTP limits.
 */
export function addrSpecProblem(spec: string): string | undefined {
  if (spec === '') return 'it is empty';
  // UTF-8 bytes >= UTF-16 units, so this also bounds every scan below.
  // UTF-8 needs at most 3 bytes per UTF-16 unit, so short addresses skip the byte count.
  if (
    spec.length > MAX_ADDRESS_BYTES ||
    (spec.length * 3 > MAX_ADDRESS_BYTES && utf8Length(spec, MAX_ADDRESS_BYTES) > MAX_ADDRESS_BYTES)
  ) {
    return 'it is longer than 254 bytes';
  }
  const at = spec.lastIndexOf('@');
  if (at === -1) return 'it has no "@"';
  const local = spec.slice(0, at);
  const domain = spec.slice(at + 1);
  if (local === '') return 'nothing comes before the "@"';
  if (domain === '') return 'no domain comes after the "@"';
  const text = textProblem(spec);
  if (text) return `it ${text}`;
  if (local.length * 3 > MAX_LOCAL_BYTES && utf8Length(local, MAX_LOCAL_BYTES) > MAX_LOCAL_BYTES)
    return 'the local part (before the "@") is longer than 64 bytes';
  return (
    (local.startsWith('"') ? quotedLocalProblem(local) : dotAtomLocalProblem(local)) ??
    domainProblem(domain)
  );
}

/** The display name in `display` (quoted or not), or the reason it is malformed. */
function parseDisplayName(display: string): { name: string } | { problem: string } {
  if (display.startsWith('"')) {
    let name = '';
    for (let i = 1; i < display.length; i++) {
      const char = display[i] as string;
      if (char === '\\' && i + 1 < display.length) name += display[++i];
      else if (char === '"') {
        return i === display.length - 1
          ? { name }
          : { problem: 'text follows the quoted display name' };
      } else name += char;
    }
    return { problem: 'the display name has no closing quote' };
  }
  if (UNQUOTED_NAME_FORBIDDEN.test(display)) {
    return { problem: 'a display name containing , ; < > " or \\ must be in double quotes' };
  }
  return { name: display };
}

/** The reason a display name cannot be used, or `undefined`. */
export function nameProblem(name: string): string | undefined {
  const problem = lineProblem(name);
  return problem ? `the display name ${problem}` : undefined;
}

/**
 * Parse one mailbox, or return why it is not one: `a@b.com`, `<a@b.com>`, `Name <a@b.com>`,
 * `"Doe, John" <a@b.com>`. Used by validation, which needs the reason for its issue message.
 */
export function parseAddressResult(text: string): Address | string {
  const trimmed = text.trim();
  if (!trimmed.endsWith('>')) {
    if (trimmed.includes('<')) return 'invalid email address: "<" without a closing ">"';
    const problem = addrSpecProblem(trimmed);
    if (problem) return `invalid email address: ${problem}`;
    const address = asciiDomain(trimmed);
    return typeof address === 'string' ? { address } : `invalid email address: ${address.problem}`;
  }
  const open = trimmed.lastIndexOf('<');
  if (open === -1) return 'invalid email address: ">" without an opening "<"';
  const spec = trimmed.slice(open + 1, -1).trim();
  const problem = addrSpecProblem(spec);
  if (problem) return `invalid email address: ${problem}`;
  const address = asciiDomain(spec);
  if (typeof address !== 'string') return `invalid email address: ${address.problem}`;
  const display = trimmed.slice(0, open).trim();
  if (display === '') return { address };
  const parsed = parseDisplayName(display);
  if ('problem' in parsed) return `invalid email address: ${parsed.problem}`;
  const bad = nameProblem(parsed.name);
  if (bad) return `invalid email address: ${bad}`;
  const name = parsed.name.trim();
  return name === '' ? { address } : { address, name };
}

/**
 * The address with an IDN domain in its ASCII (`xn--`) form, which is what providers and SMTP
 * accept, or why it has none: IDNA rejects the domain, or the ASCII form breaks the lengths
 * `addrSpecProblem` checks on ASCII domains (63 per label, 254 for the address). ASCII domains
 * are returned as they are.
 */
export function asciiDomain(spec: string): string | { readonly problem: string } {
  const at = spec.lastIndexOf('@');
  const domain = spec.slice(at + 1);
  if (/^[\x00-\x7f]*$/.test(domain)) return spec;
  const ascii = domainToASCII(domain);
  if (ascii === '') return { problem: 'the domain is not a valid internationalised name' };
  if (ascii.split('.').some((label) => label.length > MAX_LABEL_BYTES)) {
    return { problem: 'a domain label is longer than 63 bytes in its ASCII (xn--) form' };
  }
  const address = `${spec.slice(0, at)}@${ascii}`;
  if (utf8Length(address, MAX_ADDRESS_BYTES) > MAX_ADDRESS_BYTES) {
    return { problem: 'it is longer than 254 bytes with its domain in ASCII (xn--) form' };
  }
  return address;
}

/**
 * True when the local part (before the `@`) is outside ASCII or quoted: deliverable only
 * through SMTPUTF8-capable paths, which neither DirectMail nor Tencent SES documents.
 */
export function needsSmtpUtf8(address: string): boolean {
  const local = address.slice(0, address.lastIndexOf('@'));
  return local.startsWith('"') || !/^[\x00-\x7f]*$/.test(local);
}

/**
 * Parse one mailbox written as `a@b.com`, `Name <a@b.com>` or `"Doe, John" <a@b.com>`;
 * `undefined` when it is not a valid, deliverable address. Unicode names and IDN domains
 * (`用户@例子.中国`) are valid.
 *
 * @example
 * ```ts
 * parseAddress('"Doe, John" <john@example.com>'); // { address: 'john@example.com', name: 'Doe, John' }
 * parseAddress('not an address'); // undefined
 * ```
 */
export function parseAddress(text: string): Address | undefined {
  if (typeof text !== 'string') return undefined;
  const result = parseAddressResult(text);
  return typeof result === 'string' ? undefined : result;
}

/**
 * Format a mailbox as `Name <a@b.com>` for providers that take one header-style string,
 * quoting the name when it holds RFC 5322 specials (`"Doe, John" <a@b.com>`), so that
 * `parseAddress(formatAddress(a))` gives `a` back.
 */
export function formatAddress(address: Address): string {
  const { name } = address;
  if (name === undefined || name === '') return address.address;
  const quote = NAME_SPECIALS.test(name) || name !== name.trim();
  const shown = quote ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
  return `${shown} <${address.address}>`;
}
