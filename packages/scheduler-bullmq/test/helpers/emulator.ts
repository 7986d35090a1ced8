/**
 * The emulator for the engine tests, with its clock following the wall clock: its outbox
 * timestamps (`OutboxEntry.time`) are then real send times, which the rate-limit test counts per
 * second. The emulator's clock is manual by design (scheduled provider tasks fire when a test
 * moves it), so this helper sets it to `Date.now()` every millisecond.
 */
import { type Emulator, startEmulator } from '@mailbridge/emulator';

/** A running emulator whose clock tracks `Date.now()`; `close()` stops both. */
export async function startWallClockEmulator(): Promise<Emulator> {
  const emulator = await startEmulator();
  const timer = setInterval(() => emulator.setTime(Date.now()), 1);
  const close = emulator.close.bind(emulator);
  return Object.assign(emulator, {
    close: async () => {
      clearInterval(timer);
      await close();
    },
  });
}

/** Copies in the outbox per recipient address. */
export function copiesByRecipient(emulator: Emulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of emulator.outbox) counts.set(entry.to, (counts.get(entry.to) ?? 0) + 1);
  return counts;
}

/** The largest number of outbox entries in one calendar second, and in any sliding second. */
export function busiestSecond(times: readonly number[]): { calendar: number; sliding: number } {
  const perSecond = new Map<number, number>();
  for (const t of times)
    perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  const sorted = [...times].sort((a, b) => a - b);
  let sliding = 0;
  for (let lo = 0, hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]! - sorted[lo]! >= 1000) lo++;
    sliding = Math.max(sliding, hi - lo + 1);
  }
  return { calendar: Math.max(0, ...perSecond.values()), sliding };
}

/**
 * Wall-clock arrival times of the provider requests the emulator receives from now on: when its
 * server took each request, from the request journal (`onRequest` reports it when answered,
 * with its latency). Unlike outbox times, these do not wait for the emulator clock's next tick.
 */
export function recordArrivals(emulator: Emulator): { readonly times: number[]; stop(): void } {
  const times: number[] = [];
  const stop = emulator.onRequest((record) => {
    if (record.provider !== undefined) times.push(Date.now() - record.latencyMs);
  });
  return { times, stop };
}
