/**
 * `providerOptions['aliyun-dm']`: the DirectMail parameters without a neutral field, typed
 * through declaration merging and validated strictly (an unknown key fails, naming it).
 */
import { optionsParser, z } from '@mailbridge/core/schema';
import { PROVIDER_ID } from './config.js';

/**
 * DirectMail-only send options (docs/providers/aliyun-dm.md SingleSendMail / BatchSendMail).
 *
 * @example
 * ```ts
 * await mailer.send({ ..., providerOptions: { 'aliyun-dm': { replyToAddress: true } } });
 * ```
 */
export interface AliyunDmSendOptions {
  /** `AddressType`: `1` sends from the sender address itself (default), `0` from a random one. */
  readonly addressType?: 0 | 1;
  /**
   * `ReplyToAddress=true`: reply to the reply-to address configured (and verified) for the
   * sender in the console. Single sends only; exclusive with a message `replyTo`, which sends an
   * explicit `ReplyAddress` instead. Default false.
   */
  readonly replyToAddress?: boolean;
  /** `UnSubscribeLinkType`: `disabled`, or `default` (a link for big mailbox providers). */
  readonly unsubscribeLinkType?: 'disabled' | 'default';
  /** `UnSubscribeFilterLevel`: which unsubscribes suppress this send. */
  readonly unsubscribeFilterLevel?:
    | 'disabled'
    | 'default'
    | 'mailfrom'
    | 'mailfrom_domain'
    | 'edm_id';
  /** `IpPoolId`: the dedicated IP pool to send from. */
  readonly ipPoolId?: string;
}

declare module '@mailbridge/core' {
  interface ProviderOptionsRegistry {
    'aliyun-dm': AliyunDmSendOptions;
  }
}

const optionsSchema = z.strictObject({
  addressType: z.optional(z.union([z.literal(0), z.literal(1)])),
  replyToAddress: z.optional(z.boolean()),
  unsubscribeLinkType: z.optional(z.enum(['disabled', 'default'])),
  unsubscribeFilterLevel: z.optional(
    z.enum(['disabled', 'default', 'mailfrom', 'mailfrom_domain', 'edm_id']),
  ),
  ipPoolId: z.optional(z.string().check(z.minLength(1))),
});
// Every AliyunDmSendOptions a user can write is one the schema takes (the published type needs no zod).
true satisfies AliyunDmSendOptions extends z.input<typeof optionsSchema> ? true : false;

/** The provider's `options`: core parses `providerOptions['aliyun-dm']` once per send. */
export const parseOptions = optionsParser(PROVIDER_ID, optionsSchema);

const NO_OPTIONS: AliyunDmSendOptions = Object.freeze({});

/** This provider's options of a message or batch, as core parsed them (`parseOptions`). */
export function readOptions(
  providerOptions: Readonly<Record<string, unknown>>,
): AliyunDmSendOptions {
  return (providerOptions[PROVIDER_ID] as AliyunDmSendOptions | undefined) ?? NO_OPTIONS;
}

/** The parameters an options object maps to, shared by SingleSendMail and BatchSendMail. */
export interface OptionParams {
  AddressType: 0 | 1;
  UnSubscribeLinkType?: AliyunDmSendOptions['unsubscribeLinkType'];
  UnSubscribeFilterLevel?: AliyunDmSendOptions['unsubscribeFilterLevel'];
  IpPoolId?: string;
}

/** The shared parameters an options object maps to (assigned, not spread: see `sendParams`). */
export function optionParams(options: AliyunDmSendOptions): OptionParams {
  const params: OptionParams = { AddressType: options.addressType ?? 1 };
  if (options.unsubscribeLinkType !== undefined) {
    params.UnSubscribeLinkType = options.unsubscribeLinkType;
  }
  if (options.unsubscribeFilterLevel !== undefined) {
    params.UnSubscribeFilterLevel = options.unsubscribeFilterLevel;
  }
  if (options.ipPoolId !== undefined) params.IpPoolId = options.ipPoolId;
  return params;
}
