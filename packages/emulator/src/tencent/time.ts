/**
 * Times as Tencent SES writes them: `YYYY-MM-DD HH:mm:ss` in China Standard Time (UTC+8).
 * docs/providers/tencent-ses.md "Could not confirm" leaves the zone open, Beijing time likely; the console
 * and the MessageId's `date-` segment are Beijing time, so the emulator uses UTC+8 throughout.
 */
import { randomBytes } from 'node:crypto';

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function cstParts(ms: number) {
  const d = new Date(ms + CST_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    mo: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    mi: pad(d.getUTCMinutes()),
    s: pad(d.getUTCSeconds()),
  };
}

/** `2021-09-10 11:10:11` (UTC+8). */
export function formatCst(ms: number): string {
  const p = cstParts(ms);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}:${p.s}`;
}

/** `2021-09-10` (UTC+8). */
export function formatCstDate(ms: number): string {
  return formatCst(ms).slice(0, 10);
}

/** Parse `YYYY-MM-DD HH:mm:ss` (UTC+8) to ms, or undefined when malformed or not a real time. */
export function parseCst(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (m === null) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - CST_OFFSET_MS;
  return formatCst(ms) === text ? ms : undefined;
}

/** Parse `YYYY-MM-DD` as the start of that day in UTC+8, or undefined. */
export function parseCstDate(text: string): number | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseCst(`${text} 00:00:00`) : undefined;
}

/** The account AppId the emulator pretends to be (10 digits, as in Tencent's examples). */
export const EMULATOR_APP_ID = '1300000000';

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A MessageId in Tencent's shape (docs/providers/tencent-ses.md "Sending"): `qcloudses-30-<appid>-date-<YYYYMMDDhhmmss>-<random>`,
 * e.g. `qcloudses-30-4123414323-date-20210101094334-syNARhMTbKI1`. The date is the emulator
 * clock in UTC+8, so GetSendEmailStatus can derive the RequestDate from it.
 */
export function messageId(ms: number): string {
  const p = cstParts(ms);
  const bytes = randomBytes(12);
  let tail = '';
  for (const b of bytes) tail += ALPHANUM[b % ALPHANUM.length];
  return `qcloudses-30-${EMULATOR_APP_ID}-date-${p.y}${p.mo}${p.d}${p.h}${p.mi}${p.s}-${tail}`;
}
