/**
 * The mailer of a composite provider: one ordinary mailer per member (so each keeps its own
 * HTTP pool, rate limits, retries and DirectMail replay), and the neutral operations routed
 * over them. Input is validated once up front, so bad input is `invalid_input` before any
 * member is called. Groups are stored per account, so group calls go to the primary (first)
 * member; `raw` holds every member's mailer by name for the others.
 */
import type { Capabilities } from '../capabilities/capabilities.js';
import {
  type CallOptions,
  createMailer,
  type Mailer,
  type MailerOptions,
} from '../mailer/mailer.js';
import { sendManyOver } from '../mailer/send-many.js';
import type { BatchInput, MessageInput } from '../message/message.js';
import { normalizeBatch, normalizeMessage } from '../message/validate.js';
import type { Hooks } from '../run/hooks.js';
import type { Scheduler } from '../schedule/contract.js';
import type { ScheduledResult, ScheduleSendOptions } from '../schedule/view.js';
import type { CompositeMember, CompositeOptions } from './composite.js';
import { createHealth } from './health.js';
import type { Strategy } from './order.js';
import { QUOTA_DAY_OFFSETS } from './quota.js';
import { type RouteContext, route } from './route.js';
import { membersSchedules, withMember } from './schedules.js';
import { membersStatus } from './status.js';

/** What `compose` gets from the composite provider. */
export interface ComposeSpec {
  readonly id: string;
  readonly capabilities: Capabilities;
  readonly members: readonly CompositeMember[];
  readonly options: CompositeOptions;
  readonly strategy: Strategy;
}

/** Build the composite's mailer: member mailers, health memory, routed operations. */
export function composeMailer(spec: ComposeSpec, options: MailerOptions): Mailer {
  const { id, members, strategy } = spec;
  const now = spec.options.now ?? options.now ?? Date.now;
  const attached = new Map<Scheduler, Set<string>>();
  const mailers = members.map((m) => {
    const hooks = tagHooks(m.options?.hooks ?? options.hooks, m.name);
    const merged: MailerOptions = { ...options, ...m.options, ...(hooks ? { hooks } : {}) };
    return createMailer(m.provider, withOneRunner(merged, m.provider.id, attached));
  });
  const ctx: RouteContext = {
    id,
    now,
    members: members.map((m, i) => ({
      name: m.name,
      provider: m.provider.id,
      mailer: mailers[i] as Mailer,
    })),
    health: createHealth({
      quotaOffsets: members.map(
        (m) => m.quotaDayOffsetMinutes ?? QUOTA_DAY_OFFSETS[m.provider.id] ?? 0,
      ),
      breaker: spec.options.breaker ?? {},
      now,
    }),
  };
  const primary = mailers[0] as Mailer;

  // Scheduled sends (`{ at }`) are routed like any other: the chosen member's mailer holds them.
  const send = async (input: MessageInput, call?: CallOptions | ScheduleSendOptions) => {
    normalizeMessage(withoutValues(input));
    return route(ctx, strategy(), input, (mailer, resolved) =>
      mailer.send(resolved, call as CallOptions),
    );
  };

  return {
    provider: id,
    capabilities: spec.capabilities,
    raw: Object.freeze(Object.fromEntries(members.map((m, i) => [m.name, mailers[i]]))),
    send: send as Mailer['send'],
    sendMany: sendManyOver(
      (input: MessageInput, call?: CallOptions) => send(input, call),
      options.concurrency ?? 16,
    ),
    sendBatch: (async (input: BatchInput, call?: CallOptions) => {
      normalizeBatch(withoutValues(input));
      const result = await route(ctx, strategy(), input, (mailer, resolved) =>
        mailer.sendBatch(resolved, call),
      );
      // A native task's id, as the composite's `schedules` knows it (schedules.ts).
      const scheduled = result as typeof result & Partial<ScheduledResult>;
      return scheduled.native ? withMember(result.member, scheduled as ScheduledResult) : result;
    }) as Mailer['sendBatch'],
    groups: primary.groups,
    // A send, scheduled or not, may have gone through any member: status and the schedules
    // view ask every member (status only those a query's `provider` names).
    status: membersStatus(id, ctx.members),
    schedules: membersSchedules(id, ctx.members),
    templates: primary.templates,
    senders: primary.senders,
    domains: primary.domains,
    suppression: primary.suppression,
    stats: primary.stats,
    close: async () => {
      await Promise.all(mailers.map((m) => m.close()));
    },
  };
}

/**
 * A scheduler fires a job through the one runner attached for its provider id (contract.ts),
 * and recovers a job left `sending` by replaying it through every runner attached for that id.
 * Two accounts of one provider on one scheduler would send each other's jobs, and a recovered
 * DirectMail job would be replayed on both (a nonce is refused per AccessKey only): two copies.
 * So only the first member of a provider id holds the scheduler; a later one is passed over
 * for scheduled sends (`unsupported`, before any request).
 */
function withOneRunner(
  options: MailerOptions,
  providerId: string,
  attached: Map<Scheduler, Set<string>>,
): MailerOptions {
  const { scheduler } = options;
  if (scheduler === undefined) return options;
  const ids = attached.get(scheduler) ?? new Set<string>();
  attached.set(scheduler, ids);
  if (!ids.has(providerId)) {
    ids.add(providerId);
    return options;
  }
  const { scheduler: _shared, ...rest } = options;
  return rest;
}

/** The input without its `perProvider` map, for the up-front validation of the rest. */
function withoutValues<T extends MessageInput | BatchInput>(input: T): T {
  if (typeof input !== 'object' || input === null || !('perProvider' in input)) return input;
  const { perProvider: _values, ...rest } = input;
  return rest as T;
}

/** The caller's hooks, with the member's name added to every event. */
function tagHooks(hooks: Hooks | undefined, member: string): Hooks | undefined {
  if (!hooks) return undefined;
  const entries = Object.entries(hooks).map(([name, hook]) => [
    name,
    typeof hook === 'function' ? (event: object) => hook({ ...event, member }) : hook,
  ]);
  return Object.fromEntries(entries) as Hooks;
}
