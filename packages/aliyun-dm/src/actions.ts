/**
 * THE action table: every DirectMail action the raw client offers, each with its kind, its
 * request schema and its normalised response schema. Types of the raw client derive from it.
 */
import type { ActionSchema } from '@mailbridge/core/provider';
import type { DriftedActions } from '@mailbridge/core/schema';
import type { ActionSpec } from './action.js';
import type { AliyunDmActionTypes } from './action-types.js';
import { ACCOUNT_ACTIONS } from './actions-account.js';
import { CONFIG_SET_ACTIONS } from './actions-config-sets.js';
import { DEDICATED_IP_ACTIONS } from './actions-dedicated-ip.js';
import { DOMAIN_TEMPLATE_ACTIONS } from './actions-domain-template.js';
import { MAIL_ACTIONS } from './actions-mail.js';
import { STATS_ACTIONS } from './actions-stats.js';
import { SUPPRESSION_ACTIONS } from './actions-suppression.js';
import { USER_ACTIONS } from './actions-user.js';
import { VALIDATION_ACTIONS } from './actions-validation.js';

/**
 * Every action: all 78 of `@alicloud/dm20151123` 1.9.0 plus the three only the seeds name
 * (GetSendEmailCountByMailFrom and the two callback-URL actions). test/aliyun-dm/surface.test.ts
 * reads the SDK's list at test time and fails on any action missing here. This is the table with
 * its schemas' own types (scripts/action-types.mjs reads them); `ACTIONS` is the published one.
 */
export const TABLE = {
  ...MAIL_ACTIONS,
  ...ACCOUNT_ACTIONS,
  ...STATS_ACTIONS,
  ...SUPPRESSION_ACTIONS,
  ...DOMAIN_TEMPLATE_ACTIONS,
  ...CONFIG_SET_ACTIONS,
  ...DEDICATED_IP_ACTIONS,
  ...VALIDATION_ACTIONS,
  ...USER_ACTIONS,
} as const satisfies Record<string, ActionSpec>;

/** A DirectMail action name (the `Action` parameter). */
export type AliyunDmAction = keyof AliyunDmActionTypes;

/** The parameters an action takes (as written by callers). */
export type AliyunDmRequest<A extends AliyunDmAction> = AliyunDmActionTypes[A]['input'];

/** An action's response, normalised (canonical key casing, strings vs numbers settled). */
export type AliyunDmResponse<A extends AliyunDmAction> = AliyunDmActionTypes[A]['output'];

/** The action table (`TABLE`) as published: typed by action-types.ts. */
export const ACTIONS: {
  readonly [A in AliyunDmAction]: ActionSpec<
    ActionSchema<Readonly<Record<string, unknown>>>,
    ActionSchema<AliyunDmResponse<A>>
  >;
} = TABLE;

// The table and action-types.ts agree exactly on every action; when a schema changes, this
// fails naming the action until `node scripts/action-types.mjs aliyun-dm` is run again.
type Drifted = DriftedActions<AliyunDmActionTypes, typeof TABLE>;
true satisfies [Drifted] extends [never] ? true : Drifted;
