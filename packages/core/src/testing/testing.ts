/**
 * `@mailbridge/core/testing`: an in-memory provider with an outbox, configurable capabilities
 * and injectable failures, so applications can unit-test their mail code the way Laravel's
 * `Mail::fake` or Anymail's test backend allow. It runs the same pipeline as a real adapter
 * (validation, capability checks, signing per attempt, retries, hooks); only HTTP is replaced
 * by an in-process dispatch. It also exports `runConformance`, the adapter conformance suite
 * every adapter of this repository passes, for third-party adapters to run in their own tests.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Capabilities } from '../capabilities/capabilities.js';
import { type Delivery, MailError, type MailErrorCode } from '../errors.js';
import type { Message, Recipient } from '../message/message.js';
import {
  defineProvider,
  type HttpRequest,
  type HttpResponse,
  type Operation,
  type OperationKind,
  type Provider,
} from '../provider/provider.js';
import { type TestingFault, type TestingOutboxEntry, TestingServer } from './testing-server.js';

export {
  type ConformanceExpect,
  type ConformanceFault,
  type ConformanceIt,
  type ConformanceMatchers,
  type ConformanceTarget,
  type ConformanceTestApi,
  runConformance,
} from './conformance.js';
export { rejectedMailError, thrownMailError } from './mail-errors.js';
export {
  assertNothingSent,
  assertNotSent,
  assertSent,
  assertSentCount,
  type SentFilter,
  sentMessages,
  type WaitOptions,
  waitForMessage,
} from './testing-assertions.js';
export { type TestingConfig, testing } from './testing-config.js';
export type { TestingFault, TestingOutboxEntry } from './testing-server.js';

/** Options of `createTestingProvider`. */
export interface TestingProviderOptions {
  /** Provider id reported on results and errors (default `testing`). */
  readonly id?: string;
  /** Capability overrides (default: everything supported, generous limits). */
  readonly capabilities?: Partial<Omit<Capabilities, 'provider'>>;
  /** Keep outbox entries (default true); false keeps only the count, for load tests. */
  readonly keepOutbox?: boolean;
}

/** The testing provider: a `Provider` plus its outbox and fault controls. */
export interface TestingProvider extends Provider<string, TestingRaw> {
  /** Delivered messages, one entry per accepted send (or per recipient of a batch). */
  readonly outbox: readonly TestingOutboxEntry[];
  /** Count of delivered entries (kept even when `keepOutbox` is false). */
  readonly delivered: number;
  /** Requests received per action (attempts included). */
  readonly requests: Readonly<Record<string, number>>;
  /**
   * Signature of every request received, in order: each attempt is signed afresh. Recorded
   * only when `keepOutbox` is on.
   */
  readonly signatures: readonly string[];
  /** The secret this provider signs with; it must never appear in errors or hooks. */
  readonly secret: string;
  /** Apply a fault to the next `count` requests of `action` (or of every action). */
  inject(fault: TestingFault): void;
  /** Forget outbox, groups, counts and faults. */
  reset(): void;
}

/** The testing provider's raw client: direct access to its in-memory actions. */
export interface TestingRaw {
  /** Call any in-memory action with a JSON payload (the escape hatch, as on real adapters). */
  call(
    action: string,
    payload: Record<string, unknown>,
    options?: { readonly signal?: AbortSignal },
  ): Promise<unknown>;
}

/** Generous defaults: everything supported, so tests fail only on what they configure. */
export const TESTING_CAPABILITIES: Capabilities = {
  provider: 'testing',
  recipients: { to: 50, cc: 50, bcc: 50, toVisibleToEachOther: true, bccMayOverlapTo: false },
  from: { name: true, nameMaxLength: 64 },
  replyTo: { max: 5, name: true },
  subject: { maxLength: 998 },
  content: {
    html: true,
    text: true,
    bodyMaxBytes: 1024 * 1024,
    template: 'id',
    batchTemplate: 'id',
    templateDataMaxBytes: 10_000,
  },
  attachments: { maxCount: 10, maxTotalBytes: 5 * 1024 * 1024 },
  headers: { max: 20 },
  tags: { max: 5, maxLength: 128 },
  tracking: { opens: true, clicks: true },
  schedule: { timed: true, recurring: true, runCount: true },
  groups: { uploadChunk: 1000, removeRecipients: true, recipientData: true, pageSize: 100 },
  rateLimits: {},
};

/**
 * Create an in-memory provider for unit tests.
 *
 * @example
 * ```ts
 * import { createMailer } from '@mailbridge/core';
 * import { createTestingProvider } from '@mailbridge/core/testing';
 *
 * const testing = createTestingProvider();
 * const mailer = createMailer(testing);
 * await mailer.send({ from: 'a@example.com', to: 'b@example.com', subject: 'Hi', text: 'Hello' });
 * expect(testing.outbox).toHaveLength(1);
 * ```
 */
