/**
 * When a provider's daily sending quota comes back. DirectMail and Tencent SES count their
 * daily quotas by calendar day in China Standard Time (UTC+8), not UTC: see
 * docs/providers/quota-reset.md. A member whose quota is spent is set aside until the next
 * midnight in its provider's zone.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The UTC offset (minutes) of the calendar day each known provider's daily quota follows
 * (docs/providers/quota-reset.md). Other providers: UTC, unless the member says otherwise.
 */
export const QUOTA_DAY_OFFSETS: Readonly<Record<string, number>> = {
  'aliyun-dm': 8 * 60,
  'tencent-ses': 8 * 60,
};

/** The next midnight after `now` in the zone `offsetMinutes` east of UTC, as ms since epoch. */
export function nextQuotaReset(now: number, offsetMinutes: number): number {
  const offset = offsetMinutes * MINUTE;
  const localDayStart = Math.floor((now + offset) / DAY) * DAY;
  return localDayStart + DAY - offset;
}
