/**
 * Field checks shared by messages and batches (check.ts, check-batch.ts): sender and reply-to
 * names, template references, subject length, tags and tracking.
 */
import type { Issue } from '../errors.js';
import type { Address, Tracking } from '../message/message.js';
import type { Capabilities, ReferencePattern } from './capabilities.js';
import { charLength, type Findings } from './findings.js';

/** A display name: refused when the provider has none, or over its length. */
export function checkName(
  f: Findings,
  field: 'from' | 'replyTo',
  address: Address,
  allowed: boolean,
  max?: number,
  path: Issue['path'] = [field, 'name'],
): void {
  if (address.name === undefined) return;
  if (!allowed) f.cannot(`${field}.name`, `it cannot send a display name in ${field}`);
  else if (max !== undefined && charLength(address.name, max) > max)
    f.over(path, `${max} characters`, charLength(address.name, Number.POSITIVE_INFINITY));
}

/** The sender's display name: allowed, within its length, in the provider's shape. */
export function checkFromName(f: Findings, from: Address, caps: Capabilities): void {
  checkName(f, 'from', from, caps.from.name, caps.from.nameMaxLength);
  const shape = caps.from.namePattern;
  if (from.name !== undefined && caps.from.name && shape !== undefined)
    checkReference(f, ['from', 'name'], from.name, shape);
}

/**
 * A template reference against the provider's kind (`'id'`: a number or numeric string;
 * `'name'`: a non-empty string) and, when given, the shape the provider requires.
 */
export function checkTemplateRef(
  f: Findings,
  path: Issue['path'],
  id: string | number,
  kind: 'name' | 'id',
  shape?: ReferencePattern,
): void {
  if (kind === 'id' && !(typeof id === 'number' ? Number.isSafeInteger(id) : /^[0-9]+$/.test(id))) {
    f.issue(
      path,
      `${f.provider} references templates by numeric id: expected a number or a numeric string`,
    );
  } else if (kind === 'name' && (typeof id !== 'string' || id.trim() === '')) {
    f.issue(path, `${f.provider} references templates by name: expected a non-empty string`);
  } else checkReference(f, path, String(id), shape);
}

/** A reference (template id, group) against the provider's required shape, if it has one. */
export function checkReference(
  f: Findings,
  path: Issue['path'],
  value: string,
  shape: ReferencePattern | undefined,
): void {
  if (shape === undefined) return;
  if (!statelessTest(shape.pattern, value))
    f.issue(path, `${f.provider} expects ${shape.description}`);
}

/** A global or sticky pattern would carry lastIndex between tests; test with a stateless copy. */
function stateless(pattern: RegExp): RegExp {
  return pattern.global || pattern.sticky
    ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))
    : pattern;
}

/** `pattern.test(value)`, the same answer every time whatever the pattern's flags. */
export function statelessTest(pattern: RegExp, value: string): boolean {
  return stateless(pattern).test(value);
}

/** Tag count, length and syntax. */
export function checkTags(f: Findings, tags: readonly string[], caps: Capabilities): void {
  if (tags.length === 0) return;
  const { max, pattern, maxLength } = caps.tags;
  if (max === 0) {
    f.cannot('tags', 'it cannot tag messages');
    return;
  }
  if (tags.length > max) f.over(['tags'], `${max} tags`, tags.length);
  const test = pattern && stateless(pattern);
  tags.forEach((tag, index) => {
    if (maxLength !== undefined && charLength(tag, maxLength) > maxLength) {
      f.over(['tags', index], `${maxLength} characters`, charLength(tag, Number.POSITIVE_INFINITY));
    } else if (test && !test.test(tag)) {
      f.issue(
        ['tags', index],
        `tag does not match ${String(test)}, the tag syntax of ${f.provider}`,
      );
    }
  });
}

/** Open and click tracking the provider cannot do. */
export function checkTracking(f: Findings, tracking: Tracking, caps: Capabilities): void {
  if (tracking.opens === true && !caps.tracking.opens)
    f.cannot('tracking.opens', 'it cannot track opens');
  if (tracking.clicks === true && !caps.tracking.clicks)
    f.cannot('tracking.clicks', 'it cannot track clicks');
}

/** Subject length in characters, against `max` (single sends and batches differ). */
export function checkSubject(f: Findings, subject: string | undefined, max: number): void {
  if (subject !== undefined && charLength(subject, max) > max) {
    f.over(['subject'], `${max} characters`, charLength(subject, Number.POSITIVE_INFINITY));
  }
}

/** Why an address with a non-ASCII or quoted local part is refused. */
export const localPartWhy = 'it accepts only ASCII, unquoted local parts (before the "@")';
