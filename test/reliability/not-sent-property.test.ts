/**
 * The property behind every `not_sent` (packages/core/src/run/ambiguity.ts, exchange.ts): for
 * random sequences of faults across the attempts of one send (throttling, refused connections,
 * 5xx, answers lost after the emulator executed the send, resets before it did, broken bodies,
 * and refusals at the authentication stage, which a DirectMail replay can meet), whenever the
 * caller is told `not_sent`, the emulator executed nothing for that message; a success means
 * exactly one copy, `unknown` at most one.
 */
import { type Emulator, type Fault, startEmulator } from '@mailbridge/emulator';
import fc from 'fast-check';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { deadOrigin } from '../helpers/refusing-agent.js';
import { copies, mailerFor, TARGETS, type Target } from './targets.js';

/** One attempt's fate. */
type Step =
  | { readonly kind: 'pass' }
  | { readonly kind: 'refused' }
  | { readonly kind: 'emulator'; readonly fault: Fault };

/** An agent that applies the next scripted step to each request it dispatches. */
class ScriptedAgent extends Agent {
  steps: Step[] = [];
  constructor(
    private readonly dead: string,
    private readonly emu: Emulator,
    private readonly target: Target,
  ) {
    super();
  }
  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
    const step = this.steps.shift() ?? { kind: 'pass' };
    if (step.kind === 'refused') return super.dispatch({ ...options, origin: this.dead }, handler);
    if (step.kind === 'emulator') {
      this.emu.inject({
        provider: this.target.id,
        action: this.target.actions.send,
        fault: step.fault,
        count: 1,
      });
    }
    return super.dispatch(options, handler);
  }
}

const AUTH_REFUSALS: Record<string, readonly string[]> = {
  'aliyun-dm': [
    'InvalidSecurityToken.Expired',
    'InvalidAccessKeyId.Inactive',
    'Forbidden.RAM',
    'SignatureDoesNotMatch',
    'Throttling.User',
  ],
  'tencent-ses': [
    'AuthFailure.TokenFailure',
    'AuthFailure.SecretIdNotFound',
    'UnauthorizedOperation',
    'RequestLimitExceeded',
  ],
};

function stepArb(target: Target): fc.Arbitrary<Step> {
  const emulator = (fault: Fault): Step => ({ kind: 'emulator', fault });
  return fc.oneof(
    fc.constant<Step>({ kind: 'pass' }),
    fc.constant<Step>({ kind: 'refused' }),
    fc.constantFrom(500, 502, 503).map((status) => emulator({ kind: 'status', status })),
    fc.constant(emulator({ kind: 'drop' })),
    fc.constant(emulator({ kind: 'reset' })),
    fc.constant(emulator({ kind: 'malformed' })),
    fc.constant(emulator({ kind: 'html', status: 502 })),
    fc
      .constantFrom(...(AUTH_REFUSALS[target.id] as string[]))
      .map((code) => emulator({ kind: 'error', code, status: 400 })),
  );
}

let emu: Emulator;
let dead = '';
let serial = 0;
beforeAll(async () => {
  emu = await startEmulator();
  dead = await deadOrigin();
});
afterAll(() => emu.close());

/** Runs per provider: a few dozen in the default run, more with NOT_SENT_RUNS. */
const RUNS = Number(process.env['NOT_SENT_RUNS'] ?? 40);

for (const target of TARGETS) {
  describe(`${target.id}: not_sent is true`, () => {
    it(`${RUNS} random fault sequences: not_sent => nothing executed`, async () => {
      const agent = new ScriptedAgent(dead, emu, target);
      const mailer = mailerFor(target, {
        endpoint: emu.url,
        credentials: () => target.key(emu),
        dispatcher: agent,
        options: { retry: { retries: 3, minDelayMs: 1, maxDelayMs: 3 }, rateLimits: false },
      });
      const seen = { not_sent: 0, unknown: 0, ok: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.array(stepArb(target), { minLength: 1, maxLength: 5 }),
          async (steps) => {
            emu.clearFaults();
            agent.steps = [...steps];
            const to = `prop-${++serial}@example.com`;
            const outcome = await mailer.send(target.message(to)).then(
              () => 'ok' as const,
              async (e: unknown) => (await failure(Promise.reject(e))).delivery,
            );
            agent.steps = [];
            const held = copies(emu, target, to, target.actions.send);
            seen[outcome] += 1;
            if (outcome === 'not_sent')
              expect(held, `not_sent but executed: ${JSON.stringify(steps)}`).toBe(0);
            else if (outcome === 'ok') expect(held).toBe(1);
            else expect(held).toBeLessThanOrEqual(1);
          },
        ),
        {
          numRuns: RUNS,
          // Always among the runs, whatever the random draw: one sequence for each outcome, so
          // the property is never checked on a draw that missed one (a refused connection on
          // every one of the 4 attempts is not_sent; a drop after processing is unknown).
          examples: [
            [[{ kind: 'refused' }, { kind: 'refused' }, { kind: 'refused' }, { kind: 'refused' }]],
            [[{ kind: 'emulator', fault: { kind: 'drop' } }]],
            [[{ kind: 'pass' }]],
          ],
        },
      );
      await mailer.close();
      await agent.close();
      // The sequences reach all three outcomes, so the property is not vacuous.
      expect(seen.not_sent).toBeGreaterThan(0);
      expect(seen.unknown).toBeGreaterThan(0);
      expect(seen.ok).toBeGreaterThan(0);
    });
  });
}
