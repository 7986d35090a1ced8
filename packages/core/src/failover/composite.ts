/**
 * Providers made of providers: `failover` (members in order) and `roundRobin` (members by
 * weight). Each is a `Provider`, so it goes wherever one goes (`createMailer`, `fromConfig`
 * with a list); `createMailer` hands it its options through `compose`, and it builds one mailer
 * per member (own HTTP pool, rate limits, retries) and routes each call over them (route.ts).
 */
import * as z from 'zod/mini';
import { invalidInput, MailError } from '../errors.js';
import type { Mailer, MailerOptions } from '../mailer/mailer.js';
import { parseConfig } from '../provider/config-schema.js';
import type { Provider, ProviderGroups } from '../provider/provider.js';
import { compositeCapabilities } from './capabilities.js';
import type { BreakerOptions } from './health.js';
import { composeMailer } from './mailer.js';
import { inOrder, type Strategy, weighted } from './order.js';

/** A member of a composite: a provider, optionally named and with its own mailer options. */
export interface MemberInput {
  readonly provider: Provider;
  /**
   * Name in results, errors, hooks and `perProvider` keys (default: the provider id, with
   * `#2`, `#3`… for repeats, e.g. a second account of the same provider).
   */
  readonly name?: string;
  /** Mailer options for this member only (dispatcher, timeouts, retries), over the shared ones. */
  readonly options?: MailerOptions;
  /**
   * UTC offset in minutes of the calendar day the member's daily quota follows (default: 480
   * for DirectMail and Tencent SES, see docs/providers/quota-reset.md; 0 otherwise).
   */
  readonly quotaDayOffsetMinutes?: number;
}

/** A member of a `roundRobin`: a `MemberInput` with its weight. */
export interface WeightedMemberInput extends MemberInput {
  /** Share of first choices, relative to the other members' weights (> 0). */
  readonly weight: number;
}

/** Options of `failover` and `roundRobin`. */
export interface CompositeOptions {
  /** The composite's id (`mailer.provider`; default `failover` or `round-robin`). */
  readonly name?: string;
  /** Circuit breaker per member, or `false` for none (default 5 failures, 30 s cooldown). */
  readonly breaker?: BreakerOptions | false;
  /** Clock of the breaker and quota memory (default: the mailer's `now`, else `Date.now`). */
  readonly now?: () => number;
}

/** A composite provider; its `raw` is one mailer per member, by member name. */
export type CompositeProvider = Provider<string, Readonly<Record<string, Mailer>>>;

/** A resolved member: unique name and everything the mailer needs. */
export interface CompositeMember {
  readonly name: string;
  readonly provider: Provider;
  readonly options: MailerOptions | undefined;
  readonly quotaDayOffsetMinutes: number | undefined;
}

/**
 * A provider that sends through the first member able to, in list order: the next member is
 * tried only when the previous one certainly did not send (`delivery: 'not_sent'`). Members
 * that keep failing are set aside for a cooldown, and a spent daily quota until it resets.
 *
 * @example
 * ```ts
 * const mailer = createMailer(
 *   failover([aliyunDm({ region: 'cn-hangzhou' }), tencentSes({ region: 'ap-guangzhou' })]),
 * );
 * const result = await mailer.send({
 *   from: 'noreply@mail.example.com', to: 'a@example.com', subject: 'Welcome',
 *   template: { id: 'welcome', data: { name: 'Ann' } },
 *   perProvider: { 'tencent-ses': { template: 12345 } , 'aliyun-dm': {} },
 * });
 * result.member; // 'aliyun-dm', or 'tencent-ses' if DirectMail did not send
 * ```
 */
export function failover(
  members: readonly (Provider | MemberInput)[],
  options: CompositeOptions = {},
): CompositeProvider {
  checkOptions('failover', options);
  // Not an array: resolveMembers reports it.
  const list = Array.isArray(members) ? members.map(asMember) : (members as readonly MemberInput[]);
  const resolved = resolveMembers(list, 'failover');
  return composite(options.name ?? 'failover', resolved, options, () => inOrder(resolved.length));
}

/**
 * A provider that spreads sends over its members by weight (smooth weighted round-robin), with
 * the same failover, health memory and routing as `failover`: when the chosen member certainly
 * did not send, the others are tried, heaviest first.
 *
 * @example
 * ```ts
 * const mailer = createMailer(
 *   roundRobin([
 *     { provider: aliyunDm({ region: 'cn-hangzhou' }), weight: 3 },
 *     { provider: aliyunDm({ region: 'ap-southeast-1', credentials: second }), weight: 1 },
 *   ]),
 * );
 * ```
 */
