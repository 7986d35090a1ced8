/**
 * The documented size limits of a provider's recipient lists (`capabilities.groups.maxGroups`,
 * `maxPerGroup`), checked by `groups` before the call that would break them, so the caller gets a
 * MailError naming the limit rather than a provider error after part of an upload went in.
 */

import type { Capabilities } from '../capabilities/capabilities.js';
import { type Issue, invalidInput, MailError } from '../errors.js';
import type { Recipient } from '../message/message.js';
import { utf8Length } from '../message/text.js';
import type { GroupInput } from '../provider/provider.js';

/**
 * Refuse to create one more group when the account already has `existing` and the provider allows
 * `maxGroups`. `quota_exceeded`: nothing is wrong with the input, the account is full.
 */
export function checkGroupCount(caps: Capabilities, existing: number): void {
  const max = caps.groups.maxGroups;
  if (max === undefined || existing < max) return;
  const message = `at most ${max} groups per account on ${caps.provider} (${existing} exist)`;
  throw new MailError(`Cannot create group: ${message}`, {
    code: 'quota_exceeded',
    retryable: false,
    delivery: 'not_sent',
    provider: caps.provider,
    issues: [{ path: ['maxGroups'], message }],
  });
}

/**
 * Refuse the `count`th recipient of one upload when a group holds at most `maxPerGroup`. Called
 * with an array's length before the first call, and with each streamed recipient's position, so
 * a stream stops before the call that would carry the one too many. `quota_exceeded`, as the
 * providers classify a full list themselves (Tencent's LimitExceeded.ReceiverDetailCountLimit).
 */
export function checkGroupSize(caps: Capabilities, count: number): void {
  const max = caps.groups.maxPerGroup;
  if (max === undefined || count <= max) return;
  const message = `at most ${max.toLocaleString('en-US')} recipients per group on ${caps.provider}`;
  throw new MailError(`Cannot add recipients: ${message}`, {
    code: 'quota_exceeded',
    retryable: false,
    delivery: 'not_sent',
    provider: caps.provider,
    issues: [{ path: ['recipients'], message }],
  });
}

/**
 * Refuse a recipient the provider's groups cannot store as given: a display name where groups
 * hold bare addresses (`groups.recipientNames: false`), or a name and a different value for the
 * variable the provider keeps it in (`groups.recipientNameKey`), or data the provider's rules
 * refuse (`groups.recipientDataRules`, keys compared with the upload's `first` recipient).
 * `index` is the recipient's position in the whole upload, not in the provider call carrying it.
 */
export function checkGroupRecipient(
  caps: Capabilities,
  recipient: Recipient,
  index: number,
  first: Recipient,
): void {
  checkGroupData(caps, recipient, index, first);
  if (!recipient.name) return;
  const key = caps.groups.recipientNameKey;
  const stored = key === undefined ? undefined : recipient.data?.[key];
  if (key !== undefined && stored !== undefined && stored !== recipient.name) {
    const message = `${caps.provider} stores the name as the variable ${key}: give one or the other`;
    throw invalidInput([{ path: [index, 'data', key], message }], caps.provider);
  }
  if (caps.groups.recipientNames !== false) return;
  const message = `${caps.provider} groups store addresses without display names`;
  throw new MailError(`${caps.provider} does not support ${index}.name: ${message}`, {
    code: 'unsupported',
    delivery: 'not_sent',
    provider: caps.provider,
    issues: [{ path: [index, 'name'], message }],
  });
}

/** A tag, opening or closing: what `plainText` data may not hold. */
const HTML_TAG = /<\/?[A-Za-z][^>]*>/;

/** A recipient's data keys in one comparable string (`undefined`: no data). */
const keysOf = (r: Recipient) =>
  r.data === undefined ? undefined : Object.keys(r.data).sort().join(', ');

function checkGroupData(caps: Capabilities, r: Recipient, index: number, first: Recipient): void {
  const rules = caps.groups.recipientDataRules;
  if (rules === undefined) return;
  const refuse = (message: string): never => {
    throw invalidInput(
      [{ path: [index, 'data'], message: `${caps.provider}: ${message}` }],
      caps.provider,
    );
  };
  const keys = keysOf(r);
  const expected = keysOf(first);
  if (rules.sameKeys && keys !== expected) {
    refuse(
      expected === undefined
        ? 'the first recipient of this upload has no data, so none may have any'
        : `every recipient of one upload needs data with the keys of the first: ${expected}`,
    );
  }
  if (r.data === undefined) return;
  const max = rules.maxJsonBytes;
  const bytes = max === undefined ? 0 : utf8Length(JSON.stringify(r.data));
  if (max !== undefined && bytes > max) refuse(`at most ${max} bytes as JSON, got ${bytes}`);
  if (rules.plainText && Object.values(r.data).some((v) => HTML_TAG.test(v)))
    refuse('plain text values only, no HTML tags');
}

/** A new group's name and description against the lengths the provider documents. */
export function checkGroupInput(caps: Capabilities, group: GroupInput): void {
  const issues: Issue[] = [];
  const limits = [
    ['name', group.name, caps.groups.nameMaxLength],
    ['description', group.description, caps.groups.descriptionMaxLength],
  ] as const;
  for (const [field, value, max] of limits) {
    if (value === undefined || max === undefined) continue;
    const length = [...value].length;
    if (length > max)
      issues.push({
        path: [field],
        message: `at most ${max} characters on ${caps.provider}, got ${length}`,
      });
  }
  if (issues.length > 0) throw invalidInput(issues, caps.provider);
}
