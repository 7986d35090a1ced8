/**
 * DirectMail writes event times (`send_time`, `deliver_time`) as local wall-clock time without a
 * zone (docs/providers/events.md §3 "Zone-less times"). These turn them into instants: with an
 * offset read from the CloudEvent envelope `time` when there is one, else with the region's zone.
 */

/**
 * The zone of each region that publishes DirectMail events (docs/providers/events.md §3). Only
 * cn-hangzhou's offset (+08:00) is shown by the docs; the others are the region's city zone: an
 * assumption.
 */
export const EVENT_REGION_ZONES: Readonly<Record<string, string>> = {
  'cn-hangzhou': 'Asia/Shanghai',
  'ap-southeast-1': 'Asia/Singapore',
  'eu-central-1': 'Europe/Berlin',
  'us-east-1': 'America/New_York',
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/;

/** The offset in minutes of an ISO 8601 time (`+08:00`, `Z`), or undefined when it has none. */
export function offsetOf(iso: string): number | undefined {
  if (/Z$/i.test(iso)) return 0;
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m || !/T\d{2}:\d{2}/.test(iso)) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * A zone-less local time (`2024-04-29T11:07:04` or with a space) as an instant: `zone` is a fixed
 * offset in minutes or an IANA zone name. Undefined when the text is not such a time.
 */
export function localTimeToDate(text: string, zone: number | string): Date | undefined {
  const m = LOCAL.exec(text.trim());
  if (!m) return undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (typeof zone === 'number') return new Date(wall - zone * 60_000);
  // An IANA zone: take the offset at the first guess, then again at the result (DST edges).
  const first = wall - zoneOffsetMs(zone, wall);
  return new Date(wall - zoneOffsetMs(zone, first));
}

/** The zone's offset from UTC at instant `ms`, through Intl (no time-zone data of our own). */
function zoneOffsetMs(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}
