/**
 * The one parser for a time on the command line (`batch --at`). `new Date(text)` reads far more
 * than its help promises ("1" is the year 2001, "2030" a midnight, a date without a zone the
 * local time, "2030-02-30" the 2nd of March), so a flag takes an ISO 8601 date-time with its
 * offset (`Z` or `±HH:MM`), a real calendar date and clock time, or nothing.
 */
import { UsageError } from './exit.js';

/** What the flags accept, for their help text and their refusal. */
export const TIME_FORM = 'an ISO 8601 date-time with a zone, e.g. 2030-01-01T08:00:00Z or +08:00';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/i;

/** The instant `value` names, or a UsageError naming `flag` and the form it takes. */
export function parseTime(value: string, flag: string): Date {
  const m = ISO.exec(value);
  const date = m ? new Date(value.toUpperCase()) : undefined;
  if (m === null || date === undefined || Number.isNaN(date.getTime()) || !real(m)) {
    throw new UsageError(`${flag} must be ${TIME_FORM}, got ${JSON.stringify(value)}`);
  }
  return date;
}

/** The fields are a calendar date and a clock time that exist (no 30 February, no 24:00). */
function real(m: RegExpExecArray): boolean {
  const n = (i: number) => Number(m[i] ?? 0);
  const [year, month, day] = [n(1), n(2), n(3)];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = month >= 1 && month <= 12 && day >= 1 && day <= days;
  return date && n(4) <= 23 && n(5) <= 59 && n(6) <= 59 && n(8) <= 23 && n(9) <= 59;
}
