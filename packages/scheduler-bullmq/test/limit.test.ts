/**
 * The limiter settings keep every span of `durationMs` (sliding, not only BullMQ's own windows)
 * at `max` starts: checked by a worst-case simulation, each window's jobs started as late in
 * their window as possible and each new window opened the moment the last one closed.
 */
import { describe, expect, it } from 'vitest';
import { limiterFor } from '../src/limit.js';

/**
 * Worst case: windows back to back; a window opens with its first start, and its other starts
 * come at its very end (even windows) or all at once at its opening (odd ones).
 */
function busiestSpan(max: number, durationMs: number): number {
  const { max: k, duration: w } = limiterFor(max, durationMs);
  const starts: number[] = [];
  for (let window = 0; window < Math.ceil((3 * durationMs) / w) + 2; window++) {
    const open = window * w;
    const rest = window % 2 === 0 ? open + w - 1 : open;
    starts.push(open);
    for (let j = 1; j < k; j++) starts.push(rest);
  }
  let busiest = 0;
  for (let lo = 0, hi = 0; hi < starts.length; hi++) {
    while (starts[hi]! - starts[lo]! >= durationMs) lo++;
    busiest = Math.max(busiest, hi - lo + 1);
  }
  return busiest;
}

describe('limiterFor', () => {
  it.each([
    [50, 1000, { max: 2, duration: 42 }],
    [100, 1000, { max: 5, duration: 53 }],
    [7, 1000, { max: 1, duration: 143 }],
    [1, 1000, { max: 1, duration: 1000 }],
    [40, 60_000, { max: 2, duration: 3158 }],
  ])('%i per %i ms -> %o', (max, durationMs, settings) => {
    expect(limiterFor(max, durationMs)).toEqual(settings);
  });

  it.each([
    [50, 1000],
    [100, 1000],
    [7, 1000],
    [13, 1000],
    [40, 60_000],
    [20, 60_000],
    [500, 1000],
    [1, 1000],
  ])('never more than %i starts in any %i ms', (max, durationMs) => {
    const busiest = busiestSpan(max, durationMs);
    expect(busiest).toBeLessThanOrEqual(max);
    // …and not needlessly far below it (at most a tenth lost).
    expect(busiest).toBeGreaterThanOrEqual(Math.floor(max * 0.9));
  });
});
