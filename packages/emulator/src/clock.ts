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
      time += ms;
    },
  };
}

function checkTime(ms: number, name: string): number {
  if (!Number.isFinite(ms)) {
    throw new RangeError(`@mailbridge/emulator: ${name} must be a finite number of ms, got ${ms}`);
  }
  return ms;
}
