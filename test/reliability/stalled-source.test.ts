/**
 * A caller's source that stops yielding (a queue that went quiet, a stream whose producer
 * died) must not hold a call past the caller's abort: `sendMany` and `groups.addRecipients`
 * settle with `aborted` as soon as the call's signal aborts, whatever the source is doing.
 * Against the live emulator with both adapters.
 */
import type { MailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copies, mailerFor, TARGETS } from './targets.js';

let emu: Emulator;
let serial = 0;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const to = () => `stalled-${++serial}@example.com`;

/** The call's rejection, or `'hung'` when it has not settled `ms` after the abort. */
async function settledAfterAbort(
  call: Promise<unknown>,
  controller: AbortController,
  ms = 2_000,
): Promise<MailError | 'hung' | 'resolved'> {
  controller.abort();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), ms);
  });
  try {
    return await Promise.race([
      call.then(
        () => 'resolved' as const,
        (error: MailError) => error,
      ),
      hung,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

for (const target of TARGETS) {
  describe(`${target.id}: a source that never yields again`, () => {
    const key = () => target.key(emu);

    it('sendMany: the abort ends the iteration, after the result of what was sent', async () => {
      const mailer = mailerFor(target, { endpoint: emu.url, credentials: key });
      const first = to();
      let pulls = 0;
      const source: AsyncIterable<unknown> = {
        [Symbol.asyncIterator]: () => ({
          next: () => {
            pulls += 1;
            if (pulls === 1) return Promise.resolve({ done: false, value: target.message(first) });
            return new Promise<never>(() => {});
          },
        }),
      };
      const controller = new AbortController();
      const results: unknown[] = [];
      let settled = 0;
      const drain = (async () => {
        const options = { signal: controller.signal, onSettled: () => void settled++ };
        for await (const result of mailer.sendMany(source as never, options)) results.push(result);
      })();
      // The first message is sent and the second pull is pending; the caller gives up.
      const deadline = Date.now() + 5_000;
      while ((pulls < 2 || settled < 1) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(pulls).toBe(2);
      const outcome = await settledAfterAbort(drain, controller);
      expect(outcome).toMatchObject({ code: 'aborted' });
      expect(results).toMatchObject([{ index: 0, status: 'fulfilled' }]);
      expect(copies(emu, target, first)).toBe(1);
      await mailer.close();
    });

    it('groups.addRecipients: the abort ends the upload while the source is silent', async () => {
      const mailer = mailerFor(target, { endpoint: emu.url, credentials: key });
      const source: AsyncIterable<string> = {
        [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => {}) }),
      };
      const controller = new AbortController();
      const call = mailer.groups.addRecipients('1', source, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const outcome = await settledAfterAbort(call, controller);
      expect(outcome).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
      await mailer.close();
    });
  });
}
