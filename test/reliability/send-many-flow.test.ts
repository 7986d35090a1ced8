/**
 * `sendMany`'s two flow promises, against the live emulator:
 * - it holds neither all messages nor all results: a consumer that stops reading stops the
 *   source being pulled once the look-ahead window (concurrency x 4) is full;
 * - leaving the loop early (`break`) starts nothing new, waits for the sends already in flight,
 *   and reports each of them through `onSettled`: every message the emulator executed has a
 *   result the caller can see.
 */
import type { SendResult, Settled } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copies, mailerFor, TARGETS } from './targets.js';

let emu: Emulator;
let serial = 0;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
afterEach(() => emu.clearFaults());

for (const target of TARGETS) {
  describe(`${target.id}: sendMany flow`, () => {
    const mailer = () =>
      mailerFor(target, {
        endpoint: emu.url,
        credentials: () => target.key(emu),
        options: { rateLimits: false },
      });

    it('a consumer that stops reading stops the pulling at the window (concurrency 4: 16)', async () => {
      const m = mailer();
      const run = ++serial;
      let pulled = 0;
      function* source() {
        // Bounded: with no window the whole of it would be pulled while the first send waits.
        for (let i = 0; i < 400; i++) {
          pulled += 1;
          yield target.message(`flow-${run}-${i}@example.com`);
        }
      }
      // The first send is slow; the others answer at once.
      emu.inject({
        provider: target.id,
        action: target.actions.send,
        fault: { kind: 'delay', ms: 1_500 },
      });
      const iterator = m.sendMany(source(), { concurrency: 4 })[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.value).toMatchObject({ index: 0, status: 'fulfilled' });
      expect(pulled).toBeLessThanOrEqual(16);
      // Not reading: the source stays where it is.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(pulled).toBeLessThanOrEqual(17);
      await iterator.return?.();
      await m.close();
    });

    it('break: nothing new starts, in-flight sends finish and report through onSettled', async () => {
      const m = mailer();
      const run = ++serial;
      const addresses = Array.from({ length: 40 }, (_, i) => `brk-${run}-${i}@example.com`);
      let pulled = 0;
      function* source() {
        for (const address of addresses) {
          pulled += 1;
          yield target.message(address);
        }
      }
      // Every send takes a while, so several are in flight when the loop breaks.
      emu.inject({
        provider: target.id,
        action: target.actions.send,
        fault: { kind: 'delay', ms: 300 },
        count: 40,
      });
      const settled: Settled<SendResult>[] = [];
      let read = 0;
      for await (const _ of m.sendMany(source(), {
        concurrency: 8,
        onSettled: (r) => settled.push(r),
      })) {
        read += 1;
        break;
      }
      expect(read).toBe(1);
      // The loop returned after every started send settled: each one reported.
      expect(settled).toHaveLength(pulled);
      expect(pulled).toBeGreaterThan(1);
      expect(pulled).toBeLessThan(addresses.length);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const executed = addresses.filter((a) => copies(emu, target, a, target.actions.send) > 0);
      const fulfilled = settled.filter((r) => r.status === 'fulfilled').map((r) => r.index);
      expect(executed.map((a) => addresses.indexOf(a)).sort((a, b) => a - b)).toEqual(
        fulfilled.sort((a, b) => a - b),
      );
      await m.close();
    });
  });
}
