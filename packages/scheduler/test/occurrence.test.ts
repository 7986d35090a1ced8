import { isMailError } from '@mailbridge/core';
import { normalizeRule } from '@mailbridge/core/provider';
import { describe, expect, it } from 'vitest';
import { firstOccurrence, nextOccurrence, validateRule } from '../src/occurrence.js';

const H = 3_600_000;
const t = (iso: string) => new Date(iso).getTime();

function occurrences(rule: unknown, now: number, count: number): string[] {
  const r = normalizeRule(rule);
  const out: string[] = [];
  let o = firstOccurrence(r, now);
  while (o && out.length < count) {
    out.push(o.due.toISOString());
    o = nextOccurrence(r, o);
  }
  return out;
}

describe('occurrences come from the rule', () => {
  it('{ at } fires once', () => {
    expect(occurrences({ at: new Date('2030-01-01T00:00:00Z') }, 0, 5)).toEqual([
      '2030-01-01T00:00:00.000Z',
    ]);
  });

  it('{ at, every: { hours } } is at + k × interval, bounded by times', () => {
    const at = new Date('2030-01-01T00:00:00Z');
    expect(occurrences({ at, every: { hours: 6 }, times: 3 }, 0, 10)).toEqual([
      '2030-01-01T00:00:00.000Z',
      '2030-01-01T06:00:00.000Z',
      '2030-01-01T12:00:00.000Z',
    ]);
  });

  it('does not drift: the 1000th daily run is exactly 999 days after at', () => {
    const rule = normalizeRule({ at: new Date('2030-01-01T09:00:00Z'), every: { days: 1 } });
    const o = nextOccurrence(rule, { index: 998, due: new Date(0) }); // whatever the previous run
    expect(o?.due.getTime()).toBe(t('2030-01-01T09:00:00Z') + 999 * 24 * H);
  });

  it('cron: the next match after the previous due time, in the rule time zone', () => {
    const rule = { cron: '0 9 * * *', tz: 'Asia/Shanghai', times: 2 };
    expect(occurrences(rule, t('2030-01-01T00:00:00Z'), 5)).toEqual([
      '2030-01-01T01:00:00.000Z',
      '2030-01-02T01:00:00.000Z',
    ]);
  });

  it('cron across DST: 09:00 New York stays 09:00 local (14:00Z in winter, 13:00Z in summer)', () => {
    const got = occurrences(
      { cron: '0 9 * * *', tz: 'America/New_York' },
      t('2030-03-09T00:00:00Z'),
      3,
    );
    expect(got).toEqual([
      '2030-03-09T14:00:00.000Z',
      '2030-03-10T13:00:00.000Z',
      '2030-03-11T13:00:00.000Z',
    ]);
  });

  it('cron in a spring-forward gap runs at the first valid time after it, once', () => {
    // 2030-03-10 02:30 does not exist in New York (02:00 -> 03:00 EDT).
    const got = occurrences(
      { cron: '30 2 * * *', tz: 'America/New_York' },
      t('2030-03-10T00:00:00Z'),
      2,
    );
    expect(got[0]).toBe('2030-03-10T07:00:00.000Z'); // 03:00 EDT
    expect(got[1]).toBe('2030-03-11T06:30:00.000Z'); // 02:30 EDT
  });

  it('cron at fall-back runs the repeated hour once', () => {
    const got = occurrences(
      { cron: '30 1 * * *', tz: 'America/New_York' },
      t('2030-11-03T00:00:00Z'),
      2,
    );
    expect(got).toEqual(['2030-11-03T05:30:00.000Z', '2030-11-04T06:30:00.000Z']);
  });

  it('rejects a cron expression that does not parse, naming schedule.cron', () => {
    let error: unknown;
    try {
      validateRule(normalizeRule({ cron: 'every day' }), Date.now());
    } catch (e) {
      error = e;
    }
    expect(isMailError(error) && error.code).toBe('invalid_input');
    expect(isMailError(error) && error.issues[0]?.path).toEqual(['schedule', 'cron']);
  });
});
