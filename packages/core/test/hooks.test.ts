/**
 * Hooks and secrets end to end: a signing provider over a real loopback server whose error
 * answers quote back everything they received (as DirectMail quotes its string-to-sign). No
 * hook payload, error message, stack or JSON may carry the key, token or any signature.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMailer,
  type ErrorEvent,
  type Hooks,
  isMailError,
  MailError,
  type Provider,
  type RequestEvent,
  type ResponseEvent,
  type RetryEvent,
} from '../src/index.js';
import { defineProvider, type Operation } from '../src/provider/index.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import { TESTING_CAPABILITIES } from '../src/testing/testing.js';

const KEY_ID = 'LTAI5tKeyIdForTests';
const SECRET = 'hooks-secret/with+base64=';
const TOKEN = 'CAIS-sts-token/rotating+value==';

/** What the server does with the next requests, in order; then it answers 200. */
type Plan = ('ok' | 'slow' | 'throttle' | 'reject' | 'hang' | 'reset')[];

let server: Server;
let origin: string;
let plan: Plan = [];
const signatures: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const step = plan.shift() ?? 'ok';
      if (step === 'hang') return;
      if (step === 'reset') return void req.socket.destroy();
      if (step === 'slow') {
        const timer = setTimeout(() => res.end(JSON.stringify({ id: `m-${randomUUID()}` })), 250);
        return void res.on('close', () => clearTimeout(timer));
      }
      // The error body echoes the request line and credentials, as a careless gateway does.
      const echo = `${req.method} ${req.url} auth=${req.headers.authorization} token=${String(req.headers['x-tc-token'])}`;
      res.setHeader('content-type', 'application/json');
      if (step === 'throttle') {
        res.statusCode = 429;
        return void res.end(JSON.stringify({ code: 'Throttling', message: echo }));
      }
      if (step === 'reject') {
        res.statusCode = 400;
        return void res.end(JSON.stringify({ code: 'InvalidSignature', message: echo }));
      }
      res.end(JSON.stringify({ id: `m-${randomUUID()}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function sendOperation(): Operation<{ messageId: string }> {
  return {
    action: 'SendEmail',
    kind: 'send',
    build: (ctx) => {
      const nonce = randomUUID();
      const signature = createHmac('sha256', SECRET)
        .update(`${ctx.attempt}\n${nonce}`)
        .digest('base64');
      signatures.push(signature);
      const query = new URLSearchParams({
        AccessKeyId: KEY_ID,
        Nonce: nonce,
        Signature: signature,
      });
      return {
        method: 'POST',
        url: `${origin}/?${query.toString()}`,
        headers: {
          'content-type': 'application/json',
          authorization: `HMAC Credential=${KEY_ID}, Signature=${signature}`,
          'x-tc-token': TOKEN,
        },
        body: JSON.stringify({ from: 'noreply@example.com' }),
        secrets: [signature],
      };
    },
    parse: (response) => {
      const body = JSON.parse(response.body) as { id?: string; code?: string; message?: string };
      if (response.status === 200) return { messageId: String(body.id) };
      // A naive adapter: the provider's message goes into ours verbatim.
      throw new MailError(`SendEmail failed: ${body.message}`, {
        code: body.code === 'Throttling' ? 'rate_limited' : 'auth',
        retryable: body.code === 'Throttling',
        delivery: 'not_sent',
        providerCode: body.code,
        providerMessage: body.message,
        httpStatus: response.status,
      });
    },
  };
}

function leakyProvider(): Provider {
  return defineProvider({
    id: 'leaky',
    origin,
    capabilities: { ...TESTING_CAPABILITIES, provider: 'leaky' },
    secrets: () => [SECRET, TOKEN, KEY_ID],
    send: () => sendOperation(),
    sendBatch: () => {
      throw new Error('not used');
    },
    groups: {} as Provider['groups'],
    raw: () => ({}),
  });
}

const message = { from: 'noreply@example.com', to: 'ann@example.com', subject: 'Hi', text: 'x' };

interface Recorded {
  requests: RequestEvent[];
  responses: ResponseEvent[];
  retries: RetryEvent[];
  errors: ErrorEvent[];
  order: string[];
}

function recorder(): { hooks: Hooks; seen: Recorded } {
  const seen: Recorded = { requests: [], responses: [], retries: [], errors: [], order: [] };
  const hooks: Hooks = {
    onRequest: (e) => {
      seen.requests.push(e);
      seen.order.push(`request#${e.attempt}`);
    },
    onResponse: (e) => {
      seen.responses.push(e);
      seen.order.push(`response#${e.attempt}:${e.status}`);
    },
    onRetry: (e) => {
      seen.retries.push(e);
      seen.order.push(`retry#${e.attempt}`);
    },
    onError: (e) => {
      seen.errors.push(e);
      seen.order.push(`error#${e.attempt}`);
    },
  };
  return { hooks, seen };
}

