/**
 * One call over a composite's members: try them in the strategy's order and stop at the first
 * that sends. A member is passed over only when it certainly did not send (`delivery:
 * 'not_sent'`); an error that may have sent (`unknown`) ends the call at once, so no message is
 * sent twice. Members set aside by health, lacking a per-provider value, or unable to honour
 * the message (their own capability check: `unsupported`, before any request) are skipped.
 */
import { type Issue, isMailError, MailError, type MailErrorCode } from '../errors.js';
import { isSuppressionFailure } from '../events/suppression.js';
import type { Mailer } from '../mailer/mailer.js';
import type { BatchInput, MessageInput } from '../message/message.js';
import type { RouteStep } from '../provider/provider.js';
import type { Health } from './health.js';
import { type ForMember, valuesFor } from './values.js';

/** A member with the mailer that runs its requests. */
export interface RoutedMember {
  readonly name: string;
  readonly provider: string;
  readonly mailer: Mailer;
}

/** What one call needs: the composite's id, its members, their health, the clock. */
export interface RouteContext {
  readonly id: string;
  readonly members: readonly RoutedMember[];
  readonly health: Health;
  readonly now: () => number;
}

/** Errors about the caller's input or wish, which no other member would answer differently. */
const CALLER_ERRORS: ReadonlySet<MailErrorCode> = new Set<MailErrorCode>([
  'invalid_input',
  'invalid_recipient',
  'aborted',
]);

/** Run `call` on the members in `order` until one sends; the result names it and the route. */
export async function route<
  I extends MessageInput | BatchInput,
  R extends { readonly attempts?: number },
>(
  ctx: RouteContext,
  order: readonly number[],
  input: I,
  call: (mailer: Mailer, input: I) => Promise<R>,
): Promise<R & { readonly member: string; readonly route: readonly RouteStep[] }> {
  const steps: RouteStep[] = [];
  const errors: MailError[] = [];
  let back: number | undefined;
  // Every member's values first: a malformed entry for a later member is bad input, refused
  // before any member is called, not found only once an earlier member has failed.
  const resolved = order.map((index) => valuesFor(input, ctx.members[index] as RoutedMember));
  for (const [position, index] of order.entries()) {
    const member = ctx.members[index] as RoutedMember;
    const step = { member: member.name, provider: member.provider };
    const values = resolved[position] as ForMember<I>;
    if (!values.ok) {
      steps.push({ ...step, outcome: 'skipped', reason: values.reason, attempts: 0 });
      continue;
    }
    const admission = ctx.health.admit(index);
    if (!admission.ok) {
      steps.push({ ...step, outcome: 'skipped', reason: admission.reason, attempts: 0 });
      back = Math.min(back ?? Infinity, admission.until);
      continue;
    }
    try {
      const result = await call(member.mailer, values.input);
      ctx.health.succeeded(index);
      // A scheduled send is stored, not sent: no request, and its result counts none.
      steps.push({ ...step, outcome: 'sent', attempts: result.attempts ?? 0 });
      return { ...result, member: member.name, route: steps };
    } catch (thrown) {
      const error = asMailError(thrown, member.provider);
      const reason = `${error.code}: ${error.message}`;
      // The caller's own suppression store failing is no member's fault, and every member
      // would ask it again: the call ends, no circuit counts it.
      if (
        error.delivery === 'unknown' ||
        CALLER_ERRORS.has(error.code) ||
        isSuppressionFailure(error)
      ) {
        ctx.health.released(index, admission.probe);
        const outcome = error.delivery === 'unknown' ? 'unknown' : 'failed';
        steps.push({ ...step, outcome, reason, attempts: error.attempts ?? 0 });
        throw error.code === 'invalid_input' ? error : withRoute(error, steps);
      }
      errors.push(error);
      if (error.code === 'unsupported') {
        // Not the member's health: it cannot do this. Refused before any request, it was passed
        // over (`skipped`); answered so by the provider, it was asked and `failed`.
        ctx.health.released(index, admission.probe);
        const attempts = error.attempts ?? 0;
        const outcome = attempts > 0 ? 'failed' : 'skipped';
        steps.push({ ...step, outcome, reason: error.message, attempts });
        continue;
      }
      ctx.health.failed(index, error, admission.probe);
      steps.push({ ...step, outcome: 'failed', reason, attempts: error.attempts ?? 0 });
    }
  }
  throw noMemberSent(ctx, steps, errors, back);
}

/** The route as issues, one per member: `members.<name>: <outcome>: <reason>`. */
function routeIssues(steps: readonly RouteStep[]): Issue[] {
  return steps.map((s) => ({
    path: ['members', s.member],
    message: s.reason === undefined ? s.outcome : `${s.outcome}: ${s.reason}`,
  }));
}

/** The member's own error, unchanged but for the route added to its issues. */
function withRoute(error: MailError, steps: readonly RouteStep[]): MailError {
  return error.with({ issues: [...error.issues, ...routeIssues(steps)] });
}

/**
 * One error for a call no member sent: the last member failure's fields (code, provider,
 * attempts of that member), every member's reason in the message and `issues`, and every
 * member error in `cause` (an `AggregateError`). All skipped for health: `provider_unavailable`
 * with `retryAfterMs` until the first member is back; all unable: `unsupported`.
 */
function noMemberSent(
  ctx: RouteContext,
  steps: readonly RouteStep[],
  errors: readonly MailError[],
  back: number | undefined,
): MailError {
  const summary = steps.map((s) => `${s.member} (${s.provider}): ${s.reason ?? s.outcome}`);
  const issues = routeIssues(steps);
  const cause = new AggregateError(errors, `${ctx.id}: member errors`);
  const waitMs = back === undefined ? undefined : Math.max(0, back - ctx.now());
  const last = errors.filter((e) => e.code !== 'unsupported').at(-1);
  if (last) {
    const retryAfterMs = minDefined(last.retryAfterMs, waitMs);
    return last.with({
      message: `${ctx.id}: no member sent it: ${summary.join('; ')}`,
      retryable: last.retryable || waitMs !== undefined,
      issues,
      cause,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  const unavailable = waitMs !== undefined;
  return new MailError(
    `${ctx.id}: ${unavailable ? 'no member is available' : 'no member can send it'}: ${summary.join('; ')}`,
    {
      code: unavailable ? 'provider_unavailable' : 'unsupported',
      retryable: unavailable,
      delivery: 'not_sent',
      provider: ctx.id,
      issues,
      cause,
      ...(waitMs === undefined ? {} : { retryAfterMs: waitMs }),
    },
  );
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

/** Member mailers reject with `MailError`; anything else (a bug) must not switch members. */
function asMailError(thrown: unknown, provider: string): MailError {
  if (isMailError(thrown)) return thrown;
  return new MailError(`${provider} failed unexpectedly`, {
    code: 'unknown',
    delivery: 'unknown',
    provider,
    cause: thrown,
  });
}
