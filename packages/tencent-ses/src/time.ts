/**
 * Times as SES reads them. `TimedParam.BeginTime`, `CycleParam.BeginTime` and `RequestDate` are
 * written `YYYY-MM-DD HH:mm:ss` / `YYYY-MM-DD` without a zone; the docs do not name one
 * (docs/providers/tencent-ses.md "Could not confirm"), and Beijing time is what the console and examples use.
 * We ASSUME China Standard Time (UTC+8, no daylight saving) everywhere, in this one constant.
 */

/**
 * The offset of China Standard Time from UTC in ms (UTC+8, no DST). Every provider time string
 * this adapter writes or reads is in this zone: an assumption, the docs name none.
 */
export const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm:ss` in UTC+8 (seconds are truncated). */
export function formatChinaTime(date: Date): string {
  const shifted = new Date(date.getTime() + CHINA_STANDARD_TIME_OFFSET_MS);
  const day = shifted.toISOString().slice(0, 10);
  return `${day} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
}

/** `YYYY-MM-DD` of a date in UTC+8 (the calendar day SES files it under). */
export function formatChinaDate(date: Date): string {
  return formatChinaTime(date).slice(0, 10);
}

/** Parse `YYYY-MM-DD HH:mm:ss` (UTC+8) back to a Date; undefined when malformed. */
export function parseChinaTime(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - CHINA_STANDARD_TIME_OFFSET_MS;
  return Number.isNaN(utc) ? undefined : new Date(utc);
}
