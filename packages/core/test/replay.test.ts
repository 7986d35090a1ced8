/**
 * The retry rules for sends whose outcome is unknown, against a loopback server that refuses a
 * reused nonce as DirectMail does: a `replayable` operation resends the identical signed bytes
 * and nothing is ever delivered twice; any other send stops with `delivery: 'unknown'`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, MailError, type Provider, type RequestEvent } from '../src/index.js';
import { defineProvider, type Operation } from '../src/provider/index.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { TESTING_CAPABILITIES } from '../src/testing/testing.js';

/** Per request, in order: process and answer, process then drop, drop unprocessed, throttle. */
type Step = 'ok' | 'process-then-reset' | 'reset' | 'throttle';

let server: Server;
let origin: string;
let plan: Step[] = [];
const nonces = new Set<string>();
let delivered = 0;
let received: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const nonce = String(req.headers['x-nonce']);
      received.push(nonce);
      const step = plan.shift() ?? 'ok';
      if (step === 'reset') return void req.socket.destroy();
      if (step === 'throttle') {
        res.statusCode = 429;
        return void res.end(JSON.stringify({ Code: 'Throttling' }));
      }
      if (nonces.has(nonce)) {
        res.statusCode = 400;
        return void res.end(JSON.stringify({ Code: 'SignatureNonceUsed' }));
      }
      nonces.add(nonce);
      delivered += 1;
      if (step === 'process-then-reset') return void req.socket.destroy();
      res.end(JSON.stringify({ EnvId: `env-${delivered}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let builds = 0;
beforeEach(() => {
  plan = [];
  delivered = 0;
  builds = 0;
  received = [];
  nonces.clear();
});

function sendOp(replayable: boolean): Operation<{ messageId: string }> {
  return {
    action: 'SingleSendMail',
    kind: 'send',
    replayable,
    build: () => {
      builds += 1;
      return {
        method: 'POST',
        url: `${origin}/`,
        headers: { 'content-type': 'application/json', 'x-nonce': randomUUID() },
        body: '{}',
      };
    },
    parse: (response) => {
      const body = JSON.parse(response.body) as { Code?: string; EnvId?: string };
      if (response.status === 200) return { messageId: String(body.EnvId) };
      const throttled = body.Code === 'Throttling';
      throw new MailError(`failed with ${body.Code}`, {
        code: throttled ? 'rate_limited' : 'rejected',
        retryable: throttled,
        delivery: 'not_sent',
        providerCode: body.Code,
        httpStatus: response.status,
      });
    },
    isReplayRejection: (error) => error.providerCode === 'SignatureNonceUsed',
  };
}

function provider(replayable: boolean): Provider {
  return defineProvider({
    id: 'nonce',
    origin,
    capabilities: { ...TESTING_CAPABILITIES, provider: 'nonce' },
    send: () => sendOp(replayable),
    sendBatch: () => {
      throw new Error('not used');
    },
    groups: {} as Provider['groups'],
    raw: () => ({}),
  });
}

const message = { from: 'a@example.com', to: 'b@example.com', subject: 's', text: 't' };
const fast = { minDelayMs: 1, maxDelayMs: 5 };

describe('ambiguous sends', () => {
  it('not replayable: a reset after the request was sent stops at once, delivery unknown', async () => {
    plan = ['process-then-reset'];
    const mailer = createMailer(provider(false), { retry: fast });
    const error = await rejectedMailError(mailer.send(message));
    await mailer.close();
    expect(error).toMatchObject({ code: 'network', delivery: 'unknown', attempts: 1 });
    expect([received.length, delivered]).toEqual([1, 1]);
  });

  it('replayable, first copy arrived: the identical replay is refused and reported unknown', async () => {
    plan = ['process-then-reset'];
    const events: RequestEvent[] = [];
    const mailer = createMailer(provider(true), {
      retry: fast,
      hooks: { onRequest: (e) => events.push(e) },
    });
    const error = await rejectedMailError(mailer.send(message));
    await mailer.close();
    expect(error).toMatchObject({
      code: 'network',
      delivery: 'unknown',
      retryable: false,
      providerCode: 'SignatureNonceUsed',
      attempts: 2,
    });
    expect(error.message).toContain('may have reached');
    expect(builds).toBe(1);
    expect(received[0]).toBe(received[1]);
    expect(delivered).toBe(1);
    expect(events.map((e) => e.replay)).toEqual([false, true]);
  });

  it('replayable, first copy lost: the identical replay delivers it once', async () => {
    plan = ['reset'];
    const mailer = createMailer(provider(true), { retry: fast });
    const result = await mailer.send(message);
    await mailer.close();
    expect(result).toMatchObject({ attempts: 2, messageId: 'env-1' });
    expect(builds).toBe(1);
    expect(delivered).toBe(1);
  });

  it('replays that never get a definite answer end as the first ambiguous failure', async () => {
    plan = ['reset', 'reset', 'reset', 'reset'];
    const mailer = createMailer(provider(true), { retry: { ...fast, retries: 3 } });
    const error = await rejectedMailError(mailer.send(message));
    await mailer.close();
    expect(error).toMatchObject({ code: 'network', delivery: 'unknown', attempts: 4 });
    expect(builds).toBe(1);
    expect(new Set(received).size).toBe(1);
  });

  it('an abort after a throttled replay is unknown: the first copy may have been sent', async () => {
    plan = ['process-then-reset', 'throttle'];
    const controller = new AbortController();
    const mailer = createMailer(provider(true), {
      retry: fast,
      // The replay was throttled (certainly not executed); the caller gives up before the next.
      hooks: { onRetry: (e) => e.attempt === 2 && controller.abort() },
    });
    const error = await rejectedMailError(mailer.send(message, { signal: controller.signal }));
    await mailer.close();
    expect(error).toMatchObject({ code: 'aborted', delivery: 'unknown', attempts: 2 });
    expect(received).toHaveLength(2);
    expect(delivered).toBe(1);
  });

  it('a certain non-delivery (throttled) is retried with a freshly built request', async () => {
    plan = ['throttle', 'ok'];
    const mailer = createMailer(provider(true), { retry: fast });
    const result = await mailer.send(message);
    await mailer.close();
    expect(result.attempts).toBe(2);
    expect(builds).toBe(2);
    expect(new Set(received).size).toBe(2);
    expect(delivered).toBe(1);
  });
});