export function createTestingProvider(options: TestingProviderOptions = {}): TestingProvider {
  const id = options.id ?? 'testing';
  const capabilities: Capabilities = {
    ...TESTING_CAPABILITIES,
    ...options.capabilities,
    provider: id,
  };
  const secret = `testing-secret-${randomUUID()}`;
  const server = new TestingServer(secret, options.keepOutbox ?? true);

  function operation<T>(
    action: string,
    kind: OperationKind,
    payload: unknown,
    read: (body: Record<string, unknown>) => T,
  ): Operation<T> {
    return {
      action,
      kind,
      build(ctx) {
        const body = JSON.stringify(payload);
        const timestamp = String(ctx.now());
        const nonce = randomUUID();
        const signature = createHmac('sha256', secret)
          .update(`${action}\n${timestamp}\n${nonce}\n${body}`)
          .digest('hex');
        return {
          method: 'POST',
          url: `memory://${id}/${action}`,
          headers: {
            'content-type': 'application/json',
            authorization: `HMAC ${signature}`,
            'x-timestamp': timestamp,
            'x-nonce': nonce,
          },
          body,
          secrets: [secret, signature],
        };
      },
      parse: (response) => read(readBody(id, action, response)),
    };
  }

  const provider = defineProvider<string, TestingRaw>({
    id,
    capabilities,
    origin: `memory://${id}`,
    secrets: () => [secret],
    dispatch: (request: HttpRequest, signal) => server.dispatch(request, signal),
    send: (message: Message) =>
      operation('send', 'send', serializeMessage(message), (b) => ({
        messageId: String(b['messageId']),
        requestId: String(b['requestId']),
      })),
    sendBatch: (batch) =>
      operation(
        'sendBatch',
        'send',
        {
          ...batch,
          schedule:
            batch.schedule && 'at' in batch.schedule
              ? { ...batch.schedule, at: batch.schedule.at.toISOString() }
              : batch.schedule,
        },
        (b) => ({
          batchId: String(b['batchId']),
          requestId: String(b['requestId']),
        }),
      ),
    groups: {
      create: (input) =>
        operation('createGroup', 'write', input, (b) => ({
          id: String(b['id']),
          name: String(b['name']),
        })),
      list: (cursor, pageSize) =>
        operation('listGroups', 'read', { cursor, pageSize }, (b) => b as never),
      addRecipients: (group, chunk: readonly Recipient[]) =>
        operation('addRecipients', 'write', { group, recipients: chunk }, (b) => ({
          added: Number(b['added']),
        })),
      listRecipients: (group, cursor, pageSize) =>
        operation('listRecipients', 'read', { group, cursor, pageSize }, (b) => b as never),
      removeRecipient: (group, address) =>
        operation('removeRecipient', 'write', { group, address }, () => undefined),
      delete: (group) => operation('deleteGroup', 'write', { group }, () => undefined),
    },
    raw: (execute) => ({
      call: (action, payload, opts) =>
        execute(
          operation(action, 'read', payload, (b) => b),
          opts,
        ),
    }),
  });

  // Define (not assign) so the getters stay live: Object.assign would copy today's values.
  const live = {
    get outbox() {
      return server.outbox;
    },
    get delivered() {
      return server.delivered;
    },
    get requests() {
      return server.requests;
    },
    get signatures() {
      return server.signatures;
    },
    secret,
    inject: (fault: TestingFault) => server.inject(fault),
    reset: () => server.reset(),
  };
  return Object.defineProperties(
    provider,
    Object.getOwnPropertyDescriptors(live),
  ) as TestingProvider;
}

function serializeMessage(message: Message) {
  return {
    ...message,
    attachments: message.attachments.map((a) => ({
      ...a,
      content: Buffer.from(a.content).toString('base64'),
    })),
  };
}

/** Read the in-memory server's answer; errors come back as `{ error: {...} }`. */
function readBody(
  provider: string,
  action: string,
  response: HttpResponse,
): Record<string, unknown> {
  const body = JSON.parse(response.body) as Record<string, unknown>;
  const error = body['error'] as
    | {
        code: MailErrorCode;
        message: string;
        retryable: boolean;
        delivery: Delivery;
        retryAfterMs?: number;
      }
    | undefined;
  if (!error) return body;
  throw new MailError(`${provider} ${action}: ${error.message}`, {
    code: error.code,
    retryable: error.retryable,
    delivery: error.delivery,
    provider,
    action,
    providerCode: error.code,
    providerMessage: error.message,
    httpStatus: response.status,
    requestId: String(body['requestId']),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  });
}
