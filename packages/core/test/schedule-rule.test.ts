import { describe, expect, it } from 'vitest';
import { createMailer } from '../src/mailer/mailer.js';
import { intervalHours, intervalMs, nativeFits, normalizeRule } from '../src/schedule/rule.js';
import { createTestingProvider } from '../src/testing/testing.js';
import { expectIssue, issuesOf } from './helpers/issues.js';

const at = new Date('2030-01-01T00:00:00Z');

describe('normalizeRule', () => {
  it('accepts the three forms and returns frozen copies', () => {
    const input = { at: new Date(at) };
    const timed = normalizeRule(input);
    input.at.setFullYear(1999);
    expect(timed).toEqual({ at });
    expect(Object.isFrozen(timed)).toBe(true);
    expect(normalizeRule({ at, every: { hours: 6 }, times: 4 })).toEqual({
      at,
      every: { hours: 6 },
      times: 4,
    });
    expect(normalizeRule({ cron: ' 0 9 * * 1-5 ', tz: 'Asia/Shanghai' })).toEqual({
      cron: '0 9 * * 1-5',
      tz: 'Asia/Shanghai',
    });
  });

  it.each([
    ['no at nor cron', {}, ['schedule', 'at'], 'is required'],
    [
      'both hours and days',
      { at, every: { hours: 1, days: 1 } },
      ['schedule', 'every'],
      '{ hours } or { days }',
    ],
    ['zero hours', { at, every: { hours: 0 } }, ['schedule', 'every', 'hours'], 'positive integer'],
    ['fractional days', { at, every: { days: 1.5 } }, ['schedule', 'every', 'days'], 'integer'],
    ['times without every', { at, times: 2 }, ['schedule', 'times'], 'recurring schedule'],
    ['cron with at', { cron: '* * * * *', at }, ['schedule', 'at'], 'no at'],
    [
      'cron with every',
      { cron: '* * * * *', every: { hours: 1 } },
      ['schedule', 'every'],
      'not both',
    ],
    ['an unknown zone', { cron: '* * * * *', tz: 'Mars/Base' }, ['schedule', 'tz'], 'IANA'],
    ['tz without cron', { at, tz: 'UTC' }, ['schedule', 'tz'], 'only to a cron'],
    ['an unknown field', { at, when: 1 }, ['schedule', 'when'], 'unknown field'],
  ])('rejects %s, naming the field', (_what, input, path, words) => {
    expectIssue(
      issuesOf(() => normalizeRule(input)),
      path,
      words,
    );
  });

  it('intervals in ms and in hours (Tencent IntervalTime)', () => {
    expect(intervalMs({ hours: 2 })).toBe(7_200_000);
    expect(intervalHours({ days: 2 })).toBe(48);
  });
});

describe('where a batch schedule runs', () => {
  const caps = createMailer(createTestingProvider()).capabilities;
  const timedOnly = { ...caps, schedule: { timed: true, recurring: false } };
  it('native only for what the capabilities name; cron never', () => {
    expect(nativeFits(normalizeRule({ at }), timedOnly)).toBe(true);
    expect(nativeFits(normalizeRule({ at, every: { hours: 1 } }), timedOnly)).toBe(false);
    expect(nativeFits(normalizeRule({ at, every: { hours: 1 }, times: 1 }), timedOnly)).toBe(true);
    expect(
      nativeFits(normalizeRule({ at, every: { days: 1 }, times: 3 }), {
        ...caps,
        schedule: { timed: true, recurring: true },
      }),
    ).toBe(false);
    expect(nativeFits(normalizeRule({ at, every: { days: 1 }, times: 3 }), caps)).toBe(true); // runCount
    expect(nativeFits(normalizeRule({ cron: '* * * * *' }), caps)).toBe(false);
  });
});
