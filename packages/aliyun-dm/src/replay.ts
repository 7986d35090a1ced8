/**
 * The identical replay of a scheduled DirectMail send (docs/providers/aliyun-dm-replay.md): a
 * claimed job's request is signed with a pinned nonce and timestamp, so a replay after a crash is
 * the same request, and DirectMail refuses the second copy. These are the answers and refusals
 * that keep that promise: a pinned request is sent only under the AccessKey it was pinned to.
 */
import { isMailError, type MailError, MailError as MailErrorClass } from '@mailbridge/core';
import { PROVIDER_ID } from './config.js';

/**
 * Answers to an identical replay that leave the first copy's fate open, so the core reports
 * `delivery: 'unknown'` rather than the replay's own error. `SignatureNonceUsed`: the first copy
 * arrived. `InvalidTimeStamp.Expired`: the replay came more than 15 minutes after signing and
 * was refused for its age before the nonce was looked at, which proves nothing either way.
 */
export const REPLAY_REJECTIONS = new Set(['SignatureNonceUsed', 'InvalidTimeStamp.Expired']);

/**
 * A pinned request refused for its nonce or its age: an earlier copy of it (before a crash, or
 * an attempt whose answer was lost) may have been accepted, so it may have been sent.
 */
export function pinnedRefusal(error: unknown): unknown {
  if (!isMailError(error) || !REPLAY_REJECTIONS.has(error.providerCode ?? '')) return error;
  return error.with({
    message: `${error.message} (this scheduled send's signed request had been sent before: it may have gone out)`,
    code: 'unknown',
    delivery: 'unknown',
    retryable: false,
  });
}

/**
 * A pinned request whose key changed since the claim (rotated credentials, a new STS session):
 * DirectMail refuses a reused nonce per AccessKey only, so signing it with the new key could
 * deliver a second copy of one an earlier worker sent. Not sent; the earlier copy may have been.
 */
export function keyChanged(action: string): MailError {
  return new MailErrorClass(
    `${PROVIDER_ID} ${action}: this scheduled send was pinned to another AccessKey, and the same nonce under a new key would be accepted again, so it is not sent with this one: an earlier attempt may have gone out`,
    { code: 'unknown', retryable: false, delivery: 'unknown', provider: PROVIDER_ID, action },
  );
}

/**
 * A pinned request whose pin names no key: the AccessKey could not be read when the job was
 * claimed (packages/core/src/schedule/runner.ts). Sent with today's key, a replay after a
 * rotation could not be told apart from the first copy (keyChanged), so it is not sent.
 */
export function unboundPin(action: string): MailError {
  return new MailErrorClass(
    `${PROVIDER_ID} ${action}: this scheduled send was claimed while the AccessKey could not be read, so its signed request is bound to no key and is not sent (a replay under a rotated key would be a second copy)`,
    { code: 'auth', retryable: false, delivery: 'not_sent', provider: PROVIDER_ID, action },
  );
}
