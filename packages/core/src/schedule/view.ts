/**
 * What `mailer.send(message, { at })`, `mailer.sendBatch({ ..., schedule })` and
 * `mailer.schedules` return: one view over scheduler jobs and the provider's native tasks.
 */
import type { MailError } from '../errors.js';
import type { CallOptions } from '../mailer/mailer.js';
import type { RouteStep } from '../provider/provider.js';
import type { Job, JobState } from './contract.js';
import type { ScheduleRule } from './rule.js';

/** Options of a scheduled `send`: `{ at }` for once, or any `schedule` rule. */
export type ScheduleSendOptions = CallOptions &
  (
    | { readonly at: Date; readonly schedule?: never }
    | { readonly schedule: ScheduleRule; readonly at?: never }
  );

/** The answer to a scheduled send or batch: where it lives and how to find it again. */
export interface ScheduledResult {
  readonly provider: string;
  /**
   * `mailer.schedules.get(id)` finds it; native task ids start with `native:` (through a
   * composite, `native:<member>:<task id>`).
   */
  readonly id: string;
  /** `true`: the provider holds the schedule (Tencent TimedParam/CycleParam); `false`: the scheduler. */
  readonly native: boolean;
  readonly scheduled: true;
  /** The first occurrence's due time, when known. */
  readonly next?: Date;
  /** Native only: the provider's task id, request id and attempts of the scheduling call. */
  readonly batchId?: string;
  readonly requestId?: string;
  readonly attempts?: number;
  /** Through a composite provider (failover, roundRobin): the member that holds it, and the route. */
  readonly member?: string;
  readonly route?: readonly RouteStep[];
}

/** One scheduled item in `mailer.schedules`: a scheduler job or a provider's native task. */
export interface ScheduleEntry {
  readonly id: string;
  readonly provider: string;
  readonly native: boolean;
  readonly kind: 'send' | 'batch';
  readonly state: JobState;
  readonly rule?: ScheduleRule;
  readonly next?: Date;
  readonly error?: MailError;
  /** The scheduler's job (runs, lateness, pin) for `native: false`. */
  readonly job?: Job;
  /** The provider's own task record, as it states it, for `native: true`. */
  readonly task?: Readonly<Record<string, unknown>>;
  /** Through a composite provider (failover, roundRobin): the member that holds it. */
  readonly member?: string;
}

/** The scheduled-work view of a mailer. */
export interface Schedules {
  /** Scheduler jobs of this provider, then the provider's native tasks (paged lazily). */
  list(options?: CallOptions): AsyncIterable<ScheduleEntry>;
  get(id: string, options?: CallOptions): Promise<ScheduleEntry | undefined>;
  /** Cancel a pending job; a native task the provider cannot cancel is `unsupported`. */
  cancel(id: string, options?: CallOptions): Promise<ScheduleEntry | undefined>;
}
