/**
 * THE action table: every DirectMail action the raw client offers, each with its kind, its
 * request schema and its normalised response schema. Types of the raw client derive from it.
 */
import type { z } from 'zod';
import type { ActionSpec } from './action.js';
import { ACCOUNT_ACTIONS } from './actions-account.js';
import { MAIL_ACTIONS } from './actions-mail.js';
import { STATS_ACTIONS } from './actions-stats.js';
import { SUPPRESSION_ACTIONS } from './actions-suppression.js';

/** Every action: the seeds' (the BatchSendMail doc, the sender-address API doc, the DirectMail API reference, the DirectMail statistics API doc) plus the receiver, template, task and tag queries. */
export const ACTIONS = {
  ...MAIL_ACTIONS,
  ...ACCOUNT_ACTIONS,
  ...STATS_ACTIONS,
  ...SUPPRESSION_ACTIONS,
} as const satisfies Record<string, ActionSpec>;

/** A DirectMail action name (the `Action` parameter). */
export type AliyunDmAction = keyof typeof ACTIONS;

/** The parameters an action takes (as written by callers). */
export type AliyunDmRequest<A extends AliyunDmAction> = z.input<(typeof ACTIONS)[A]['request']>;

/** An action's response, normalised (canonical key casing, strings vs numbers settled). */
export type AliyunDmResponse<A extends AliyunDmAction> = z.output<(typeof ACTIONS)[A]['response']>;
