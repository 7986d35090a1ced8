/**
 * Message checks that span fields (a recipient somewhere, a body of some kind, no recipient
 * twice). These are the one home of the body-or-template rule: adapters do not repeat it. They run on the parsed message, and also on the raw input when parsing failed, so
 * that one error lists every problem.
 */

import type { Issue } from '../errors.js';
import { addrSpecProblem, asciiDomain, parseAddress } from './address.js';

const RECIPIENT_FIELDS = ['to', 'cc', 'bcc'] as const;

/** How many recipients a (possibly raw) list value holds. */
function countOf(value: unknown): number {
  if (value === undefined) return 0;
  return Array.isArray(value) ? value.length : 1;
}

/** The case-insensitive identity of a raw recipient, or `undefined` when it is not valid. */
function rawKeyOf(value: unknown): string | undefined {
  if (typeof value === 'string') return parseAddress(value)?.address.toLowerCase();
  if (typeof value !== 'object' || value === null) return undefined;
  const { address: text } = value as { address?: unknown };
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (addrSpecProblem(trimmed) !== undefined) return undefined;
  const ascii = asciiDomain(trimmed);
  return typeof ascii === 'string' ? ascii.toLowerCase() : undefined;
}

/**
 * Which earlier fields a recipient may not repeat. A `to` address in `bcc` is left out: whether
 * that overlap is allowed is the provider's (`capabilities.recipients.bccMayOverlapTo`, checked
 * in capabilities/check.ts), not a property of the message.
 */
const CONFLICTS = { to: ['to'], cc: ['to', 'cc'], bcc: ['cc', 'bcc'] } as const;

function duplicates(
  value: Readonly<Record<string, unknown>>,
  parsed: boolean,
  issues: Issue[],
): void {
  const seen = { to: new Map<string, string>(), cc: new Map<string, string>(), bcc: new Map() };
  for (const field of RECIPIENT_FIELDS) {
    const list = value[field];
    const many = Array.isArray(list);
    const items: readonly unknown[] = many ? list : list === undefined ? [] : [list];
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      // Parsed recipients are valid `Address`es already; raw ones are checked first.
      const key = parsed ? (item as { address: string }).address.toLowerCase() : rawKeyOf(item);
      if (key === undefined) continue;
      const first = firstOf(seen, CONFLICTS[field], key);
      if (first === undefined) seen[field].set(key, many ? `${field}[${index}]` : field);
      else
        issues.push({
          path: many ? [field, index] : [field],
          message: `duplicate recipient: already in ${first}`,
        });
    }
  }
}

function firstOf(
  seen: Readonly<Record<string, Map<string, string>>>,
  fields: readonly string[],
  key: string,
): string | undefined {
  for (const field of fields) {
    const first = seen[field]?.get(key);
    if (first !== undefined) return first;
  }
  return undefined;
}

/**
 * The cross-field issues of a message: `parsed` for a successfully parsed message (cheap),
 * otherwise the raw input, read defensively; a raw input that cannot be read adds nothing
 * (the parse issues already say what is wrong).
 */
export function crossCheck(input: unknown, parsed: boolean): Issue[] {
  const issues: Issue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return issues;
  try {
    const value = input as Readonly<Record<string, unknown>>;
    const recipients = countOf(value.to) + countOf(value.cc) + countOf(value.bcc);
    if (recipients === 0) {
      issues.push({ path: ['to'], message: 'at least one recipient is required in to, cc or bcc' });
    }
    const hasBody = value.html !== undefined || value.text !== undefined;
    if (!hasBody && value.template === undefined) {
      issues.push({ path: [], message: 'a body is required: html, text or template' });
    }
    if (hasBody && value.template !== undefined) {
      issues.push({ path: ['template'], message: 'use either a template or html/text, not both' });
    }
    // One recipient cannot repeat itself: skip the map on the most common send.
    if (recipients > 1) duplicates(value, parsed, issues);
  } catch {
    // An unreadable raw input: its parse issues (or the guard) report it.
  }
  return issues;
}
