/**
 * The Mailer's side of the scheduler contract: a `JobRunner` that sends a claimed job through
 * the provider's operations and the mailer's one executor (rate limits, retries on `not_sent`,
 * hooks, redaction), and turns every failure into an outcome.
 *
 * With a provider that honours pins (`provider.replayPins`, DirectMail), every attempt of a
 * scheduled send is the same signed request (one nonce, one timestamp), so the provider accepts
 * at most one copy: recovery after a crash sends it again, and a refused nonce means "the first
 * copy arrived" (`unknown`), never a second message.
 */
import { randomUUID } from 'node:crypto';
import { isMailError, MailError } from '../errors.js';
import type { Message } from '../message/message.js';
import type { Operation, Provider } from '../provider/provider.js';
import { bounded } from '../run/bounded.js';
import type { AttemptGate, Job, JobRunner, ReplayPin, RunOutcome } from './contract.js';

/** Runs one operation through the mailer's executor. */
export type RunOperation = <T>(
  operation: Operation<T>,
  signal: AbortSignal | undefined,
  gate?: AttemptGate,
) => Promise<{ readonly value: T; readonly attempts: number }>;

/**
 * The mailer's check of a message just before it is sent (its suppression store): rejects with
 * a `not_sent` `MailError` when the message must not go out.
 */
export type Screen = (message: Message, signal: AbortSignal | undefined) => Promise<void>;

/**
 * The outcome of a job whose run threw: `failed` when nothing can have been sent (`not_sent`),
 * else `unknown`. A thrown value that is not a `MailError` is wrapped, `what` saying who threw.
 * The one mapping for the mailer's runner and every scheduler engine.
 */
export function outcomeOfError(error: unknown, provider: string, what: string): RunOutcome {
  const mailError = isMailError(error)
    ? error
    : new MailError(what, { code: 'unknown', delivery: 'unknown', provider, cause: error });
  return mailError.delivery === 'not_sent'
    ? { state: 'failed', error: mailError }
    : { state: 'unknown', error: mailError };
}

async function sendJob(
  provider: Provider,
  run: RunOperation,
  job: Job,
  signal: AbortSignal | undefined,
  gate: AttemptGate | undefined,
  screen: Screen | undefined,
): Promise<RunOutcome> {
  const pin = provider.replayPins ? job.pin : undefined;
  try {
    if (job.payload.kind === 'send') {
      // Checked when it fires too: the address may have bounced or complained since.
      await screen?.(job.payload.message, signal);
      const { value } = await run(provider.send(job.payload.message, pin), signal, gate);
      return { state: 'sent', id: value.messageId, ...requestIdOf(value) };
    }
    const { value } = await run(provider.sendBatch(job.payload.batch, pin), signal, gate);
    return { state: 'sent', id: value.batchId, ...requestIdOf(value) };
  } catch (error) {
    return outcomeOfError(error, provider.id, 'The scheduled send failed unexpectedly');
  }
}

function requestIdOf(value: { readonly requestId?: string }): { requestId?: string } {
  return value.requestId === undefined ? {} : { requestId: value.requestId };
}

/**
 * A fresh pin, bound to the key the provider signs with now. A key that cannot be read here
 * (the credentials function failed, or did not answer within `timeoutMs`, the bound of its every
 * other call: run/attempt.ts) leaves the pin unbound, and a provider that names keys does not
 * send an unbound pin (a replay under a rotated key would be a second copy): the job fails, not sent.
 */
async function newPin(
  provider: Provider,
  now: () => number,
  timeoutMs: number,
): Promise<ReplayPin> {
  const pin = { nonce: randomUUID(), timestamp: now() };
  const key = provider.pinKey?.();
  const keyId =
    key === undefined
      ? undefined
      : await Promise.resolve(bounded(key, undefined, timeoutMs, 'Reading the signing key')).catch(
          () => undefined,
        );
  return keyId === undefined ? pin : { ...pin, keyId };
}

/** The runner a mailer attaches to its scheduler. */
export function createJobRunner(
  provider: Provider,
  run: RunOperation,
  now: () => number,
  timeoutMs: number,
  screen?: Screen,
): JobRunner {
  return {
    provider: provider.id,
    ...(provider.replayPins ? { newPin: () => newPin(provider, now, timeoutMs) } : {}),
    run: (job, signal, gate) => sendJob(provider, run, job, signal, gate, screen),
    async recover(job, signal, gate) {
      if (provider.replayPins && job.pin !== undefined) {
        const outcome = await sendJob(provider, run, job, signal, gate, screen);
        // Any refusal of the replayed request leaves the first copy's fate open.
        if (outcome.state === 'failed')
          return { state: 'unknown', error: outcome.error.with({ delivery: 'unknown' }) };
        return outcome;
      }
      return {
        state: 'unknown',
        error: new MailError(
          `The worker stopped while sending job ${job.id}; ${provider.id} has no idempotency key, so it is not sent again: it may have gone out`,
          { code: 'unknown', delivery: 'unknown', provider: provider.id },
        ),
      };
    },
  };
}
