/**
 * Scheduled sends and batches for the Mailer, and its `schedules` view. Everything is checked
 * when it is scheduled (message or batch against the capabilities, the rule's shape, `at` in
 * the future, cron syntax by the engine), not hours later when it fires. A batch stays native
 * where the provider can express its rule (capabilities.schedule); everything else goes to the
 * configured scheduler, and without one the error names the option that configures it.
 */
import { invalidInput, isMailError, MailError, unsupported } from '../errors.js';
import type { CallOptions } from '../mailer/mailer.js';
import { checkCallOptions } from '../mailer/mailer-options.js';
import { prepareBatch, prepareMessage } from '../mailer/prepare.js';
import type { BatchInput, MessageInput } from '../message/message.js';
import type { Provider } from '../provider/provider.js';
import { requireId } from '../resources/check.js';
import { abortedError, untilAborted } from '../run/sleep.js';
import type { Job, JobPayload, Scheduler } from './contract.js';
import { NATIVE_PREFIX, type NativeTask } from './native.js';
import { nativeFits, normalizeRule, type ScheduleRule } from './rule.js';
import { createJobRunner, type RunOperation, type Screen } from './runner.js';
import type { ScheduledResult, ScheduleEntry, ScheduleSendOptions, Schedules } from './view.js';

/** What the scheduling part of a mailer needs. */
export interface SchedulingDeps {
  readonly provider: Provider;
  readonly run: RunOperation;
  readonly now: () => number;
  /** The mailer's bound on a call of the caller's code (credentials function), in ms. */
  readonly timeoutMs: number;
  readonly scheduler: Scheduler | undefined;
  /** The mailer's suppression check, run when a send is scheduled and again when it fires. */
  readonly screen?: Screen;
}

/**
 * How far in the past an `at` is still "now": `{ at: new Date() }` (the README's send-now job)
 * is already a few milliseconds old when it is checked here, more on a busy machine.
 */
const AT_NOW_GRACE_MS = 5_000;

/**
 * The rule, checked against the mailer's clock: an `at` more than `AT_NOW_GRACE_MS` in the past
 * is `invalid_input`; one within it is taken as now (a native Tencent task starts now, and
 * `every` counts from now), so a send-now job is never refused for the time its call took.
 */
function ruleOf(input: unknown, now: number): ScheduleRule {
  const rule = normalizeRule(input);
  if (!('at' in rule) || rule.at.getTime() >= now) return rule;
  if (rule.at.getTime() < now - AT_NOW_GRACE_MS) {
    throw invalidInput([
      { path: ['schedule', 'at'], message: `${rule.at.toISOString()} is in the past` },
    ]);
  }
  return Object.freeze({ ...rule, at: new Date(now) });
}

function entryOfJob(job: Job): ScheduleEntry {
  return {
    id: job.id,
    provider: job.provider,
    native: false,
    kind: job.payload.kind,
    state: job.state,
    rule: job.rule,
    ...(job.next ? { next: job.next.due } : {}),
    ...(job.error ? { error: job.error } : {}),
    job,
  };
}

function entryOfTask(provider: string, task: NativeTask): ScheduleEntry {
  return {
    id: `${NATIVE_PREFIX}${task.id}`,
    provider,
    native: true,
    kind: 'batch',
    state: task.state,
    ...(task.rule ? { rule: task.rule } : {}),
    ...(task.next ? { next: task.next } : {}),
    ...(task.state === 'failed' ? { error: taskFailure(provider, task) } : {}),
    task: task.task,
  };
}

/**
 * Why a native task failed, as the provider says it. How many of its recipients were sent to
 * before it stopped is the provider's record (`task`), so delivery is `unknown`.
 */
function taskFailure(provider: string, task: NativeTask): MailError {
  const why = task.reason ? `: ${task.reason}` : ' (the provider gives no reason)';
  return new MailError(`${provider} task ${task.id} failed${why}`, {
    code: 'rejected',
    provider,
    delivery: 'unknown',
  });
}

