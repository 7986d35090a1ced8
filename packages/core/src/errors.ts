/**
 * One error class for every failure mailbridge reports, with a guard that survives duplicate
 * package copies. The fields are those of the design's error table (README "Errors").
 */

/** The closed set of neutral error codes. */
export const MAIL_ERROR_CODES = [
  'invalid_input',
  'unsupported',
  'auth',
  'permission',
  'not_found',
  'rate_limited',
  'quota_exceeded',
  'rejected',
  'invalid_recipient',
  'conflict',
  'provider_unavailable',
  'network',
  'timeout',
  'aborted',
  'unknown',
] as const;

/** A neutral error code; classification never depends on message text. */
export type MailErrorCode = (typeof MAIL_ERROR_CODES)[number];

/**
 * Whether the provider may have accepted the request: `not_sent` means it certainly did not
 * (safe to send again), `unknown` means it may have gone out (sending again may duplicate it).
 */
export type Delivery = 'not_sent' | 'unknown';

/** One problem with an input, located by its path (`['to', 2]`). */
export interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Everything a `MailError` can carry besides its message. */
export interface MailErrorInit {
  readonly code: MailErrorCode;
  readonly retryable?: boolean | undefined;
  readonly delivery?: Delivery | undefined;
  readonly provider?: string | undefined;
  readonly action?: string | undefined;
  readonly providerCode?: string | undefined;
  readonly providerMessage?: string | undefined;
  readonly requestId?: string | undefined;
  readonly httpStatus?: number | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly attempts?: number | undefined;
  readonly issues?: readonly Issue[] | undefined;
  readonly cause?: unknown | undefined;
}

const BRAND = Symbol.for('mailbridge.MailError');

/**
 * The error every mailbridge operation rejects with. `code`, `retryable` and `delivery` drive
 * retries and tell the caller whether the message may have gone out. Its message, `toJSON()`
 * and stack never contain a secret, a signature, a token or an Authorization header.
 *
 * @example
 * ```ts
 * try {
 *   await mailer.send(message);
 * } catch (error) {
 *   if (isMailError(error) && error.delivery === 'unknown') {
 *     // it may have been sent: check before sending again
 *   }
 * }
 * ```
 */
export class MailError extends Error {
  override readonly name = 'MailError' as const;
  readonly code: MailErrorCode;
  readonly retryable: boolean;
  readonly delivery: Delivery;
  readonly provider: string | undefined;
  readonly action: string | undefined;
  readonly providerCode: string | undefined;
  readonly providerMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;
  readonly issues: readonly Issue[];

  constructor(message: string, init: MailErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    Object.defineProperty(this, BRAND, { value: true });
    this.code = init.code;
    this.retryable = init.retryable ?? false;
    this.delivery = init.delivery ?? 'not_sent';
    this.provider = init.provider;
    this.action = init.action;
    this.providerCode = init.providerCode;
    this.providerMessage = init.providerMessage;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.retryAfterMs = init.retryAfterMs;
    this.attempts = init.attempts ?? 0;
    this.issues = init.issues ?? [];
  }

  /** A copy with some fields changed (errors are immutable once thrown). */
  with(changes: Partial<MailErrorInit> & { readonly message?: string }): MailError {
    const { message = this.message, ...rest } = changes;
    const copy = new MailError(message, { ...this.toInit(), ...rest });
    // A function, so that `$&` or `$'` in the new message is text, not a replacement pattern
    // (`$&` would put the old message, the one a redaction removed, back into the stack).
    if (copy.stack && this.stack) copy.stack = this.stack.replace(this.message, () => message);
    return copy;
  }

  /** Plain data for logs: every field except `cause` (a cause may hold transport internals). */
  toJSON(): Record<string, unknown> {
    const { cause: _cause, ...fields } = this.toInit();
    return { name: this.name, message: this.message, ...fields };
  }

  private toInit(): MailErrorInit {
    return stripUndefined({
      code: this.code,
      retryable: this.retryable,
      delivery: this.delivery,
      provider: this.provider,
      action: this.action,
      providerCode: this.providerCode,
      providerMessage: this.providerMessage,
      requestId: this.requestId,
      httpStatus: this.httpStatus,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
      issues: this.issues.length > 0 ? this.issues : undefined,
      cause: this.cause,
    }) as unknown as MailErrorInit;
  }
}

/** True for any `MailError`, including one from another copy of this package. */
export function isMailError(value: unknown): value is MailError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true
  );
}

/** `invalid_input` for the given issues, raised before any request is made. */
export function invalidInput(issues: readonly Issue[], provider?: string): MailError {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new MailError(`Invalid input: ${where}${first?.message ?? 'invalid'}${more}`, {
    code: 'invalid_input',
    issues,
    ...(provider === undefined ? {} : { provider }),
  });
}

/** `unsupported`: the provider cannot honour `field`; nothing was sent. */
export function unsupported(provider: string, field: string, why: string): MailError {
  return new MailError(`${provider} does not support ${field}: ${why}`, {
    code: 'unsupported',
    provider,
    issues: [{ path: field.split('.'), message: why }],
  });
}

function stripUndefined(object: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
}
