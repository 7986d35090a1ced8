/**
 * Content rules shared by the actions (docs/providers/tencent-ses.md "Data types", "Templates and tasks",
 * "Sending"): base64 bodies, TemplateData strings, `{{var}}` rendering and the `Alias <addr>` sender form.
 */
import { fail } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode strict base64 to bytes, or undefined when it is not valid base64. */
export function decodeBase64(value: string): Buffer | undefined {
  // Linear checks, not one backtracking regex: bodies reach megabytes.
  if (value.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(value)) return undefined;
  const pad = value.indexOf('=');
  if (pad !== -1 && (pad < value.length - 2 || !/^={1,2}$/.test(value.slice(pad)))) {
    return undefined;
  }
  return Buffer.from(value, 'base64');
}

/** Decode base64 text (HTML or plain); undefined when not base64 or not UTF-8. */
export function decodeBase64Text(value: string): string | undefined {
  const bytes = decodeBase64(value);
  if (bytes === undefined) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

/** A plain mailbox address (no display name), at most 254 characters. */
export function isAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value);
}

/** A sender as FromEmailAddress carries it: `addr` or `Alias <addr>` (one space before `<`). */
export interface Sender {
  readonly address: string;
  readonly alias?: string;
}

/**
 * Parse FromEmailAddress. A wrong shape is FailedOperation.IncorrectSender ("the sender format
 * is wrong"). An alias containing `:` (forbidden, docs/providers/tencent-ses.md "Sending") is answered with
 * InvalidParameterValue.IllegalSenderName, the most specific documented code, although the
 * Go error list of SendEmail does not name it.
 */
export function parseSender(value: string): Sender {
  if (value.trim() === '')
    fail('InvalidParameterValue.EmailAddressIsNULL', 'FromEmailAddress is empty');
  const m = /^(.*) <([^<>]+)>$/.exec(value);
  const address = m === null ? value : m[2]!;
  if (!isAddress(address)) {
    fail(
      'FailedOperation.IncorrectSender',
      `FromEmailAddress "${value}" is not "addr" or "Alias <addr>"`,
    );
  }
  if (m === null) return { address };
  const alias = m[1]!;
  if (alias === '' || alias !== alias.trim() || alias.includes(':')) {
    fail(
      'InvalidParameterValue.IllegalSenderName',
      `sender alias "${alias}" is invalid (no ":", one space before "<")`,
    );
  }
  return { address, alias };
}

/** The outcome of reading a TemplateData string. */
export type TemplateDataResult =
  | { readonly ok: true; readonly data: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly why: 'json' | 'shape' };

/** Parse TemplateData: a JSON object, serialised to a string, of string values (docs/providers/tencent-ses.md "Data types"). */
export function readTemplateData(text: string): TemplateDataResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, why: 'json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, why: 'shape' };
  }
  const entries = Object.entries(value);
  if (entries.some(([, v]) => typeof v !== 'string')) return { ok: false, why: 'shape' };
  return { ok: true, data: Object.fromEntries(entries) as Record<string, string> };
}

const VARIABLE = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** Replace `{{name}}` with data values; unknown variables stay as written (visible in tests). */
export function render(text: string, data: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (whole, name: string) => data[name] ?? whole);
}

/** The variable names a template text uses. */
export function variablesOf(...texts: readonly (string | undefined)[]): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of (text ?? '').matchAll(VARIABLE)) names.add(m[1]!);
  }
  return names;
}

/** Does the text look like HTML markup (refused in row data, InValidTemplateData: docs/providers/tencent-ses.md "Recipient groups")? */
export function looksLikeHtml(value: string): boolean {
  return /<\/?[A-Za-z][^>]*>/.test(value);
}
