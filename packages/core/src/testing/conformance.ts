/**
 * The adapter conformance suite: one function every provider runs against a live server (a real
 * one on loopback, such as `@mailbridge/emulator`, or an in-memory one). Our adapters and the
 * testing provider run it in this repository's test/conformance/; a third-party adapter runs the
 * same suite in its own tests. A new adapter is done when it passes.
 *
 * It takes the test runner's functions as an argument instead of importing one, so that
 * `@mailbridge/core/testing` loads no test runner for those who never call it, and the suite runs
 * under vitest, Jest or `bun:test` alike.
 */
import type { MailError } from '../errors.js';
import type { Mailer, MailerOptions } from '../mailer/mailer.js';
import type { BatchInput, MessageInput } from '../message/message.js';
import { deliveryTests } from './conformance-delivery.js';
import { FAST_RETRY, faultTests } from './conformance-faults.js';
import { rejectedMailError } from './mail-errors.js';

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
  /** Make the server fail the next request(s) of `action` with `fault`. */
  inject(action: string, fault: ConformanceFault): void;
  /** The secrets, tokens and every signature sent so far: none may appear in an error or hook. */
  secrets(): readonly string[];
  /** `native`: timed and recurring batches; `unsupported`: scheduling is an `unsupported` error. */
  readonly schedule: 'native' | 'unsupported';
  /** Whether a dropped send is replayed (DirectMail nonce replay) before reporting `unknown`. */
  readonly replaysAmbiguousSends: boolean;
  /** Whether the target enforces `timeoutMs` (false for in-memory targets). */
  readonly timeouts: boolean;
  /**
   * Whether `inject(action, {kind: 'refuse'})` works: it needs a dispatcher in front of the
   * server that refuses connections (an undici `Agent`, which Bun's undici cannot run).
   */
  readonly refuses: boolean;
  /** A mailer aimed at a loopback port where nothing listens (network targets only). */
  unreachable?(options: MailerOptions): Mailer;
}

/** The matchers the suite uses: a subset every Jest-style `expect` has. */
export interface ConformanceMatchers {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toMatchObject(expected: object): void;
  toContain(expected: unknown): void;
  toMatch(expected: RegExp | string): void;
  toBeGreaterThan(expected: number): void;
  toBeLessThanOrEqual(expected: number): void;
  readonly not: ConformanceMatchers;
}

/** A Jest-style `expect`; the second argument, a message, is shown where the runner supports it. */
export interface ConformanceExpect {
  (actual: unknown, message?: string): ConformanceMatchers;
  any(type: unknown): unknown;
}

/** A Jest-style test function with `skip`. */
export interface ConformanceIt {
  (name: string, fn: () => Promise<void> | void): void;
  skip(name: string, fn: () => Promise<void> | void): void;
}

/**
 * The test runner's functions the suite registers its tests with: pass vitest's (or Jest's, or
 * `bun:test`'s) `describe`, `it`, `expect` and `afterAll`.
 */
export interface ConformanceTestApi {
  describe(name: string, fn: () => void): void;
  readonly it: ConformanceIt;
  readonly expect: ConformanceExpect;
  afterAll(fn: () => void): void;
}

/** What the suite's test groups share: the target, the runner, and helpers over them. */
export interface SuiteContext {
  readonly target: ConformanceTarget;
  readonly api: ConformanceTestApi;
  /** The suite's hooks, recording every payload (checked for secrets at the end). */
  readonly hooks: NonNullable<MailerOptions['hooks']>;
  /** A mailer from the target with the suite's hooks and fast retries. */
  mailer(options?: MailerOptions): Mailer;
  /** The MailError a promise rejects with (recorded for the secrets check); anything else fails. */
  expectError(promise: Promise<unknown>): Promise<MailError>;
  /** A fresh recipient address. */
  to(): string;
  /** `it.skip` when `condition` holds, else `it` (vitest's `it.skipIf`, for any runner). */
  skipIf(condition: boolean): ConformanceIt | ConformanceIt['skip'];
}

/**
 * Run the conformance suite against `target`, registering its tests with the runner in `api`:
 * sends, batches and groups, validation before any request, throttling, dropped and refused
 * connections, aborts and timeouts, each checked for `delivery` and copies delivered, and at
 * the end no secret or signature in any error or hook payload of the whole run.
 *
 * @example
 * ```ts
 * // my-adapter.conformance.test.ts
 * import { createMailer } from '@mailbridge/core';
 * import { runConformance } from '@mailbridge/core/testing';
 * import { afterAll, describe, expect, it } from 'vitest';
 * import { myAdapter } from '../src/index.js';
 *
 * runConformance(
 *   {
 *     name: 'my-adapter',
 *     createMailer: (options) => createMailer(myAdapter({ endpoint: server.url }), options),
 *     // message, batch, actions, delivered, requests, inject, secrets, ... from your test server
 *   },
 *   { describe, it, expect, afterAll },
 * );
 * ```
 */
export function runConformance(target: ConformanceTarget, api: ConformanceTestApi): void {
  const seen: unknown[] = [];
  const hooks = {
    onRequest: (e: unknown) => seen.push(e),
    onResponse: (e: unknown) => seen.push(e),
    onRetry: (e: unknown) => seen.push(e),
    onError: (e: unknown) => seen.push(e),
  };
  const errors: MailError[] = [];
  let n = 0;
  const ctx: SuiteContext = {
    target,
    api,
    hooks,
    mailer: (options = {}) =>
      target.createMailer({ hooks, ...options, retry: { ...FAST_RETRY, ...options.retry } }),
    expectError: async (promise) => {
      const error = await rejectedMailError(promise);
      errors.push(error);
      return error;
    },
    to: () => `conformance-${++n}-${Date.now()}@example.com`,
    skipIf: (condition) => (condition ? api.it.skip : api.it),
  };
  const { expect } = api;
  api.describe(`conformance: ${target.name}`, () => {
    deliveryTests(ctx);
    faultTests(ctx);
    api.afterAll(() => {
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
