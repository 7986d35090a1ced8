import { describe, expect, it } from 'vitest';
import { collect, createMailer, type MessageInput, type Settled } from '../src/index.js';
import { createTestingProvider } from '../src/testing/testing.js';

function message(i: number): MessageInput {
  return {
    from: 'noreply@example.com',
    to: `user${i}@example.com`,
    subject: `Hi ${i}`,
    text: `Hello ${i}`,
  };
}

describe('sendMany', () => {
  it('yields one settled result per message, in input order, failures included', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing, { retry: { retries: 0 } });
    const inputs: unknown[] = [message(0), { ...message(1), to: 'not an address' }, message(2)];
    testing.inject({ action: 'send', kind: 'delay', ms: 30 });
    const results = await collect(mailer.sendMany(inputs as MessageInput[], { concurrency: 3 }));
    expect(results.map((r) => [r.index, r.status])).toEqual([
      [0, 'fulfilled'],
      [1, 'rejected'],
      [2, 'fulfilled'],
    ]);
    const rejected = results[1];
    expect(rejected?.status === 'rejected' && rejected.reason.code).toBe('invalid_input');
    expect(testing.requests['send']).toBe(2);
  });

  it('keeps at most `concurrency` sends in flight', async () => {
    const testing = createTestingProvider();
    let inFlight = 0;
    let peak = 0;
    const mailer = createMailer(testing, {
      hooks: {
        onRequest: () => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
        },
        onResponse: () => {
          inFlight -= 1;
        },
      },
    });
    testing.inject({ action: 'send', count: 100, kind: 'delay', ms: 2 });
    const results = await collect(
      mailer.sendMany(
        Array.from({ length: 100 }, (_, i) => message(i)),
        { concurrency: 7 },
      ),
    );
    expect(results).toHaveLength(100);
    expect(peak).toBe(7);
  });

  it('streams 100,000 messages from an async generator with bounded heap', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'run with --expose-gc (see vitest.config.ts)').toBeTypeOf('function');
    const testing = createTestingProvider({ keepOutbox: false });
    const mailer = createMailer(testing, { rateLimits: false });
    const total = 100_000;
    async function* source() {
      for (let i = 0; i < total; i++) {
        // The in-memory provider never does I/O, so without this the whole run is one chain of
        // microtasks: on busy cores it then starves vitest's worker RPC, whose fixed 60 s timeout
        // fails the run ("Timeout calling onTaskUpdate", vitest-dev/vitest#6479).
        if (i % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve));
        yield message(i);
      }
    }
    let seen = 0;
    let ok = 0;
    let baseline = 0;
    let peak = 0;
    for await (const result of mailer.sendMany(source(), { concurrency: 32 })) {
      expect(result.index).toBe(seen);
      seen += 1;
      if (result.status === 'fulfilled') ok += 1;
      if (seen === 20_000 || seen % 20_000 === 0) {
        gc?.();
        const used = process.memoryUsage().heapUsed;
        if (seen === 20_000) baseline = used;
        peak = Math.max(peak, used);
      }
    }
    expect(seen).toBe(total);
    expect(ok).toBe(total);
    expect(testing.delivered).toBe(total);
    // A healthy run grows about 0.03 MiB after a full collection; holding the results of the
    // last 80,000 messages (a stray global array) grows several MiB. 2 MiB tells them apart.
    expect(peak - baseline).toBeLessThan(2 * 1024 * 1024);
  }, 300_000);

  it('yields the results it has, then rejects with a MailError naming the source when it fails', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    async function* source() {
      yield message(0);
      throw new Error('source broke');
    }
    const seen: number[] = [];
    const error = await (async () => {
      for await (const r of mailer.sendMany(source())) seen.push(r.index);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['messages'] }] });
    expect((error as Error).cause).toMatchObject({ message: 'source broke' });
    expect(seen).toEqual([0]);
  });

  it('yields a settled result while the source is still waiting, even for its consumer', async () => {
    const mailer = createMailer(createTestingProvider());
    // The next message comes only once the consumer has seen the previous result (a feedback
    // loop): a loop that waited for the pull before yielding would never see it.
    let seen: () => void = () => {};
    async function* source() {
      for (let i = 0; i < 3; i++) {
        const consumed = new Promise<void>((resolve) => {
          seen = resolve;
        });
        yield message(i);
        await consumed;
      }
    }
    const order: number[] = [];
    for await (const result of mailer.sendMany(source(), { concurrency: 4 })) {
      order.push(result.index);
      seen();
    }
    expect(order).toEqual([0, 1, 2]);
  });

  it('starts nothing the source yields after the consumer left', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    let late: () => void = () => {};
    async function* source() {
      yield message(0);
      await new Promise<void>((resolve) => {
        late = resolve;
      });
      yield message(1);
    }
    const settled: Settled<unknown>[] = [];
    const results = mailer.sendMany(source(), {
      concurrency: 4,
      onSettled: (r) => settled.push(r),
    });
    for await (const _ of results) break;
    late();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(testing.requests['send']).toBe(1);
    // Handed over after the loop was left: reported as never sent, not lost.
    expect(settled[1]).toMatchObject({
      index: 1,
      status: 'rejected',
      reason: { code: 'aborted', delivery: 'not_sent' },
    });
  });

  it('refuses a source whose next() answers no object, as invalid_input naming messages', async () => {
    const mailer = createMailer(createTestingProvider());
    const broken = {
      [Symbol.asyncIterator]: () => ({ next: async () => null }),
    } as unknown as AsyncIterable<MessageInput>;
    const error = await collect(mailer.sendMany(broken)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['messages'] }] });
  });

  it('refuses a string as the source (not one message per character), naming messages', async () => {
    const testing = createTestingProvider();
    const mailer = createMailer(testing);
    const error = await collect(mailer.sendMany('ann@example.com' as never)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['messages'] }] });
    expect(testing.requests['send']).toBeUndefined();
  });
});
