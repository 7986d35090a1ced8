/**
 * Per-provider values (`perProvider` on a message or batch): the sender address each account
 * verified, the template reference each provider takes (DirectMail names, Tencent numeric ids),
 * the group each account stores. One function turns a message with such a map into the plain
 * message one provider or member receives, or says why that member cannot take it.
 */
import { invalidInput } from '../errors.js';
import type { BatchInput, BatchMemberValues, MessageInput } from '../message/message.js';

/** A plain input for one member, or why that member is passed over. */
export type ForMember<T> =
  | { readonly ok: true; readonly input: T }
  | { readonly ok: false; readonly reason: string };

/** The keys a member answers to in `perProvider`: its name first, then its provider id. */
export interface MemberKeys {
  readonly name: string;
  readonly provider: string;
}

/**
 * The message or batch `member` receives: its `perProvider` entry (by name, else provider id)
 * replaces `from`, `template.id` and, on a batch, `group` and `subject`; `perProvider` itself
 * is removed.
 * Without `perProvider` the input is returned as it is.
 */
export function valuesFor<T extends MessageInput | BatchInput>(
  input: T,
  member: MemberKeys,
): ForMember<T> {
  const map = input.perProvider;
  if (map === undefined) return { ok: true, input };
  if (typeof map !== 'object' || map === null) {
    throw invalidInput([
      { path: ['perProvider'], message: 'expected an object keyed by provider' },
    ]);
  }
  const entry = (map[member.name] ?? map[member.provider]) as BatchMemberValues | undefined;
  const { perProvider: _map, ...rest } = input;
  if (entry === undefined) {
    const keys =
      member.name === member.provider
        ? `'${member.name}'`
        : `'${member.name}' or '${member.provider}'`;
    return { ok: false, reason: `perProvider has no entry for ${keys}` };
  }
  if (typeof entry !== 'object' || entry === null) {
    throw invalidInput([
      {
        path: ['perProvider', member.name],
        message: 'expected { from?, template?, group?, subject? }',
      },
    ]);
  }
  const out: Record<string, unknown> = { ...rest };
  if (entry.from !== undefined) out['from'] = entry.from;
  if (entry.template !== undefined) out['template'] = { ...rest.template, id: entry.template };
  if (entry.group !== undefined) out['group'] = entry.group;
  if (entry.subject !== undefined) out['subject'] = entry.subject;
  return { ok: true, input: out as T };
}

/**
 * For a single-provider mailer: the input with its `perProvider` entry applied, or a clear
 * `invalid_input` when the map names other providers only.
 */
export function valuesForProvider<T extends MessageInput | BatchInput>(
  input: T,
  provider: string,
): T {
  // Anything that is not an object is left for normalizeMessage to report.
  if (typeof input !== 'object' || input === null || input.perProvider === undefined) return input;
  const resolved = valuesFor(input, { name: provider, provider });
  if (resolved.ok) return resolved.input;
  throw invalidInput([{ path: ['perProvider'], message: resolved.reason }], provider);
}
