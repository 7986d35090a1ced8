/**
 * The caller's suppression store is asked before every send; a store that does not answer
 * (a database that hangs) must not hold a send past the caller's abort, nor turn that abort
 * into a store failure. Against the live emulator with both adapters.
 */
import type { createMailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { copies, mailerFor, TARGETS } from './targets.js';

let emu: Emulator;
let serial = 0;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const silentStore = {
  suppressed: () => new Promise<never>(() => {}),
  add: () => undefined,
  remove: () => undefined,
};

for (const target of TARGETS) {
  describe(`${target.id}: a suppression store that never answers`, () => {
    const options: Parameters<typeof createMailer>[1] = { suppression: silentStore };
    const mailer = () =>
      mailerFor(target, { endpoint: emu.url, credentials: () => target.key(emu), options });

    it("the call's signal ends the send at once: aborted, not_sent, nothing sent", async () => {
      const m = mailer();
      const to = `silent-store-${++serial}@example.com`;
      const started = performance.now();
      const error = await failure(m.send(target.message(to), { signal: AbortSignal.timeout(100) }));
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
      expect(copies(emu, target, to)).toBe(0);
      await m.close();
    });

    it('an already aborted signal: aborted at once', async () => {
      const m = mailer();
      const controller = new AbortController();
      controller.abort();
      const started = performance.now();
      const error = await failure(
        m.send(target.message(`silent-store-${++serial}@example.com`), {
          signal: controller.signal,
        }),
      );
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
      await m.close();
    });
  });
}
