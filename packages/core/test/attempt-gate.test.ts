/**
 * The attempt gate a scheduler engine passes to a job's run (schedule/contract.ts) admits every
 * request that reaches the provider, including one an adapter makes while building the request
 * (DirectMail looks a list name up that way): a shared rate limit that missed those would let
 * more than its maximum reach the provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMailer,
  type Job,
  type JobRunner,
  type Provider,
  type Scheduler,
} from '../src/index.js';
import { defineProvider, normalizeMessage } from '../src/provider/index.js';
import { TESTING_CAPABILITIES } from '../src/testing/testing.js';
import { type EchoServer, echoProvider, op, startEchoServer } from './helpers/http-provider.js';

let server: EchoServer;
beforeAll(async () => {
  server = await startEchoServer();
});
afterAll(() => server.close());

/** The echo provider, but its send looks something up first, inside `build`. */
function lookingUpProvider(): Provider {
  const base = echoProvider(server.origin);
  return defineProvider({
    id: 'echo',
    origin: server.origin,
    capabilities: { ...TESTING_CAPABILITIES, provider: 'echo' },
    send: (message) => {
      const send = op(server.origin, 'send', message, (b) => ({ messageId: String(b['id']) }));
      return {
        ...send,
        build: async (ctx) => {
          await ctx.execute(
            op(server.origin, 'lookup', {}, (b) => b['id'], 'read'),
            { signal: ctx.signal },
          );
          return send.build(ctx);
        },
      };
    },
    sendBatch: base.sendBatch,
    groups: base.groups,
    raw: () => ({}),
  });
}

/** The smallest engine: it keeps the runner the mailer attaches, and stores nothing. */
function attachOnly(): { scheduler: Scheduler; runner: () => JobRunner } {
  let attached: JobRunner | undefined;
  const scheduler: Scheduler = {
    engine: 'test',
    schedule: () => Promise.reject(new Error('not used')),
    get: async () => undefined,
    list: async function* () {},
    cancel: async () => undefined,
    attach(runner) {
      attached = runner;
      return () => {
        attached = undefined;
      };
    },
    close: async () => {},
  };
  return {
    scheduler,
    runner: () => {
      if (!attached) throw new Error('no runner attached');
      return attached;
    },
  };
}

describe('attempt gate', () => {
  it('admits a lookup made while building, then the send, each released once answered', async () => {
    const { scheduler, runner } = attachOnly();
    const mailer = createMailer(lookingUpProvider(), { scheduler, rateLimits: false });
    const log: string[] = [];
    const gate = async () => {
      log.push(`admit ${server.received.length}`);
      return (settled: boolean) => log.push(`release ${server.received.length} ${settled}`);
    };
    const message = normalizeMessage({
      from: 'noreply@example.com',
      to: 'ann@example.com',
      subject: 'Hi',
      text: 'Hello',
    });
    const job: Job = {
      id: 'j1',
      provider: 'echo',
      payload: { kind: 'send', message },
      rule: { at: new Date() },
      state: 'sending',
      createdAt: new Date(),
      next: { index: 0, due: new Date() },
      runs: [],
    };
    const before = server.received.length;
    const outcome = await runner().run(job, undefined, gate);
    expect(outcome.state).toBe('sent');
    expect(server.received.length - before).toBe(2);
    // Each request arrived after its own admission and before its release: the lookup counted.
    expect(log).toEqual([
      `admit ${before}`,
      `release ${before + 1} true`,
      `admit ${before + 1}`,
      `release ${before + 2} true`,
    ]);
    await mailer.close();
  });
});
