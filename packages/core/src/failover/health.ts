/**
 * Health memory of a composite's members: a circuit breaker per member (closed -> open after
 * `failures` consecutive account-level `not_sent` failures -> half-open after `cooldownMs`,
 * where one probe call decides between closed and open again), and a quota mark that sets a
 * member aside until its provider's daily quota resets (quota.ts). Time comes from the clock
 * passed in, so tests drive it.
 */
import type { MailError, MailErrorCode } from '../errors.js';
import { nextQuotaReset } from './quota.js';

/** Circuit-breaker settings of a composite provider. */
export interface BreakerOptions {
  /** Consecutive account-level failures that open a member's circuit (default 5). */
  readonly failures?: number;
  /** How long an open circuit keeps the member aside before one probe call (default 30,000 ms). */
  readonly cooldownMs?: number;
}

/**
 * Failures that say something about the account or the provider rather than the message, so
 * they count towards opening the circuit. `rejected`, `not_found`, `conflict` (one message,
 * one template, one group) pass the call over to the next member without counting.
 */
const ACCOUNT_FAULTS: ReadonlySet<MailErrorCode> = new Set<MailErrorCode>([
  'rate_limited',
  'provider_unavailable',
  'network',
  'timeout',
  'auth',
  'permission',
  'unknown',
]);

/** Whether a member may be called now; a half-open member admits one probe at a time. */
export type Admission =
  | { readonly ok: true; readonly probe: boolean }
  | { readonly ok: false; readonly reason: string; readonly until: number };

interface MemberState {
  failures: number;
  openUntil: number | undefined;
  probing: boolean;
  quotaUntil: number | undefined;
}

/** The health of every member of one composite mailer. */
export interface Health {
  admit(index: number): Admission;
  /** The member accepted a call: its circuit closes. */
  succeeded(index: number): void;
  /** The member failed with `not_sent`: count it, or mark its quota spent. */
  failed(index: number, error: MailError, probe: boolean): void;
  /** A probe ended with no verdict on the account (the message was the problem). */
  released(index: number, probe: boolean): void;
}

/** What `createHealth` needs: one quota-day offset per member, the breaker and the clock. */
export interface HealthOptions {
  readonly quotaOffsets: readonly number[];
  readonly breaker: BreakerOptions | false;
  readonly now: () => number;
}

/** Fresh health memory: every circuit closed, no quota spent. */
export function createHealth(options: HealthOptions): Health {
  const { now } = options;
  const threshold = options.breaker === false ? Infinity : (options.breaker.failures ?? 5);
  // Checked by the composite's options schema (composite.ts): failures >= 1, cooldownMs >= 0.
  const cooldownMs = options.breaker === false ? 0 : (options.breaker.cooldownMs ?? 30_000);
  const states: MemberState[] = options.quotaOffsets.map(() => ({
    failures: 0,
    openUntil: undefined,
    probing: false,
    quotaUntil: undefined,
  }));
  const at = (index: number) => states[index] as MemberState;

  return {
    admit(index) {
      const state = at(index);
      const time = now();
      if (state.quotaUntil !== undefined && time < state.quotaUntil) {
        const until = state.quotaUntil;
        return { ok: false, reason: `daily quota spent until ${iso(until)}`, until };
      }
      if (state.openUntil === undefined) return { ok: true, probe: false };
      if (time < state.openUntil) {
        const until = state.openUntil;
        return { ok: false, reason: `circuit open until ${iso(until)}`, until };
      }
      if (state.probing) {
        return { ok: false, reason: 'circuit half-open, a probe is in flight', until: time };
      }
      state.probing = true;
      return { ok: true, probe: true };
    },
    succeeded(index) {
      const state = at(index);
      state.failures = 0;
      state.openUntil = undefined;
      state.probing = false;
    },
    failed(index, error, probe) {
      const state = at(index);
      if (probe) state.probing = false;
      if (error.code === 'quota_exceeded') {
        state.quotaUntil = nextQuotaReset(now(), options.quotaOffsets[index] ?? 0);
        return;
      }
      if (!ACCOUNT_FAULTS.has(error.code)) return;
      state.failures += 1;
      if (probe || state.failures >= threshold) state.openUntil = now() + cooldownMs;
    },
    released(index, probe) {
      if (probe) at(index).probing = false;
    },
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
