/**
 * TimedParam / CycleParam of BatchSendEmail (docs/providers/tencent-ses.md "Data types"): times are `YYYY-MM-DD HH:mm:ss` in
 * UTC+8; BeginTime must not be in the past (checked against the emulator clock); IntervalTime
 * is in hours per the SDK model (CycleEmailParam).
 */
import { fail } from './errors.js';
import { checkKnown, optInt, optObject, optString, type Params } from './params.js';
import type { TcTask } from './state.js';
import { parseCst } from './time.js';

const HOUR_MS = 60 * 60 * 1000;

/** The interval of a recurring task in ms. */
export function intervalMs(task: Pick<TcTask, 'cycle'>): number {
  return (task.cycle?.IntervalTime ?? 0) * HOUR_MS;
}

type Schedule = Pick<TcTask, 'timed' | 'cycle' | 'nextAt'>;

/** Read the schedule of a task of this type; TaskType 1 ignores both params. */
export function readSchedule(params: Params, taskType: 1 | 2 | 3, now: number): Schedule {
  if (taskType === 2) {
    const timed = optObject(params, 'TimedParam') ?? {};
    checkKnown(timed, ['BeginTime'], 'TimedParam.');
    const begin = optString(timed, 'BeginTime', 'TimedParam.');
    if (begin === undefined || begin === '') {
      fail('MissingParameter.TimedParamNecessary', 'TaskType 2 needs TimedParam.BeginTime');
    }
    return { timed: { BeginTime: begin }, nextAt: beginAt(begin, now) };
  }
  if (taskType === 3) {
    const cycle = optObject(params, 'CycleParam') ?? {};
    checkKnown(cycle, ['BeginTime', 'IntervalTime', 'TermCycle'], 'CycleParam.');
    const begin = optString(cycle, 'BeginTime', 'CycleParam.');
    const interval = optInt(cycle, 'IntervalTime', 'CycleParam.');
    if (begin === undefined || begin === '' || interval === undefined) {
      fail(
        'MissingParameter.CycleParamNecessary',
        'TaskType 3 needs CycleParam.BeginTime and IntervalTime',
      );
    }
    if (interval < 1)
      fail('InvalidParameterValue', 'CycleParam.IntervalTime must be at least 1 (hour)');
    const term = optInt(cycle, 'TermCycle', 'CycleParam.') ?? 0;
    if (term !== 0 && term !== 1)
      fail('InvalidParameterValue', 'CycleParam.TermCycle must be 0 or 1');
    const at = beginAt(begin, now);
    return { cycle: { BeginTime: begin, IntervalTime: interval, TermCycle: term }, nextAt: at };
  }
  return {};
}

function beginAt(text: string, now: number): number {
  const at = parseCst(text);
  if (at === undefined) {
    fail('InvalidParameterValue', `BeginTime "${text}" is not "YYYY-MM-DD HH:mm:ss" (UTC+8)`);
  }
  // Second precision: a BeginTime in the current second is "now", not the past.
  if (at < Math.floor(now / 1000) * 1000) {
    fail(
      'InvalidParameterValue.BeginTimeBeforeNow',
      `BeginTime ${text} (UTC+8) is before the current time`,
    );
  }
  return at;
}