export function roundRobin(
  members: readonly WeightedMemberInput[],
  options: CompositeOptions = {},
): CompositeProvider {
  checkOptions('roundRobin', options);
  const resolved = resolveMembers(members, 'roundRobin');
  const weights = members.map((m, i) => {
    if (typeof m.weight !== 'number' || !Number.isFinite(m.weight) || m.weight <= 0) {
      throw invalidInput([{ path: ['members', i, 'weight'], message: 'expected a number > 0' }]);
    }
    return m.weight;
  });
  return composite(options.name ?? 'round-robin', resolved, options, () => weighted(weights));
}

/**
 * `CompositeOptions`, strictly: a misspelt key (`breakr`), a breaker that could never open or
 * close, or a clock that is not a function is `invalid_input` naming the field, when the
 * composite is made, not a TypeError on every send.
 */
const compositeOptionsSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1))),
  breaker: z.optional(
    z.union([
      z.literal(false),
      z.strictObject({
        failures: z.optional(z.number().check(z.minimum(1))),
        cooldownMs: z.optional(z.number().check(z.minimum(0))),
      }),
    ]),
  ),
  now: z.optional(
    z.custom<() => number>((v) => typeof v === 'function', {
      error: 'expected a function returning ms since the epoch',
    }),
  ),
});

function checkOptions(kind: string, options: unknown): asserts options is CompositeOptions {
  // parseConfig reads null as {}, which the composite would then fail to read.
  if (options === null) throw invalidInput([{ path: ['options'], message: 'expected an object' }]);
  parseConfig(`${kind} options`, compositeOptionsSchema, options);
}

function asMember(member: Provider | MemberInput): MemberInput {
  return 'provider' in member && typeof member.provider === 'object'
    ? member
    : { provider: member as Provider };
}

/** Check the list and give every member a unique name. */
function resolveMembers(members: readonly MemberInput[], kind: string): CompositeMember[] {
  if (!Array.isArray(members) || members.length === 0) {
    throw invalidInput([{ path: ['members'], message: `${kind} needs at least one provider` }]);
  }
  const seen = new Map<string, number>();
  return members
    .map((m, i) => {
      if (typeof m?.provider?.id !== 'string' || typeof m.provider.capabilities !== 'object') {
        throw invalidInput([{ path: ['members', i, 'provider'], message: 'expected a provider' }]);
      }
      const offset = m.quotaDayOffsetMinutes;
      if (offset !== undefined && !(Number.isInteger(offset) && Math.abs(offset) <= 14 * 60)) {
        throw invalidInput([
          {
            path: ['members', i, 'quotaDayOffsetMinutes'],
            message: 'expected whole minutes, -840 to 840',
          },
        ]);
      }
      const count = (seen.get(m.provider.id) ?? 0) + 1;
      seen.set(m.provider.id, count);
      const name = m.name ?? (count === 1 ? m.provider.id : `${m.provider.id}#${count}`);
      return {
        name,
        provider: m.provider,
        options: m.options,
        quotaDayOffsetMinutes: m.quotaDayOffsetMinutes,
      };
    })
    .map((member, i, all) => {
      // A name keys results, hooks, perProvider and native task ids (`native:<member>:<id>`).
      const named = typeof member.name === 'string' && member.name !== '';
      if (!named || all.findIndex((o) => o.name === member.name) !== i) {
        throw invalidInput([
          {
            path: ['members', i, 'name'],
            message: `member names must be unique non-empty strings ('${String(member.name)}')`,
          },
        ]);
      }
      return member;
    });
}

function composite(
  id: string,
  members: readonly CompositeMember[],
  options: CompositeOptions,
  strategy: () => Strategy,
): CompositeProvider {
  const direct = (): never => {
    throw new MailError(`${id} is a composite provider: send through createMailer(${id}(...))`, {
      code: 'unsupported',
      provider: id,
    });
  };
  const groups: ProviderGroups = {
    create: direct,
    list: direct,
    addRecipients: direct,
    listRecipients: direct,
    delete: direct,
  };
  const capabilities = compositeCapabilities(
    id,
    members.map((m) => ({ name: m.name, capabilities: m.provider.capabilities })),
  );
  return {
    id,
    capabilities,
    origin: `composite://${id}`,
    send: direct,
    sendBatch: direct,
    groups,
    raw: direct,
    compose: (mailerOptions) =>
      composeMailer({ id, capabilities, members, options, strategy: strategy() }, mailerOptions),
  };
}
