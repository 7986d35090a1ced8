/**
 * The one declarative table of all 35 actions of SES API 2020-10-02 (Node SDK 4.1.76, listed in
 * docs/providers/tencent-ses.md): request and response schemas, and how each may be
 * retried (`send`: never after an ambiguous failure, SES has no idempotency token; `write`: the
 * same; `read`: always when retryable). The raw client and the rate limits derive from it.
 */
import type { z } from '@mailbridge/core/provider';
import type { ActionSpec } from './action.js';
import { ACCOUNT_ACTIONS } from './actions-account.js';
import { MAIL_ACTIONS } from './actions-mail.js';
import { STATS_ACTIONS } from './actions-stats.js';
import { SUPPRESSION_ACTIONS } from './actions-suppression.js';

/** Every SES action, by its `X-TC-Action` name. */
export const TENCENT_SES_ACTIONS = {
  ...MAIL_ACTIONS,
  ...ACCOUNT_ACTIONS,
  ...SUPPRESSION_ACTIONS,
  ...STATS_ACTIONS,
} as const satisfies Record<string, ActionSpec>;

/** The name of an SES action. */
export type TencentSesAction = keyof typeof TENCENT_SES_ACTIONS;

/** The request parameters of an action, as callers write them. */
export type ActionInput<A extends TencentSesAction> = z.input<
  (typeof TENCENT_SES_ACTIONS)[A]['request']
>;

/** The parsed response of an action (`RequestId` included). */
export type ActionOutput<A extends TencentSesAction> = z.output<
  (typeof TENCENT_SES_ACTIONS)[A]['response']
> & {
  readonly RequestId?: string;
};

/** All action names, in table order. */
export const TENCENT_SES_ACTION_NAMES = Object.keys(TENCENT_SES_ACTIONS) as TencentSesAction[];
