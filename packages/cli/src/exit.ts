/**
 * Exit codes and the error a command reports. Scripts branch on the code: 2 means "fix the
 * input" (nothing was sent), 3 "the provider certainly did not send it" (safe to retry), 4 "it
 * may have been sent" (check before retrying), 1 anything else.
 */
import { isMailError, type MailError } from '@mailbridge/core';
import { CommanderError } from 'commander';

/** The process exit codes of `mailbridge`. */
export const EXIT = {
  ok: 0,
  failed: 1,
  invalidInput: 2,
  notSent: 3,
  unknownDelivery: 4,
} as const;

/** A problem with what the user typed or pointed at (a flag, a file), found before any request. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What a failed command reports, in `--json` and in the human message. */
export interface Failure {
  readonly exitCode: number;
  readonly code: string;
  readonly message: string;
  readonly delivery?: MailError['delivery'];
  readonly provider?: string;
  readonly providerCode?: string;
  readonly requestId?: string;
  readonly attempts?: number;
  readonly retryable?: boolean;
}

/**
 * Classify anything a command threw. MailError messages are already redacted by core. A command
 * that only `reads` exits 1, not 4, for an answer lost after the request was written: the core
 * says `delivery: 'unknown'` of any such request, but a read has nothing that could be sent twice.
 */
export function failureOf(error: unknown, kind: 'reads' | 'writes' = 'writes'): Failure {
  if (error instanceof UsageError) {
    return { exitCode: EXIT.invalidInput, code: 'invalid_input', message: error.message };
  }
  if (error instanceof CommanderError) {
    return { exitCode: EXIT.invalidInput, code: 'invalid_input', message: error.message };
  }
  if (isMailError(error)) return mailFailure(error, kind);
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: EXIT.failed, code: 'error', message };
}

function mailFailure(error: MailError, kind: 'reads' | 'writes'): Failure {
  const input = error.code === 'invalid_input' || error.code === 'unsupported';
  // `delivery` first: 2 and 3 both promise that nothing was sent, which an input error found
  // after part of the work was stored (an upload's bad row) cannot keep.
  let exitCode: number = EXIT.notSent;
  if (error.delivery === 'unknown')
    exitCode = kind === 'reads' ? EXIT.failed : EXIT.unknownDelivery;
  else if (input) exitCode = EXIT.invalidInput;
  return {
    exitCode,
    code: error.code,
    message: error.message,
    delivery: error.delivery,
    ...(error.provider === undefined ? {} : { provider: error.provider }),
    ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    ...(error.attempts === undefined ? {} : { attempts: error.attempts }),
    retryable: error.retryable,
  };
}
