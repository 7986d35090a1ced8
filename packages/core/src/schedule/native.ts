/**
 * A provider's own scheduled tasks (Tencent's TaskType 2/3 batches), as an adapter exposes them
 * to `mailer.schedules`. Ids are prefixed `native:` in the view, so they never collide with a
 * scheduler's job ids; a composite's view also names the member (failover/schedules.ts), as task
 * ids are per account.
 */
import type { Operation, Page } from '../provider/provider.js';
import type { JobState } from './contract.js';
import type { ScheduleRule } from './rule.js';

/** One native scheduled task in neutral form. */
export interface NativeTask {
  /** The provider's task id (Tencent TaskId), without the `native:` prefix. */
  readonly id: string;
  readonly state: JobState;
  readonly rule?: ScheduleRule;
  /** The next time it sends, while one is known (not once it has run or failed). */
  readonly next?: Date;
  /** For a `failed` task: the provider's own words on why (Tencent ErrMsg), when it gives any. */
  readonly reason?: string;
  /** The provider's record as it states it. */
  readonly task: Readonly<Record<string, unknown>>;
}

/** What an adapter implements for native tasks; `cancel` absent = the provider cannot. */
export interface NativeTasks {
  list(cursor: string | undefined, pageSize: number): Operation<Page<NativeTask>>;
  cancel?(id: string): Operation<void>;
}

/** The prefix of native task ids in `mailer.schedules`. */
export const NATIVE_PREFIX = 'native:';
