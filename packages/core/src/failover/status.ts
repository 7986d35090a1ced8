/**
 * `mailer.status` of a composite: the status rows of the members a send may have gone through.
 * A query's `provider` (a member's name, or a provider id as an error, a result or a scheduler
 * job names it) narrows the members asked; without it, every member is asked.
 */
import { invalidInput, isMailError, type MailError } from '../errors.js';
import type { RecipientStatus, StatusQuery } from '../events/status.js';
import type { Mailer } from '../mailer/mailer.js';
import type { RoutedMember } from './route.js';

/**
 * The members a `provider` names: the one of that name and every one of that provider id. A
 * provider id shared by two accounts names both (either may hold the send), and a member name
 * that is also another member's provider id names both, so no member that may hold it is left
 * out (a row missed would, once settled, read as `not_sent`).
 */
function membersNamed(
  id: string,
  members: readonly RoutedMember[],
  provider: unknown,
): readonly RoutedMember[] {
  // Not a non-empty string: every member's own check names the field.
  if (typeof provider !== 'string' || provider.trim() === '') return members;
  const named = members.filter((m) => m.name === provider || m.provider === provider);
  if (named.length > 0) return named;
  const names = members.map((m) => m.name).join(', ');
  throw invalidInput([
    { path: ['provider'], message: `${provider} names no member of ${id} (${names})` },
  ]);
}

/**
 * The status rows of the members asked, in member order (each row names its provider). A send
 * may have gone through any member, so the primary alone would find no trace of one another
 * member took, and `reconcile` would then read the silence as `not_sent`. A member that cannot
 * answer this query (`unsupported`: DirectMail asked by message id, a provider without status)
 * contributes no rows; any other failure fails the query, as it leaves the answer open.
 */
export function membersStatus(id: string, members: readonly RoutedMember[]): Mailer['status'] {
  return async (query, call) => {
    const asked = membersNamed(id, members, (query as StatusQuery | undefined)?.provider);
    // Each member named is asked as itself: a member name is the composite's to resolve.
    const forMember = (m: RoutedMember): StatusQuery =>
      asked === members ? query : { ...query, provider: m.provider };
    const rows: RecipientStatus[] = [];
    let unable: MailError | undefined;
    let answered = false;
    for (const member of asked) {
      try {
        rows.push(...(await member.mailer.status(forMember(member), call)));
        answered = true;
      } catch (error) {
        if (!(isMailError(error) && error.code === 'unsupported')) throw error;
        unable ??= error;
      }
    }
    if (!answered && unable !== undefined) throw unable;
    return rows;
  };
}
