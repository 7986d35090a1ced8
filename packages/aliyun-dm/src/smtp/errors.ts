/**
 * SMTP failures -> neutral errors. Classification reads the reply code, nodemailer's error
 * code and whether the message body had started to go out; never the reply text.
 * Reply codes: RFC 5321 §4.2 and DirectMail's own (docs/providers/aliyun-dm-smtp.md).
 */
import { isMailError, MailError, type MailErrorCode } from '@mailbridge/core';

/** The action name SMTP sends carry in errors, hooks and rate limits. */
export const SMTP_ACTION = 'SMTP';

/** What an SMTP reply code means for the caller. */
export interface SmtpClass {
  readonly code: MailErrorCode;
  readonly retryable: boolean;
}

/**
 * Reply codes with their own meaning. Everything else: 4xx is a temporary refusal
 * (`provider_unavailable`, retryable), 5xx a permanent one (`rejected`).
 */
export const SMTP_REPLY_TABLE: Readonly<Record<number, SmtpClass>> = {
  // RFC 4954 §6: authentication required / too weak / credentials invalid / needs encryption.
  530: { code: 'auth', retryable: false },
  534: { code: 'auth', retryable: false },
  535: { code: 'auth', retryable: false },
  538: { code: 'auth', retryable: false },
  // RFC 5321: mailbox unavailable / not local / name not allowed, when answered to RCPT TO.
  550: { code: 'invalid_recipient', retryable: false },
  551: { code: 'invalid_recipient', retryable: false },
  553: { code: 'invalid_recipient', retryable: false },
  // RFC 5321 552 (storage exceeded) and DirectMail 557 (DATA over the size limit).
  552: { code: 'invalid_input', retryable: false },
  557: { code: 'invalid_input', retryable: false },
  // DirectMail 556: more RCPTs than one message may have.
  556: { code: 'invalid_input', retryable: false },
  // RFC 5321 554: transaction failed (DirectMail: spam, policy, quota).
  554: { code: 'rejected', retryable: false },
  // RFC 5321 421: service closing; 451/452: local error, insufficient storage or rate.
  421: { code: 'provider_unavailable', retryable: true },
};

/** The class of one reply code (the table, else 4xx temporary / 5xx permanent). */
export function classifyReply(reply: number, command: string | undefined): SmtpClass {
  const known = SMTP_REPLY_TABLE[reply];
  // 550/551/553 name a recipient only when they answer RCPT TO; to MAIL FROM or the message
  // they refuse the sender or the content.
  if (known?.code === 'invalid_recipient' && command !== 'RCPT TO') {
    return { code: 'rejected', retryable: false };
  }
  if (known) return known;
  return reply < 500
    ? { code: 'provider_unavailable', retryable: true }
    : { code: 'rejected', retryable: false };
}

/** The fields of a nodemailer error this module reads. */
export interface SmtpFailure {
  readonly code?: string;
  readonly responseCode?: number;
  readonly command?: string;
}

/**
 * A failed SMTP exchange as a `MailError`.
 * - Any reply from the server (4xx/5xx to AUTH, MAIL, RCPT, DATA or the message) is a refusal:
 *   nothing was accepted, so `not_sent`.
 * - No reply (connection refused, lost, timed out): `not_sent` while the message body had not
 *   started to go out; once it had, the end-of-data dot may have arrived and the server may
 *   have accepted the message, so `unknown`.
 */
export function smtpError(error: unknown, bodyStarted: boolean): MailError {
  if (isMailError(error)) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const base = { provider: 'aliyun-dm', action: SMTP_ACTION, cause: error } as const;
  const reply = failure.responseCode;
  if (
    failure.code === 'EAUTH' ||
    (reply !== undefined && SMTP_REPLY_TABLE[reply]?.code === 'auth')
  ) {
    return new MailError(
      'aliyun-dm SMTP login refused: check the sender address and its SMTP password',
      {
        ...base,
        code: 'auth',
        retryable: false,
        delivery: 'not_sent',
        ...(reply === undefined ? {} : { providerCode: String(reply) }),
      },
    );
  }
  if (reply !== undefined && reply >= 400) {
    const cls = classifyReply(reply, failure.command);
    return new MailError(
      `aliyun-dm SMTP refused ${failure.command ?? 'the session'} with ${reply}`,
      {
        ...base,
        ...cls,
        delivery: 'not_sent',
        providerCode: String(reply),
      },
    );
  }
  const timedOut = failure.code === 'ETIMEDOUT';
  const what = timedOut ? 'timed out' : 'lost the connection';
  return new MailError(
    bodyStarted
      ? `aliyun-dm SMTP ${what} after the message was sent, before the server answered: it may have been accepted`
      : `aliyun-dm SMTP ${what} before the message was sent`,
    {
      ...base,
      code: timedOut ? 'timeout' : 'network',
      retryable: true,
      delivery: bodyStarted ? 'unknown' : 'not_sent',
    },
  );
}

/** The caller's signal ended the session: `unknown` once the body had started to go out. */
export function abortError(signal: AbortSignal, bodyStarted: boolean): MailError {
  return new MailError(
    bodyStarted
      ? 'aliyun-dm SMTP send aborted after the message was sent, before the server answered: it may have been accepted'
      : 'aliyun-dm SMTP send aborted before the message was sent',
    {
      code: 'aborted',
      retryable: false,
      delivery: bodyStarted ? 'unknown' : 'not_sent',
      provider: 'aliyun-dm',
      action: SMTP_ACTION,
      cause: signal.reason,
    },
  );
}

/**
 * The server refused some recipients at RCPT TO and took the message for the others: it went
 * out, so never `not_sent`, and sending again would duplicate it for those who got it.
 */
export function partlyRefused(rejected: readonly string[], accepted: number): MailError {
  return new MailError(
    `aliyun-dm SMTP refused ${rejected.length} recipient(s) (${rejected.join(', ')}) and sent the message to the other ${accepted}`,
    {
      code: 'invalid_recipient',
      retryable: false,
      delivery: 'unknown',
      provider: 'aliyun-dm',
      action: SMTP_ACTION,
    },
  );
}