/** Every secret form that must never show, this run's signatures included. */
function expectNoSecret(text: string): void {
  for (const secret of [SECRET, TOKEN, KEY_ID, ...signatures]) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

function expectCleanError(error: unknown): void {
  expect(isMailError(error)).toBe(true);
  if (!(error instanceof Error)) return;
  expectNoSecret(error.message);
  expectNoSecret(String(error.stack));
  expectNoSecret(JSON.stringify(error));
}

const fast = { minDelayMs: 1, maxDelayMs: 5 };

describe('hooks', () => {
  it('report provider, action, attempt, status and duration around each attempt', async () => {
    plan = ['throttle', 'ok'];
    const { hooks, seen } = recorder();
    const mailer = createMailer(leakyProvider(), { hooks, retry: fast });
    const result = await mailer.send(message);
    await mailer.close();
    expect(result.attempts).toBe(2);
    expect(seen.order).toEqual([
      'request#1',
      'response#1:429',
      'retry#1',
      'request#2',
      'response#2:200',
    ]);
    expect(seen.requests[0]).toMatchObject({
      provider: 'leaky',
      action: 'SendEmail',
      replay: false,
    });
    expect(seen.responses[1]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(seen.retries[0]?.error).toMatchObject({ code: 'rate_limited', delivery: 'not_sent' });
    expectNoSecret(JSON.stringify(seen));
    // The redacted request still says what was sent.
    expect(seen.requests[0]?.request.url).toContain('Nonce=');
    expect(seen.requests[0]?.request.headers['authorization']).toBe('[redacted]');
    // The retry names the request that failed, redacted the same way.
    expect(seen.retries[0]?.request).toEqual(seen.requests[0]?.request);
  });

  it('durations measure the exchange: a reply held 250 ms reports at least that', async () => {
    plan = ['slow'];
    const { hooks, seen } = recorder();
    const mailer = createMailer(leakyProvider(), { hooks });
    const started = performance.now();
    await mailer.send(message);
    const total = performance.now() - started;
    await mailer.close();
    const duration = seen.responses[0]?.durationMs ?? -1;
    expect(duration).toBeGreaterThanOrEqual(240);
    expect(duration).toBeLessThanOrEqual(total);
  });

  it('a hook that throws cannot break a send', async () => {
    plan = ['ok'];
    const boom = () => {
      throw new Error('observer bug');
    };
    const mailer = createMailer(leakyProvider(), {
      hooks: { onRequest: boom, onResponse: boom, onRetry: boom, onError: boom },
    });
    await expect(mailer.send(message)).resolves.toMatchObject({ attempts: 1 });
    await mailer.close();
  });

  it.each<[string, Plan, string, number]>([
    ['a provider error quoting the request', ['reject'], 'auth', 1],
    [
      'throttling until the budget is spent',
      ['throttle', 'throttle', 'throttle'],
      'rate_limited',
      3,
    ],
    ['a timeout', ['hang'], 'timeout', 1],
    ['a reset after the request was sent', ['reset'], 'network', 1],
  ])('no secret in the error or hook payloads: %s', async (_name, steps, code, attempts) => {
    plan = [...steps];
    const { hooks, seen } = recorder();
    const mailer = createMailer(leakyProvider(), {
      hooks,
      // Short only where the test waits for it: on two busy cores a 200 ms timer can fire
      // before the reset that arrived long before it is read.
      timeoutMs: steps.includes('hang') ? 200 : 5_000,
      retry: { ...fast, retries: 2 },
    });
    const error = await mailer.send(message).catch((e: unknown) => e);
    await mailer.close();
    plan = [];
    expect(error).toMatchObject({ code, attempts, provider: 'leaky', action: 'SendEmail' });
    expectCleanError(error);
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(seen.errors[0]?.request?.url).toContain('Signature=[redacted]');
    expectNoSecret(JSON.stringify(seen));
    for (const e of [...seen.retries, ...seen.errors]) expectCleanError(e.error);
  });

  it('no secret in the error of a build that fails quoting one (a signer, a credentials function)', async () => {
    const failing = leakyProvider();
    const provider: Provider = {
      ...failing,
      send: (m) => ({
        ...failing.send(m),
        build: () => {
          throw new Error(`cannot sign with ${SECRET} and token ${TOKEN}`);
        },
      }),
    };
    const { hooks, seen } = recorder();
    const mailer = createMailer(provider, { hooks, retry: fast });
    const error = await rejectedMailError(mailer.send(message));
    await mailer.close();
    expect(error).toMatchObject({ delivery: 'not_sent', attempts: 1, provider: 'leaky' });
    expectCleanError(error);
    // util.inspect (console.log, every logger) prints the cause chain.
    expectNoSecret(inspect(error, { depth: 10 }));
    expectNoSecret(inspect(seen, { depth: 10 }));
  });

  it('keeps the provider message useful once redacted', async () => {
    plan = ['reject'];
    const mailer = createMailer(leakyProvider(), { retry: fast });
    const error = await rejectedMailError(mailer.send(message));
    await mailer.close();
    expect(error.providerMessage).toContain('POST /?AccessKeyId=[redacted]');
    expect(error.message).toContain('SendEmail failed');
  });
});
