/**
 * The one declarative table of all 35 actions of SES API 2020-10-02 (Node SDK 4.1.76, listed in
 * docs/providers/tencent-ses.md): request and response schemas, and how each may be
 * retried (`send`: never after an ambiguous failure, SES has no idempotency token; `write`: the
 * same; `read`: always when retryable). The raw client and the rate limits derive from it.
 */
import type { ActionSchema } from '@mailbridge/core/provider';
import type { DriftedActions } from '@mailbridge/core/schema';
import type { ActionSpec } from './action.js';
import type { TencentSesActionTypes } from './action-types.js';
import { ACCOUNT_ACTIONS } from './actions-account.js';
import { MAIL_ACTIONS } from './actions-mail.js';
import { STATS_ACTIONS } from './actions-stats.js';
import { SUPPRESSION_ACTIONS } from './actions-suppression.js';

/** The table with its schemas' own types (scripts/action-types.mjs reads them). */
export const TABLE = {
  ...MAIL_ACTIONS,
  ...ACCOUNT_ACTIONS,
  ...SUPPRESSION_ACTIONS,
  ...STATS_ACTIONS,
} as const satisfies Record<string, ActionSpec>;

/** The name of an SES action. */
export type TencentSesAction = keyof TencentSesActionTypes;

/** The request parameters of an action, as callers write them. */
export type ActionInput<A extends TencentSesAction> = TencentSesActionTypes[A]['input'];

/** The parsed response of an action (`RequestId` included). */
export type ActionOutput<A extends TencentSesAction> = TencentSesActionTypes[A]['output'] & {
  readonly RequestId?: string;
};

/** Every SES action, by its `X-TC-Action` name (typed by action-types.ts). */
export const TENCENT_SES_ACTIONS: {
  readonly [A in TencentSesAction]: ActionSpec<
    ActionSchema<ActionInput<A>>,
    ActionSchema<TencentSesActionTypes[A]['output']>
  >;
} = TABLE;

/** All action names, in table order. */
export const TENCENT_SES_ACTION_NAMES = Object.keys(TENCENT_SES_ACTIONS) as TencentSesAction[];

// The table and action-types.ts agree exactly on every action; when a schema changes, this
// fails naming the action until `node scripts/action-types.mjs tencent-ses` is run again.
type Drifted = DriftedActions<TencentSesActionTypes, typeof TABLE>;
true satisfies [Drifted] extends [never] ? true : Drifted;
