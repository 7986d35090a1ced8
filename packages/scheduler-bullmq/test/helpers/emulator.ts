/**
 * The emulator for the engine tests, with its clock following the wall clock: its outbox
 * timestamps (`OutboxEntry.time`) are then real send times, which the rate-limit test counts per
 * second. The emulator's clock is manual by design (scheduled provider tasks fire when a test
 * moves it), so this helper sets it to `Date.now()` every millisecond.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
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
 * Wall-clock arrival times of the provider requests the emulator's server takes from now on:
 * read when its HTTP server takes each request (Node's `http.server.request.start` diagnostics
 * channel, published just before the server's `request` event), in this process, which is the
 * emulator's. The reading is taken before the emulator answers, so it always lies between the
 * worker's admission and its release of that request, whatever delays a busy machine adds. (The
 * request journal's `onRequest` reports a request after it was answered, with its latency: time
 * of report minus latency places the arrival late by however long the process was descheduled
 * between the two readings, several ms on a loaded machine.) POST requests outside the admin API
 * are counted: every provider request is one, and the tests send nothing else.
 */
export function recordArrivals(emulator: Emulator): { readonly times: number[]; stop(): void } {
  const times: number[] = [];
  const listener = (message: unknown) => {
    const { request } = message as { request: IncomingMessage };
    if (request.socket.localPort !== emulator.port || request.method !== 'POST') return;
    if (request.url?.startsWith('/__emulator/')) return;
    times.push(performance.timeOrigin + performance.now());
  };
  subscribe('http.server.request.start', listener);
  return { times, stop: () => unsubscribe('http.server.request.start', listener) };
}
