import { expect, it } from 'vitest';
import { followRealTime, startEmulator } from '../src/index.js';

it('followRealTime moves the emulator clock with real time until stopped', async () => {
  const emu = await startEmulator();
  try {
    const start = emu.now();
    const stop = followRealTime(emu, 10);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stop();
    const moved = emu.now() - start;
    // Real time passed (at least most of the 200 ms, minus one tick), and no more than elapsed.
    expect(moved).toBeGreaterThanOrEqual(150);
    const stopped = emu.now();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(emu.now()).toBe(stopped);
  } finally {
    await emu.close();
  }
});