const NATIVE_PAGE_SIZE = 100;

/**
 * An engine's own failure (a locked SQLite file, a custom store that throws) as a `MailError`,
 * the engine's error as its cause. While storing a job, `unknown`: it may still be stored.
 */
function engineFailure(
  error: unknown,
  provider: string,
  doing: string,
  delivery: 'unknown' | 'not_sent',
): MailError {
  if (isMailError(error)) return error;
  // The engine's own text stays in `cause` (it may name a connection the message must not show).
  const stored = delivery === 'unknown' ? ': it may still be stored (mailer.schedules.list())' : '';
  return new MailError(`The scheduler failed while ${doing}${stored}`, {
    code: 'unknown',
    retryable: true,
    delivery,
    provider,
    cause: error,
  });
}

/** The scheduling operations of one mailer; `attach` connects its runner to the scheduler. */
export function createScheduling(deps: SchedulingDeps) {
  const { provider, run, now, timeoutMs, scheduler, screen } = deps;
  const caps = provider.capabilities;

  const requireScheduler = (what: string, native: string): Scheduler => {
    if (scheduler) return scheduler;
    throw unsupported(
      provider.id,
      'schedule',
      `${what} needs a scheduler${native}: pass one with createMailer(provider, { scheduler }) (e.g. createScheduler from @mailbridge/scheduler)`,
    );
  };

  /**
   * Store a job, under the call's signal: aborted before, nothing is stored (`not_sent`); aborted
   * while the engine has not answered (Redis unreachable), the job may still land (`unknown`).
   */
  const toScheduler = async (
    payload: JobPayload,
    rule: ScheduleRule,
    what: string,
    signal: AbortSignal | undefined,
  ) => {
    // A batch the provider cannot hold natively: its capability says why, in its own words.
    const note = payload.kind === 'batch' ? caps.schedule.note : undefined;
    const native = note === undefined ? '' : ` (${provider.id} cannot hold it: ${note})`;
    const target = requireScheduler(what, native);
    checkCallOptions(signal === undefined ? undefined : { signal });
    if (signal?.aborted) throw abortedError(signal).with({ provider: provider.id });
    const stored = Promise.resolve()
      .then(() => target.schedule({ provider: provider.id, payload, rule }))
      .catch((error: unknown) => {
        throw engineFailure(error, provider.id, 'storing the job', 'unknown');
      });
    const job = await untilAborted(stored, signal, () =>
      abortedError(signal as AbortSignal, 'unknown').with({
        provider: provider.id,
        message:
          'The operation was aborted while the scheduler was storing the job: it may still be stored (mailer.schedules.list())',
      }),
    );
    const result: ScheduledResult = {
      provider: provider.id,
      id: job.id,
      native: false,
      scheduled: true,
      ...(job.next ? { next: job.next.due } : {}),
    };
    return result;
  };

  async function* nativeTasks(call?: CallOptions): AsyncGenerator<NativeTask> {
    const tasks = provider.scheduledTasks;
    if (!tasks) return;
    let cursor: string | undefined;
    do {
      const { value } = await run(tasks.list(cursor, NATIVE_PAGE_SIZE), call?.signal);
      yield* value.items;
      cursor = value.next;
    } while (cursor !== undefined);
  }

  /** An engine call under the call's signal: an engine that does not answer cannot hold it. */
  const engine = <T>(step: () => T | Promise<T>, call: CallOptions | undefined): Promise<T> => {
    const signal = call?.signal;
    checkCallOptions(signal === undefined ? undefined : { signal });
    const aborted = () => abortedError(signal as AbortSignal).with({ provider: provider.id });
    const answered = Promise.resolve()
      .then(step)
      .catch((error: unknown) => {
        throw engineFailure(error, provider.id, 'answering', 'not_sent');
      });
    return untilAborted(answered, signal, aborted);
  };

  async function* engineJobs(call?: CallOptions): AsyncGenerator<Job> {
    if (!scheduler) return;
    const jobs = scheduler.list({ provider: provider.id })[Symbol.asyncIterator]();
    let finished = false;
    try {
      for (;;) {
        const step = await engine(() => jobs.next(), call);
        if (step.done) {
          finished = true;
          return;
        }
        yield step.value;
      }
    } finally {
      // Not awaited: after an abort the engine's pending page may never come.
      if (!finished) void Promise.resolve(jobs.return?.()).catch(() => {});
    }
  }

  const schedules: Schedules = {
    async *list(call) {
      for await (const job of engineJobs(call)) yield entryOfJob(job);
      for await (const task of nativeTasks(call)) yield entryOfTask(provider.id, task);
    },
    async get(input, call) {
      const id = requireId(input, 'id', provider.id);
      if (id.startsWith(NATIVE_PREFIX)) {
        const taskId = id.slice(NATIVE_PREFIX.length);
        for await (const task of nativeTasks(call))
          if (task.id === taskId) return entryOfTask(provider.id, task);
        return undefined;
      }
      const job = scheduler ? await engine(() => scheduler.get(id), call) : undefined;
      return job && job.provider === provider.id ? entryOfJob(job) : undefined;
    },
    async cancel(input, call) {
      const id = requireId(input, 'id', provider.id);
      if (id.startsWith(NATIVE_PREFIX)) {
        const cancel = provider.scheduledTasks?.cancel;
        if (!cancel)
          throw unsupported(
            provider.id,
            'schedules.cancel',
            'the provider has no action that cancels a scheduled task',
          );
        const entry = await schedules.get(id, call);
        if (entry === undefined) return undefined;
        await run(cancel(id.slice(NATIVE_PREFIX.length)), call?.signal);
        return { ...entry, state: 'cancelled' };
      }
      const current = scheduler ? await engine(() => scheduler.get(id), call) : undefined;
      if (!current || current.provider !== provider.id) return undefined;
      const job = await engine(() => (scheduler as Scheduler).cancel(id), call);
      return job && entryOfJob(job);
    },
  };

  return {
    schedules,
    /** Connect this mailer's runner to the scheduler; returns the detach function. */
    attach: (): (() => void) =>
      scheduler?.attach(createJobRunner(provider, run, now, timeoutMs, screen)) ?? (() => {}),
    /** `send(message, { at })` / `send(message, { schedule })`: always through the scheduler. */
    async send(input: MessageInput, options: ScheduleSendOptions): Promise<ScheduledResult> {
      const message = prepareMessage(provider, input);
      if (options.at !== undefined && options.schedule !== undefined) {
        // One of the two would be ignored: say which to drop rather than pick one.
        throw invalidInput([{ path: ['at'], message: 'give at or schedule, not both' }]);
      }
      const rule = ruleOf(options.schedule ?? { at: options.at }, now());
      if (screen) {
        checkCallOptions(options.signal === undefined ? undefined : { signal: options.signal });
        await screen(message, options.signal);
      }
      const what = 'send(message, { at })';
      return toScheduler({ kind: 'send', message }, rule, what, options.signal);
    },
    /** `sendBatch({ ..., schedule })`: native where the provider can express it, else the scheduler. */
    async batch(input: BatchInput, call?: CallOptions): Promise<ScheduledResult> {
      const { schedule, ...rest } = input;
      const rule = ruleOf(schedule, now());
      if (nativeFits(rule, caps)) {
        const native = prepareBatch(provider, rest, now(), rule);
        const { value, attempts } = await run(provider.sendBatch(native), call?.signal);
        return {
          provider: provider.id,
          id: `${NATIVE_PREFIX}${value.batchId}`,
          native: true,
          scheduled: true,
          next: rule.at,
          batchId: value.batchId,
          ...(value.requestId === undefined ? {} : { requestId: value.requestId }),
          attempts,
        };
      }
      const batch = prepareBatch(provider, rest, now());
      return toScheduler({ kind: 'batch', batch }, rule, 'sendBatch({ schedule })', call?.signal);
    },
  };
}
