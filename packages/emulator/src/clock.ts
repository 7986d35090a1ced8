/**
 * The emulator's scheduling clock. It is separate from the wall clock that signature
 * timestamps are checked against (see `authNow` in server.ts), so a test can move scheduled
 * work days ahead while its clients keep signing with the real time.
 */
export interface Clock {
  now(): number;
  /** Move to an absolute time (ms since epoch). Moving backwards is allowed (tests). */
  set(ms: number): void;
  /** Move forwards by `ms` (must be >= 0). */
  advance(ms: number): void;
}

/** A manual clock starting at `start` (ms since epoch). */
export function createClock(start: number): Clock {
  let time = checkTime(start, 'startTime');
  return {
    now: () => time,
    set(ms) {
      time = checkTime(ms, 'time');
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`@mailbridge/emulator: advance(ms) needs a finite ms >= 0, got ${ms}`);
      }
      if (time + ms > MAX_TIME) {
        throw new RangeError(
          `@mailbridge/emulator: advance(${ms}) would move the clock past the last date (${MAX_TIME} ms)`,
        );
      }
      time += ms;
    },
  };
}

/** The largest distance from the epoch a `Date` holds (ECMA-262: 8.64e15 ms, ±100,000,000 days). */
const MAX_TIME = 8.64e15;

/**
 * A time the clock can take: one a `Date` can hold, since tasks, the admin API and the inbox
 * print it as an ISO date (beyond, `toISOString()` throws "Invalid time value").
 */
function checkTime(ms: number, name: string): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > MAX_TIME) {
    throw new RangeError(
      `@mailbridge/emulator: ${name} must be a finite number of ms within ±${MAX_TIME}, got ${ms}`,
    );
  }
  return ms;
}
