/**
 * Provider codes through the whole pipeline (emulator -> adapter -> core): nothing the provider
 * may have executed is `not_sent`, the same situation maps to the same neutral code on both
 * providers, and a standard `Retry-After` header is honoured (one too long to count ends the retries).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMailer, type RetryEvent } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { mailerFor, TARGETS, type Target } from './targets.js';

let emu: Emulator;
let serial = 0;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
afterEach(() => {
  emu.clearFaults();
  emu.setAuthSkew(0);
});

const [aliyun, tencent] = TARGETS as [Target, Target];

async function refusal(target: Target, code: string) {
  emu.inject({
    provider: target.id,
    action: target.actions.send,
    fault: { kind: 'error', code },
    count: 4,
  });
  const mailer = mailerFor(target, {
    endpoint: emu.url,
    credentials: () => target.key(emu),
    options: { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } },
  });
  const error = await failure(mailer.send(target.message(`code-${++serial}@example.com`)));
  await mailer.close();
  return error;
}

describe('Tencent codes that may have acted are never not_sent', () => {
  it.each([
    'FailedOperation',
    'FailedOperation.SendEmailErr',
    'FailedOperation.SomethingUndocumented',
  ])('%s: unknown, not retried', async (code) => {
    const error = await refusal(tencent, code);
    expect(error).toMatchObject({
      code: 'unknown',
      delivery: 'unknown',
      retryable: false,
      attempts: 1,
    });
  });

  it('bare OperationDenied: permission, not_sent', async () => {
    expect(await refusal(tencent, 'OperationDenied')).toMatchObject({
      code: 'permission',
      delivery: 'not_sent',
    });
  });
});

describe('the same situation, the same neutral code on both providers', () => {
  it.each([
    [
      'template not approved',
      'InvalidTemplateStatus.Malformed',
      'OperationDenied.TemplateStatusError',
    ],
    [
      'sender not approved',
      'InvalidMailAddressStatus.Malformed',
      'OperationDenied.SendAddressStatusError',
    ],
  ])('%s', async (_situation, aliyunCode, tencentCode) => {
    const a = await refusal(aliyun, aliyunCode);
    const t = await refusal(tencent, tencentCode);
    const neutral = (e: typeof a) => [e.code, e.retryable, e.delivery, e.attempts];
    expect(neutral(a)).toEqual(neutral(t));
    expect(a.delivery).toBe('not_sent');
  });

  it('clock skew: auth, not retried, not_sent, on both', async () => {
    emu.setAuthSkew(20 * 60_000);
    const outcomes = [];
    for (const target of [aliyun, tencent]) {
      const mailer = mailerFor(target, {
        endpoint: emu.url,
        credentials: () => target.key(emu),
        options: { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } },
      });
      const error = await failure(mailer.send(target.message(`skew-${++serial}@example.com`)));
      outcomes.push([error.code, error.retryable, error.delivery, error.attempts]);
      await mailer.close();
    }
    expect(outcomes).toEqual([
      ['auth', false, 'not_sent', 1],
      ['auth', false, 'not_sent', 1],
    ]);
  });
});

describe('a standard Retry-After header is honoured', () => {
  it.each([
    ['delay-seconds', () => '1'],
    ['an HTTP-date', () => new Date(Date.now() + 2_000).toUTCString()],
  ])('%s', async (_form, header) => {
    let requests = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        requests += 1;
        res.setHeader('content-type', 'application/json');
        if (requests === 1) {
          res.statusCode = 429;
          res.setHeader('retry-after', header());
          const error = { Code: 'RequestLimitExceeded', Message: 'slow down' };
          return void res.end(JSON.stringify({ Response: { Error: error, RequestId: 'r1' } }));
        }
        res.end(JSON.stringify({ Response: { MessageId: 'm-1', RequestId: 'r2' } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const retries: RetryEvent[] = [];
    const mailer = createMailer(
      tencentSes({
        region: 'ap-guangzhou',
        endpoint: `http://127.0.0.1:${port}`,
        credentials: { id: 'AKIDretryafter', secret: 'retry-after-secret' },
      }),
      {
        retry: { retries: 1, minDelayMs: 1, maxDelayMs: 5 },
        hooks: { onRetry: (e) => retries.push(e) },
      },
    );
    try {
      const result = await mailer.send(tencent.message('ra@example.com'));
      expect(result.attempts).toBe(2);
      expect(retries[0]?.delayMs).toBeGreaterThanOrEqual(900);
      expect(retries[0]?.delayMs).toBeLessThanOrEqual(2_000);
    } finally {
      await mailer.close();
      server.close();
    }
  });
});

describe('a throttling wait too long to count in milliseconds ends the retries', () => {
  // Digits beyond 2^53 ms are still a wait (of ages), never an absent one: a provider asking
  // for it must not get the next attempt after the 200 ms backoff step.
  const throttle = {
    'aliyun-dm': {
      status: 400,
      header: 'x-acs-retry-after',
      body: { Code: 'Throttling.User', Message: 'slow down', RequestId: 'r1' },
      accepted: { EnvId: '1', RequestId: 'r2' },
    },
    'tencent-ses': {
      status: 429,
      header: 'retry-after',
      body: {
        Response: { Error: { Code: 'RequestLimitExceeded', Message: 'x' }, RequestId: 'r1' },
      },
      accepted: { Response: { MessageId: 'm-1', RequestId: 'r2' } },
    },
  } as const;
  it.each(
    TARGETS.flatMap((target) =>
      ['99999999999999999999', '9007199254740993'].map((value) => [target.id, value, target]),
    ),
  )('%s, %s', async (_id, value, target) => {
    const answer = throttle[(target as Target).id];
    let requests = 0;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        requests += 1;
        res.setHeader('content-type', 'application/json');
        if (requests > 1) return void res.end(JSON.stringify(answer.accepted));
        res.statusCode = answer.status;
        res.setHeader(answer.header, value as string);
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const mailer = mailerFor(target as Target, {
      endpoint: `http://127.0.0.1:${port}`,
      credentials: () => (target as Target).key(emu),
      options: { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 5 } },
    });
    try {
      const error = await failure(mailer.send((target as Target).message('ra-huge@example.com')));
      expect(error).toMatchObject({ code: 'rate_limited', delivery: 'not_sent', attempts: 1 });
      expect(error.retryAfterMs).toBeGreaterThan(60_000);
      expect(requests).toBe(1);
    } finally {
      await mailer.close();
      server.close();
    }
  });
});
