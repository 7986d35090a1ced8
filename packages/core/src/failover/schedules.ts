/**
 * `mailer.schedules` of a composite: the scheduled work of every member, in member order. A
 * provider's task ids are per account (two Tencent accounts can each hold task 300001), so a
 * native id names its member here: `native:<member>:<task id>`, and `get` and `cancel` go to
 * that member only. Scheduler job ids are the engine's and unique within it: they stay as they are.
 */
import { invalidInput } from '../errors.js';
import type { CallOptions } from '../mailer/mailer.js';
import { NATIVE_PREFIX } from '../schedule/native.js';
import type { ScheduleEntry, Schedules } from '../schedule/view.js';
import type { RoutedMember } from './route.js';

/** A member name inside an id: `%` and `:` escaped, so the first `:` ends it and no two names meet. */
const inId = (name: string): string => name.replaceAll('%', '%25').replaceAll(':', '%3A');

/** A member's own id as the composite shows it: native ids gain the member's name. */
function qualified(member: string, id: string): string {
  if (!id.startsWith(NATIVE_PREFIX)) return id;
  return `${NATIVE_PREFIX}${inId(member)}:${id.slice(NATIVE_PREFIX.length)}`;
}

/** A composite's result or entry as the composite shows it: the member that holds it, and its id. */
export function withMember<T extends { readonly id: string; readonly member?: string }>(
  member: string,
  item: T,
): T {
  return { ...item, id: qualified(member, item.id), member };
}

/**
 * The member a composite's native id names, and the id as that member knows it. A native id
 * naming no member (among them a member's own unqualified `native:<task id>`) can never be
 * found here: `invalid_input` names the form, rather than "not found" for an id that exists.
 */
function memberOf(composite: string, members: readonly RoutedMember[], id: string) {
  const rest = id.slice(NATIVE_PREFIX.length);
  const end = rest.indexOf(':');
  const member = end < 0 ? undefined : members.find((m) => inId(m.name) === rest.slice(0, end));
  if (member === undefined) {
    const names = members.map((m) => m.name).join(', ');
    throw invalidInput([
      {
        path: ['id'],
        message: `${composite} names native tasks native:<member>:<task id> (members: ${names}); ${id} names no member`,
      },
    ]);
  }
  return { member, id: `${NATIVE_PREFIX}${rest.slice(end + 1)}` };
}

/** Where an id lives: its member, the id as the member knows it, and the entry if already read. */
interface Located {
  readonly member: RoutedMember;
  readonly id: string;
  readonly entry?: ScheduleEntry;
}

/**
 * The schedules of every member: a native task is found and cancelled through the member its
 * id names; a job through the member whose view has it (each member's view lists only its own
 * provider's jobs, and a later member of a provider id has no scheduler: nothing twice).
 */
export function membersSchedules(composite: string, members: readonly RoutedMember[]): Schedules {
  const native = (id: string) => typeof id === 'string' && id.startsWith(NATIVE_PREFIX);
  /**
   * The member holding `id`, and the id as that member knows it: a native id names its member;
   * a job is in the view of one member only, whose answer is kept so `get` asks once.
   */
  const locate = async (
    id: string,
    call: CallOptions | undefined,
  ): Promise<Located | undefined> => {
    if (native(id)) return memberOf(composite, members, id);
    for (const member of members) {
      const entry = await member.mailer.schedules.get(id, call);
      if (entry !== undefined) return { member, id, entry };
    }
    return undefined;
  };
  return {
    async *list(call) {
      for (const { name, mailer } of members) {
        for await (const entry of mailer.schedules.list(call)) yield withMember(name, entry);
      }
    },
    async get(id, call) {
      const at = await locate(id, call);
      if (at === undefined) return undefined;
      const entry = at.entry ?? (await at.member.mailer.schedules.get(at.id, call));
      return entry && withMember(at.member.name, entry);
    },
    async cancel(id, call) {
      const at = await locate(id, call);
      if (at === undefined) return undefined;
      const entry = await at.member.mailer.schedules.cancel(at.id, call);
      return entry && withMember(at.member.name, entry);
    },
  };
}
