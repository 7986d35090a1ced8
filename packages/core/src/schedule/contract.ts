/**
 * The scheduler contract: what the Mailer needs from a scheduling engine, and what an engine
 * needs from the Mailer. Engines (`@mailbridge/scheduler` embedded on SQLite or in memory,
 * `@mailbridge/scheduler-bullmq` on Redis) implement `Scheduler`; the Mailer attaches one
 * `JobRunner` per provider id, through which the engine's workers send.
 *
 * A job holds the neutral message or batch, the rule and the provider id: never credentials
 * (they come from the Mailer at send time). The worker cycle is claim -> send -> record:
 * 1. claim: one worker moves a due `pending` job to `sending`; when the runner offers pins
 *    (`newPin`, DirectMail), the pin is stored with the claim, before the first attempt;
 * 2. send: `runner.run(job, pin)` sends through the Mailer (validation, retries on `not_sent`);
 * 3. record: the outcome becomes a `JobRun`; the next occurrence (computed from the rule) makes
 *    the job `pending` again, or the last one's outcome is the job's final state.
 * A job found in `sending` (its worker died between claim and record) is never blindly sent
 * again: the engine calls `runner.recover(job)`, which replays the stored pin (the provider
 * refuses a second copy: `unknown`) or, without a pin, reports `unknown` without sending.
 */
import type { MailError } from '../errors.js';
import type { Batch, Message } from '../message/message.js';
import type { ScheduleRule } from './rule.js';

/** A job's state. `unknown`: the send may have gone out (never re-sent blindly). */
export type JobState = 'pending' | 'sending' | 'sent' | 'failed' | 'unknown' | 'cancelled';

/** The states a job does not leave. */
export const FINAL_JOB_STATES: readonly JobState[] = ['sent', 'failed', 'unknown', 'cancelled'];

/** What a job sends: one message, or one batch (without its `schedule`: the rule is the job's). */
export type JobPayload =
  | { readonly kind: 'send'; readonly message: Message }
  | { readonly kind: 'batch'; readonly batch: Batch };

/**
 * A fixed signature nonce and timestamp for every attempt of one send. A provider that refuses
 * a reused nonce (DirectMail's `SignatureNonceUsed`) then accepts at most one copy of the
 * request, however often it is sent: the basis of crash recovery without duplicates.
 */
export interface ReplayPin {
  readonly nonce: string;
  /** Signing time, ms since the epoch. DirectMail refuses a signature 15 minutes after it. */
  readonly timestamp: number;
  /**
   * The key the pinned request is signed with (DirectMail's AccessKey ID), when the provider
   * names it (`Provider.pinKey`). A nonce is refused per key only: the same nonce under another
   * key (rotated credentials, a new STS session) would be accepted again, so a pinned request
   * is never signed with another key.
   */
  readonly keyId?: string;
}

/** One occurrence of a job's rule: its 0-based index and when it is due. */
export interface Occurrence {
  readonly index: number;
  readonly due: Date;
}

/** The outcome of one occurrence. */
export type RunOutcome =
  | { readonly state: 'sent'; readonly id: string; readonly requestId?: string }
  | { readonly state: 'failed'; readonly error: MailError }
  | { readonly state: 'unknown'; readonly error: MailError };

/** The record of one occurrence, kept on the job. */
export interface JobRun {
  readonly index: number;
  readonly due: Date;
  /** When it was recorded; `skipped` runs were never attempted. */
  readonly at: Date;
  /** How late the send started after `due`, in ms (0 when on time). */
  readonly latenessMs: number;
  readonly state: 'sent' | 'failed' | 'unknown' | 'skipped';
  /** Provider message id (sends) or task id (batches) when sent. */
  readonly id?: string;
  readonly error?: MailError;
  /** Sent by `recover` after a crash rather than by a normal run. */
  readonly recovered?: boolean;
}

