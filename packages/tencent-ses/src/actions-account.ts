/**
 * Actions for sender domains (email identities) and sender addresses (docs/providers/tencent-ses.md).
 */
import { z } from '@mailbridge/core/schema';
import { action, address } from './action.js';
import {
  emailIdentity,
  emailSender,
  empty,
  identityRecords,
  input,
  int,
  limit,
  out,
  tag,
} from './schemas.js';

/** Sender domains and sender addresses. */
export const ACCOUNT_ACTIONS = {
  CreateEmailIdentity: action(
    'write',
    input({
      EmailIdentity: z.string().check(z.minLength(1)),
      DKIMOption: z.optional(int),
      TagList: z.optional(z.array(tag)),
    }),
    identityRecords,
  ),
  GetEmailIdentity: action(
    'read',
    input({ EmailIdentity: z.string().check(z.minLength(1)) }),
    identityRecords,
  ),
  UpdateEmailIdentity: action(
    'write',
    input({ EmailIdentity: z.string().check(z.minLength(1)) }),
    identityRecords,
  ),
  DeleteEmailIdentity: action(
    'write',
    input({ EmailIdentity: z.string().check(z.minLength(1)) }),
    empty,
  ),
  ListEmailIdentities: action(
    'read',
    input({ TagList: z.optional(z.array(tag)), Limit: z.optional(limit), Offset: z.optional(int) }),
    out({
      EmailIdentities: z.optional(z.array(emailIdentity)),
      MaxReputationLevel: z.optional(z.int()),
      MaxDailyQuota: z.optional(int),
      Total: z.optional(int),
    }),
    'doc',
  ),
  CreateEmailAddress: action(
    'write',
    input({ EmailAddress: address, EmailSenderName: z.optional(z.string()) }),
    empty,
  ),
  ListEmailAddress: action(
    'read',
    input({}),
    out({
      EmailSenders: z.optional(z.array(emailSender)),
    }),
  ),
  DeleteEmailAddress: action('write', input({ EmailAddress: address }), empty),
  UpdateEmailSmtpPassWord: action(
    'write',
    input({ Password: z.string(), EmailAddress: address }),
    empty,
  ),
} as const;
