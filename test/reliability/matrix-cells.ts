/**
 * The fault matrix as data: the faults, the operations, and the outcome each cell must have.
 * The expectations follow the retry rules of packages/core/src/run/executor.ts:
 * - a fault the provider did not execute (throttling, refused connection) is retried;
 * - an ambiguous failure of a DirectMail send or write (`replayable`) is replayed once with the
 *   same SignatureNonce: accepted if the first copy never executed, refused (`unknown`) if it did;
 * - any other ambiguous failure stops at once with `delivery: 'unknown'`;
 * - a wrong secret or an expired timestamp is `auth`, `not_sent`, never retried.
 */
import type { Delivery, MailErrorCode } from '@mailbridge/core';
import type { ProviderId } from '@mailbridge/emulator';

/** The neutral operations the matrix drives. */
export const OPERATIONS = ['send', 'sendMany', 'sendBatch', 'addRecipients'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The faults, in table order. */
export const FAULTS = [
  'throttled twice',
  'throttled beyond budget',
  'HTTP 500',
  'HTTP 502',
  'HTTP 503',
  'connection refused',
  'dropped after processing',
  'delay beyond timeout',
  'malformed JSON',
  'HTML 502 page',
  'body over size cap',
  'wrong secret',
  'expired timestamp',
] as const;
export type FaultName = (typeof FAULTS)[number];

/** Retries after the first attempt in every cell (so "beyond budget" is 3 throttles). */
export const RETRIES = 2;
/** Injected server delay and the client timeout of the "delay beyond timeout" cells. */
export const DELAY_MS = 1_000;
export const TIMEOUT_MS = 300;
/**
 * A "delay beyond timeout" call must settle before this (ms): the timeout fires at 300 ms, a
 * DirectMail replay adds one quick request; the delayed reply comes at 1,000 ms. 500 ms of margin
 * for a busy 2-core machine, and still 200 ms before the reply that a late timeout would wait for.
 */
export const TIMEOUT_SETTLED_MS = 800;
/** Response cap of the oversize cells, and the size of the injected body. */
export const CAP_BYTES = 64 * 1024;
export const OVERSIZE_BYTES = 256 * 1024;
/** Clock skew of the expired-timestamp cells: beyond both providers' windows (15 and 5 min). */
export const SKEW_MS = 20 * 60_000;

/** What a cell must report. */
export type Expected =
  | { readonly ok: true; readonly attempts: number }
  | {
      readonly ok: false;
      readonly code: MailErrorCode;
      readonly retryable: boolean;
      readonly delivery: Delivery;
      readonly attempts: number;
    };

const ok = (attempts: number): Expected => ({ ok: true, attempts });
const fail = (
  code: MailErrorCode,
  retryable: boolean,
  delivery: Delivery,
  attempts: number,
): Expected => ({ ok: false, code, retryable, delivery, attempts });

const COMMON: Partial<Record<FaultName, Expected>> = {
  'throttled twice': ok(3),
  'throttled beyond budget': fail('rate_limited', true, 'not_sent', RETRIES + 1),
  'connection refused': ok(2),
  // The cap is a local decision about a complete answer: retrying would read the same body.
  'body over size cap': fail('provider_unavailable', false, 'unknown', 1),
  'wrong secret': fail('auth', false, 'not_sent', 1),
  'expired timestamp': fail('auth', false, 'not_sent', 1),
};

/** Ambiguous faults where nothing is replayed: the first answer is final, delivery unknown. */
const STOP: Partial<Record<FaultName, Expected>> = {
  'HTTP 500': fail('provider_unavailable', true, 'unknown', 1),
  'HTTP 502': fail('provider_unavailable', true, 'unknown', 1),
  'HTTP 503': fail('provider_unavailable', true, 'unknown', 1),
  'dropped after processing': fail('network', true, 'unknown', 1),
  'delay beyond timeout': fail('timeout', true, 'unknown', 1),
  'malformed JSON': fail('provider_unavailable', true, 'unknown', 1),
  'HTML 502 page': fail('provider_unavailable', true, 'unknown', 1),
};

/**
 * DirectMail sends and writes replay the identical request once. Faults the emulator did not execute
 * (5xx, malformed, HTML) let the replay through: delivered once in two attempts. A delayed
 * request is still pending when the replay arrives, so the replay is accepted and the original
 * is later refused as a used nonce. A dropped request did execute: the replay is refused and
 * the outcome is `unknown`, no longer retryable.
 */
const REPLAY: Partial<Record<FaultName, Expected>> = {
  'HTTP 500': ok(2),
  'HTTP 502': ok(2),
  'HTTP 503': ok(2),
  'dropped after processing': fail('network', false, 'unknown', 2),
  'delay beyond timeout': ok(2),
  'malformed JSON': ok(2),
  'HTML 502 page': ok(2),
};

/**
 * Whether the operation's request is `replayable`: every DirectMail call with an effect (sends,
 * and writes such as a SaveReceiverDetail chunk), since DirectMail refuses a reused
 * SignatureNonce before executing anything. Tencent has no such token: nothing is replayed.
 */
export function replays(provider: ProviderId, _operation: Operation): boolean {
  return provider === 'aliyun-dm';
}

/** The outcome a cell must have. */
export function expected(provider: ProviderId, operation: Operation, fault: FaultName): Expected {
  const table = replays(provider, operation) ? REPLAY : STOP;
  const cell = COMMON[fault] ?? table[fault];
  if (!cell) throw new Error(`no expectation for ${provider} ${operation} ${fault}`);
  return cell;
}

/** Faults that reach every request of the cell, not only the first one. */
export function isGlobal(fault: FaultName): boolean {
  return fault === 'wrong secret' || fault === 'expired timestamp';
}
