/**
 * The adapter conformance suite (unstorage's `testDriver`, stripe's contract suites): one
 * function every provider runs against a live server. A new adapter is done when it passes.
 */
import {
  type BatchInput,
  collect,
  type MailError,
  type Mailer,
  type MailerOptions,
  type MessageInput,
} from '@mailbridge/core';
import { afterAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';

/** A fault the target can inject on its server for the next `count` requests of an action. */
export type ConformanceFault =
  | { readonly kind: 'throttle'; readonly count: number }
  | { readonly kind: 'drop' }
  | { readonly kind: 'refuse' }
  | { readonly kind: 'delay'; readonly ms: number };

/** What a provider and its live server offer the suite. */
export interface ConformanceTarget {
  readonly name: string;
  /** A fresh mailer talking to the live server (the suite passes hooks and retry options). */
  createMailer(options: MailerOptions): Mailer;
  /** A message the server accepts, to the given recipient. */
  message(to: string): MessageInput;
  /** A batch the server accepts for a group (no schedule). */
  batch(group: string): BatchInput;
  /** A message with a field this provider cannot honour, and that field's name. */
  readonly unsupported?: { readonly field: string; readonly message: MessageInput };
  /** The provider's action names for the neutral operations. */
  readonly actions: { readonly send: string; readonly batch: string; readonly upload: string };
  /** Delivered copies so far, per recipient. */
  delivered(to?: string): number;
  /** Requests received so far for a provider action. */
  requests(action: string): number;
  inject(action: string, fault: ConformanceFault): void;
  /** Strings that must never appear in an error or hook payload. */
  /** The secrets, tokens and every signature sent so far: none may appear in an error or hook. */
  secrets(): readonly string[];
  /** `native`: timed and recurring batches; `unsupported`: scheduling is an `unsupported` error. */
  readonly schedule: 'native' | 'unsupported';
  /** Whether a dropped send is replayed (DirectMail nonce replay) before reporting `unknown`. */
  readonly replaysAmbiguousSends: boolean;
  /** Whether the target enforces `timeoutMs` (false for in-memory targets). */
  readonly timeouts: boolean;
  /**
   * Whether `inject(action, {kind: 'refuse'})` works: it needs an undici dispatcher in front of
   * the server, which Bun's undici cannot run (test/helpers/refusing-agent.ts).
   */
  readonly refuses: boolean;
  /** A mailer aimed at a loopback port where nothing listens (network targets only). */
  unreachable?(options: MailerOptions): Mailer;
}

const FAST = { minDelayMs: 1, maxDelayMs: 10 };

/** Run the conformance suite against `target`. */
export function runConformance(target: ConformanceTarget): void {
  const seen: unknown[] = [];
  const hooks = {
    onRequest: (e: unknown) => seen.push(e),
    onResponse: (e: unknown) => seen.push(e),
    onRetry: (e: unknown) => seen.push(e),
    onError: (e: unknown) => seen.push(e),
  };
  const errors: MailError[] = [];
  const mailer = (options: MailerOptions = {}) =>
    target.createMailer({ hooks, ...options, retry: { ...FAST, ...options.retry } });
  const expectError = async (promise: Promise<unknown>) => {
    const error = await failure(promise);
    errors.push(error);
    return error;
  };
  let n = 0;
  const to = () => `conformance-${++n}-${Date.now()}@example.com`;

  describe(`conformance: ${target.name}`, () => {
    it('send: accepted, one copy, a string message id, one attempt', async () => {
      const recipient = to();
      const result = await mailer().send(target.message(recipient));
      expect(result.provider).toBe(target.name);
      expect(typeof result.messageId).toBe('string');
      expect(result.messageId.length).toBeGreaterThan(0);
      expect(result.attempts).toBe(1);
      expect(target.delivered(recipient)).toBe(1);
    });

    it('close: a mailer closes after sending, and a second close is harmless', async () => {
      const m = mailer();
      await m.send(target.message(to()));
      await m.close();
      await m.close();
    });

    it('sendMany: one settled result per message, in input order', async () => {
      const recipients = Array.from({ length: 24 }, to);
      const results = await collect(
        mailer().sendMany(
          recipients.map((r) => target.message(r)),
          { concurrency: 5 },
        ),
      );
      expect(results.map((r) => r.index)).toEqual(recipients.map((_, i) => i));
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      for (const r of recipients) expect(target.delivered(r)).toBe(1);
    });

    it('groups: create, upload with progress, list, batch send, remove, delete', async () => {
      const m = mailer();
      const group = await m.groups.create({
        name: `conf${Date.now() % 1_000_000}`,
        description: 'conformance',
      });
      const members = [to(), to(), to()];
      const progress: number[] = [];
      const upload = await m.groups.addRecipients(
        group.id,
        (async function* () {
          for (const address of members) yield { address, data: { name: 'Ann' } };
        })(),
        { onProgress: (p) => progress.push(p.added) },
      );
      expect(upload).toEqual({ added: 3, calls: 1 });
      expect(progress).toEqual([3]);
      const listed = await collect(m.groups.list());
      expect(listed.map((g) => g.id)).toContain(group.id);
      const inGroup = await collect(m.groups.listRecipients(group.id));
      expect(inGroup.map((r) => r.address).sort()).toEqual([...members].sort());
      const batch = await m.sendBatch(target.batch(group.id));
      expect(typeof batch.batchId).toBe('string');
      expect(batch.scheduled).toBe(false);
      for (const r of members) expect(target.delivered(r)).toBe(1);
      if (m.capabilities.groups.removeRecipients) {
        await m.groups.removeRecipients(group.id, [members[0] as string]);
        const after = await collect(m.groups.listRecipients(group.id));
        expect(after.map((r) => r.address)).not.toContain(members[0]);
      } else {
        const error = await expectError(
          m.groups.removeRecipients(group.id, [members[0] as string]),
        );
        expect(error.code).toBe('unsupported');
      }
      // A list used by a batch may have to be kept a while (DirectMail asks for 10 minutes),
      // so deletion is shown on a fresh group.
      const scratch = await m.groups.create({ name: `del${Date.now() % 1_000_000}` });
      await m.groups.delete(scratch.id);
      const remaining = await collect(m.groups.list());
      expect(remaining.map((g) => g.id)).toContain(group.id);
      expect(remaining.map((g) => g.id)).not.toContain(scratch.id);
    });

    it('schedule: native timed batches, or an unsupported error before any request', async () => {
      const m = mailer();
      const at = new Date(Date.now() + 3_600_000);
      const batchesBefore = target.requests(target.actions.batch);
      if (target.schedule === 'native') {
        const group = await m.groups.create({ name: `sched${Date.now() % 1_000_000}` });
        await m.groups.addRecipients(group.id, [to()]);
        const result = await m.sendBatch({ ...target.batch(group.id), schedule: { at } });
        expect(result.scheduled).toBe(true);
        expect(target.requests(target.actions.batch)).toBe(batchesBefore + 1);
      } else {
        const error = await expectError(
          m.sendBatch({ ...target.batch('any-group'), schedule: { at } }),
        );
        expect(error.code).toBe('unsupported');
        expect(error.message).toMatch(/schedul/i);
        expect(target.requests(target.actions.batch)).toBe(batchesBefore);
      }
    });

    it('validation: bad input is invalid_input before any request', async () => {
      const before = target.requests(target.actions.send);
      const bad: unknown[] = [
        { ...target.message(to()), to: 'not-an-address' },
        { ...target.message(to()), subject: 'Hi\r\nBcc: victim@example.com' },
        { ...target.message(to()), unknownField: true },
        { ...target.message(to()), from: undefined },
      ];
      for (const input of bad) {
        const error = await expectError(mailer().send(input as MessageInput));
        expect(error.code).toBe('invalid_input');
        expect(error.issues.length).toBeGreaterThan(0);
      }
      expect(target.requests(target.actions.send)).toBe(before);
    });

    it.skipIf(target.unsupported === undefined)(
      'unsupported fields fail before any request, naming field and provider',
      async () => {
        const spec = target.unsupported as NonNullable<ConformanceTarget['unsupported']>;
        const before = target.requests(target.actions.send);
        const error = await expectError(mailer().send(spec.message));
        expect(error.code).toBe('unsupported');
        expect(error.message).toContain(spec.field);
        expect(error.message).toContain(target.name);
        expect(target.requests(target.actions.send)).toBe(before);
      },
    );

    it('errors: throttling twice is retried and delivered once', async () => {
      const recipient = to();
      target.inject(target.actions.send, { kind: 'throttle', count: 2 });
      const result = await mailer().send(target.message(recipient));
      expect(result.attempts).toBe(3);
      expect(target.delivered(recipient)).toBe(1);
    });

    it('errors: throttling beyond the budget is rate_limited, retryable, not sent', async () => {
      const recipient = to();
      target.inject(target.actions.send, { kind: 'throttle', count: 3 });
      const error = await expectError(
        mailer({ retry: { retries: 2 } }).send(target.message(recipient)),
      );
      expect(error).toMatchObject({
        code: 'rate_limited',
        retryable: true,
        delivery: 'not_sent',
        attempts: 3,
      });
      expect(target.delivered(recipient)).toBe(0);
    });

    it('errors: a connection dropped after processing is delivery unknown, with exactly one copy', async () => {
      const recipient = to();
      const before = target.requests(target.actions.send);
      target.inject(target.actions.send, { kind: 'drop' });
      const error = await expectError(mailer().send(target.message(recipient)));
      expect(error.delivery).toBe('unknown');
      expect(target.delivered(recipient)).toBe(1);
      const attempts = target.replaysAmbiguousSends ? 2 : 1;
      expect(error.attempts).toBe(attempts);
      expect(target.requests(target.actions.send)).toBe(before + attempts);
    });

    it.skipIf(!target.refuses)(
      'errors: a refused connection is retried and delivered once',
      async () => {
        const recipient = to();
        target.inject(target.actions.send, { kind: 'refuse' });
        const result = await mailer().send(target.message(recipient));
        expect(result.attempts).toBe(2);
        expect(target.delivered(recipient)).toBe(1);
      },
    );

    it.skipIf(target.unreachable === undefined)(
      'errors: a port where nothing listens is a retryable network error, not sent, after every retry',
      async () => {
        const unreachable = target.unreachable as NonNullable<ConformanceTarget['unreachable']>;
        const error = await expectError(
          unreachable({ hooks, retry: { ...FAST, retries: 2 } }).send(target.message(to())),
        );
        expect(error).toMatchObject({
          code: 'network',
          retryable: true,
          delivery: 'not_sent',
          attempts: 3,
        });
      },
    );

    it('abort: an aborted signal fails at once with no request', async () => {
      const before = target.requests(target.actions.send);
      const error = await expectError(
        mailer().send(target.message(to()), { signal: AbortSignal.abort() }),
      );
      expect(error.code).toBe('aborted');
      expect(target.requests(target.actions.send)).toBe(before);
    });

    it('abort: aborting while a request is in flight rejects promptly', async () => {
      target.inject(target.actions.send, { kind: 'delay', ms: 2_000 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await expectError(
        mailer().send(target.message(to()), { signal: controller.signal }),
      );
      expect(error.code).toBe('aborted');
    });

    it.skipIf(!target.timeouts || target.replaysAmbiguousSends)(
      'timeout: a reply slower than timeoutMs is a timeout, delivery unknown, not retried',
      async () => {
        const recipient = to();
        const before = target.requests(target.actions.send);
        target.inject(target.actions.send, { kind: 'delay', ms: 1_500 });
        const error = await expectError(mailer({ timeoutMs: 200 }).send(target.message(recipient)));
        expect(error.code).toBe('timeout');
        expect(error.delivery).toBe('unknown');
        expect(error.attempts).toBe(1);
        expect(target.requests(target.actions.send)).toBe(before + 1);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        // `unknown` promises at most one copy (a network server finishes the slow request; an
        // in-memory one stops at the abort).
        expect(target.delivered(recipient)).toBeLessThanOrEqual(1);
      },
    );

    it.skipIf(!target.timeouts || !target.replaysAmbiguousSends)(
      'timeout: a reply slower than timeoutMs is replayed once, and the message arrives exactly once',
      async () => {
        const recipient = to();
        const before = target.requests(target.actions.send);
        target.inject(target.actions.send, { kind: 'delay', ms: 1_500 });
        const outcome = await mailer({ timeoutMs: 200 })
          .send(target.message(recipient))
          .then(
            (result) => result.attempts,
            (error: unknown) => error,
          );
        // Either the replay was accepted first (the slow original is then refused as a used
        // nonce), or the provider refused the replay: `unknown`, never a second copy.
        if (typeof outcome === 'number') expect(outcome).toBe(2);
        else
          expect(outcome).toMatchObject({
            code: expect.any(String),
            delivery: 'unknown',
            attempts: 2,
          });
        expect(target.requests(target.actions.send)).toBe(before + 2);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(target.delivered(recipient)).toBe(1);
      },
    );

    afterAll(() => {
      // No secret in any error (message, stack, JSON) or any hook payload of the whole suite.
      expect(errors.length).toBeGreaterThan(5);
      expect(seen.length).toBeGreaterThan(10);
      const texts = [
        ...errors.flatMap((e) => [e.message, e.stack ?? '', JSON.stringify(e)]),
        ...seen.map((payload) => JSON.stringify(payload)),
      ];
      // The configured secret and every signature that went out on the wire (targets record them).
      const secrets = target.secrets();
      // Signatures are recorded by the dispatcher in front of the server, which exists wherever
      // undici dispatches (`refuses`); on Bun only the configured secret can be checked.
      if (target.refuses)
        expect(secrets.length, 'the target reports the signatures it sent').toBeGreaterThan(10);
      for (const secret of secrets) {
        for (const text of texts)
          expect(text.includes(secret), `secret leaked into: ${text.slice(0, 200)}`).toBe(false);
      }
    });
  });
}