/** A scheduled job, as engines store it and `mailer.schedules` shows it. */
export interface Job {
  readonly id: string;
  readonly provider: string;
  readonly payload: JobPayload;
  readonly rule: ScheduleRule;
  readonly state: JobState;
  readonly createdAt: Date;
  /** The occurrence pending or being sent; absent once the job is final. */
  readonly next?: Occurrence;
  /** The pin stored with the claim of `next` (providers with `newPin` only). */
  readonly pin?: ReplayPin;
  /** When `next` was claimed (state `sending`): its lateness is `claimedAt - next.due`. */
  readonly claimedAt?: Date;
  /** Recorded occurrences, oldest first (engines may keep only the latest ones). */
  readonly runs: readonly JobRun[];
  /** The error of a `failed` or `unknown` job. */
  readonly error?: MailError;
}

/** What the Mailer hands a scheduler to store. */
export interface JobInput {
  readonly provider: string;
  readonly payload: JobPayload;
  readonly rule: ScheduleRule;
}

/** Which jobs `list` returns. */
export interface JobFilter {
  readonly provider?: string;
  readonly state?: JobState;
}

/**
 * A gate that every attempt of a job's send passes just before its request goes out: a rate
 * limit shared by many processes (`@mailbridge/scheduler-bullmq`). It resolves when the attempt
 * may go, or rejects (aborted, waited too long: nothing is sent), with the function to call once
 * the attempt is over: `settled` is true when no copy of the request can still reach the provider
 * (it answered, or the request certainly never left), false when it may still arrive.
 */
export type AttemptGate = (signal: AbortSignal | undefined) => Promise<(settled: boolean) => void>;

/**
 * The sending side, one per provider id, supplied by the Mailer (`createMailer(p, { scheduler })`
 * attaches it). `run` and `recover` never throw: every failure is an outcome.
 */
export interface JobRunner {
  readonly provider: string;
  /** Present when the provider accepts at most one copy of a pinned request (DirectMail). */
  newPin?(): ReplayPin | Promise<ReplayPin>;
  /**
   * Send `job.next` (claimed, in `sending`) with the stored pin, if any; every HTTP attempt
   * (retries included) passes `gate` first when one is given.
   */
  run(job: Job, signal?: AbortSignal, gate?: AttemptGate): Promise<RunOutcome>;
  /**
   * A job found in `sending` after a crash. With a pin: the identical request is sent again
   * (`sent` if the first never arrived; `unknown` when the provider refuses the nonce or the
   * signature's age). Without one: `unknown`, nothing sent.
   */
  recover(job: Job, signal?: AbortSignal, gate?: AttemptGate): Promise<RunOutcome>;
}

/** Events an engine reports. Hooks must not throw; an engine ignores what they return. */
export interface SchedulerHooks {
  /** A run ended `unknown` (it may have gone out): reconcile before sending again. */
  readonly onUnknown?: (job: Job, run: JobRun) => void;
  readonly onFailed?: (job: Job, run: JobRun) => void;
  readonly onSent?: (job: Job, run: JobRun) => void;
}

/**
 * A scheduling engine. `schedule` validates what only the engine knows (cron syntax) and stores
 * the job durably before it resolves; the engine's workers fire due jobs through the runners
 * attached for their provider (a job whose provider has no runner in this process waits).
 */
export interface Scheduler {
  /** The engine's name (`embedded`, `memory`, `bullmq`), for messages. */
  readonly engine: string;
  schedule(input: JobInput): Promise<Job>;
  get(id: string): Promise<Job | undefined>;
  list(filter?: JobFilter): AsyncIterable<Job>;
  /**
   * Cancel a `pending` job (a recurring one stops). `undefined` for an unknown id; a job in
   * `sending` or final is a `conflict` error (a send in flight cannot be called back).
   */
  cancel(id: string): Promise<Job | undefined>;
  /**
   * Start firing due jobs of `runner.provider`; returns a function that detaches it. One runner
   * per provider id: another one for an id already attached is a `conflict` error (jobs carry
   * the provider id only, so a second account would send, and recover, the first one's jobs).
   */
  attach(runner: JobRunner): () => void;
  /**
   * Stop workers (a send in flight is recorded first) and release the store. Afterwards every
   * other call is a `conflict` error (`not_sent`): nothing is stored, read or cancelled.
   */
  close(): Promise<void>;
}
