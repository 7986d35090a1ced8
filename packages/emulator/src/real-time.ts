/**
 * A person's emulator follows real time, so that scheduled batches fire when they are due;
 * in-process tests move the clock themselves (`advance`, POST /__emulator/clock). Used by the
 * `mailbridge-emulator` bin and the CLI's `mailbridge emulator`.
 */
import type { Emulator } from './api.js';

/**
 * Advance `emulator`'s clock by the real time that passed, every `everyMs` (default 1 s), until
 * the returned function is called.
 *
 * @example
 * ```ts
 * const emu = await startEmulator();
 * const stopClock = followRealTime(emu);
 * // ... later
 * stopClock();
 * await emu.close();
 * ```
 */
export function followRealTime(emulator: Pick<Emulator, 'advance'>, everyMs = 1000): () => void {
  let last = Date.now();
  const ticker = setInterval(() => {
    const now = Date.now();
    emulator.advance(Math.max(0, now - last));
    last = now;
  }, everyMs);
  return () => clearInterval(ticker);
}
