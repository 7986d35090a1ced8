/**
 * Native scheduled batches (TaskType 2 timed, 3 recurring) for `mailer.schedules`, read with
 * ListSendTasks (docs/providers/tencent-ses.md "Templates and tasks", "Data types"). SES has no public action that cancels
 * or updates a task, so `cancel` is absent and the core answers `unsupported`.
 *
 * @see https://cloud.tencent.com/document/api/1288/63484 (ListSendTasks)
 */
import type { JobState, ScheduleRule } from '@mailbridge/core';
import type { NativeTask, NativeTasks } from '@mailbridge/core/provider';
import type { ActionOutput } from './actions.js';
import { actionOperation, type RequestContext } from './client.js';
import { offsetOf, page } from './groups.js';
import { parseChinaTime } from './time.js';

type SendTask = NonNullable<ActionOutput<'ListSendTasks'>['Data']>[number];

/** TaskStatus (SendTaskData, docs/providers/tencent-ses.md "Data types"): 1 pending, 5 sending, 6 paused for today, 7 send error, 10 finished. */
const TASK_STATES: Readonly<Record<number, JobState>> = {
  1: 'pending',
  5: 'sending',
  6: 'pending',
  7: 'failed',
  10: 'sent',
};

/** TaskType 2 (timed) and 3 (recurring) are scheduled; 1 was sent at once. */
const SCHEDULED_TYPES = new Set([2, 3]);

function ruleOf(task: SendTask): ScheduleRule | undefined {
  const cycleStart = task.CycleParam?.BeginTime && parseChinaTime(task.CycleParam.BeginTime);
  if (cycleStart && task.CycleParam?.IntervalTime)
    return { at: cycleStart, every: { hours: task.CycleParam.IntervalTime } };
  const at = task.TimedParam?.BeginTime && parseChinaTime(task.TimedParam.BeginTime);
  return at ? { at } : undefined;
}

function toNativeTask(task: SendTask): NativeTask {
  const rule = ruleOf(task);
  const state = TASK_STATES[task.TaskStatus ?? -1] ?? 'unknown';
  // The start time is the next send only before the first: the record does not say when a
  // running recurring task sends again, and a finished or failed one sends no more.
  const next = task.TaskStatus === 1 && rule && 'at' in rule ? rule.at : undefined;
  return {
    id: String(task.TaskId ?? ''),
    state,
    ...(rule ? { rule } : {}),
    ...(next ? { next } : {}),
    ...(state === 'failed' && task.ErrMsg ? { reason: task.ErrMsg } : {}),
    task: task as Readonly<Record<string, unknown>>,
  };
}

/** The native-task operations of one provider instance. */
export function sendTasks(context: RequestContext): NativeTasks {
  return {
    list(cursor, pageSize) {
      const offset = offsetOf(cursor);
      return actionOperation(
        context,
        'ListSendTasks',
        { Offset: offset, Limit: pageSize },
        (out) => {
          const all = page(offset, out.Data ?? [], out.TotalCount, (task) => task);
          const items = all.items
            .filter((task) => SCHEDULED_TYPES.has(task.TaskType ?? 0))
            .map(toNativeTask);
          return all.next === undefined ? { items } : { items, next: all.next };
        },
      );
    },
  };
}
