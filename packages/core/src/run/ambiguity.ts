/** The outcome of a call once one of its attempts was ambiguous (see executor.ts). */
import type { MailError } from '../errors.js';

/**
 * The one rule after an ambiguous attempt: only proof that the first copy was not executed can
 * make the outcome `not_sent`, and a refused replay is no such proof. The replay carries the
 * first copy's signature, so it meets every check the first copy met, and a refusal at any of
 * them (a used nonce, an expired token, an inactive key, a RAM denial, throttling) says only
 * that the replay did not run. No error code proves the first copy did not, so the outcome is
 * the ambiguous failure, `unknown`, never retryable (a resend could deliver twice); the
 * replay's code is kept as `providerCode` so the caller sees what the replay met.
 */
export function afterAmbiguity(
  final: MailError,
  ambiguous: MailError,
  provider: string,
): MailError {
  if (final.delivery !== 'not_sent') return final;
  if (final.code === 'aborted') return final.with({ delivery: 'unknown' });
  return refusedReplay(final, ambiguous, provider);
}

/** The ambiguous failure, told what the replay met. */
export function refusedReplay(final: MailError, ambiguous: MailError, provider: string): MailError {
  const met = final.providerCode ?? final.code;
  return ambiguous.with({
    message: `${ambiguous.message} (a replay of the identical request was refused with ${met}: the first copy may have reached ${provider} and been sent)`,
    delivery: 'unknown',
    retryable: false,
    ...(final.providerCode === undefined ? {} : { providerCode: final.providerCode }),
    ...(final.requestId === undefined ? {} : { requestId: final.requestId }),
  });
}
