/**
 * The whole DirectMail surface (issue 21): every action of the official SDK model, read from
 * `@alicloud/dm20151123` at test time so the list cannot drift, is typed in the raw client's
 * table, reachable as a method and through `call`, and answered by the emulator (a result, a
 * business error, or `UnsupportedOperation`: never an unknown action, never a signature error).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  actions as ACTIONS,
  type AliyunDmAction,
  type AliyunDmClient,
  createAliyunDmClient,
} from '@mailbridge/aliyun-dm';
import { isMailError, type MailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsendableParams } from '../helpers/surface.js';
import { SAMPLES } from './samples.js';

const SECRET = 'surface-secret-0123456789abcdef';
let emu: Emulator;
let raw: AliyunDmClient;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [{ id: 'LTAIsurface', secret: SECRET }] });
  raw = createAliyunDmClient(
    {
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAIsurface', secret: SECRET },
    },
    { mailer: { rateLimits: false, retry: { minDelayMs: 1, maxDelayMs: 5 } } },
  );
});
afterAll(async () => {
  await emu?.close();
});

/**
 * The DirectMail actions of the SDK: each method's `Params` names `action` and `version`;
 * AuthorizeFileUpload (OpenPlatform, 2019-12-19, used for OSS uploads) is not DirectMail's.
 */
function sdkActions(): string[] {
  const require = createRequire(import.meta.url);
  const source = readFileSync(require.resolve('@alicloud/dm20151123'), 'utf8');
  const names = new Set<string>();
  for (const [, action, version] of source.matchAll(/action: "(\w+)",\s*version: "([\d-]+)"/g)) {
    if (version === '2015-11-23' && action !== undefined) names.add(action);
  }
  return [...names].sort();
}

/**
 * Actions only older manuals document (docs/providers/aliyun-dm.md "Other actions"); typed and
 * answered all the same.
 */
const SEED_ONLY = [
  'GetMailAddressMsgCallBackUrl',
  'GetSendEmailCountByMailFrom',
  'UpdateMailAddressMsgCallBackUrl',
];

const SDK = sdkActions();
const requests = (action: string) => emu.requestCount({ provider: 'aliyun-dm', action });

type Outcome = { readonly value: Record<string, unknown> } | { readonly error: MailError };

async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  try {
    return { value: (await call) as Record<string, unknown> };
  } catch (error) {
    if (!isMailError(error)) throw error;
    return { error };
  }
}

/** An answer from the emulator: a result with a RequestId, or a provider error it sent. */
function expectAnswered(outcome: Outcome): void {
  if ('value' in outcome) {
    expect(typeof outcome.value['RequestId']).toBe('string');
    return;
  }
  const { error } = outcome;
  // A provider code means the emulator answered; none would be our own validation failing.
  expect(error.providerCode, error.message).toBeDefined();
  expect(['InvalidApi.NotFound', 'SignatureDoesNotMatch', 'IncompleteSignature']).not.toContain(
    error.providerCode,
  );
  if (error.providerCode === 'UnsupportedOperation') {
    expect(error).toMatchObject({ code: 'unsupported', delivery: 'not_sent', httpStatus: 400 });
    expect(error.message).toContain('@mailbridge/emulator');
  }
}

const answerKind = (outcome: Outcome) =>
  'value' in outcome ? 'result' : (outcome.error.providerCode ?? outcome.error.code);

describe('the SDK model against the table', () => {
  it('lists the DirectMail actions of @alicloud/dm20151123, every one typed in the table', () => {
    expect(SDK.length).toBeGreaterThanOrEqual(78);
    expect(SDK.filter((action) => !(action in ACTIONS))).toEqual([]);
  });

  it('types nothing beyond the SDK but the seed-only actions', () => {
    const extra = Object.keys(ACTIONS).filter((action) => !SDK.includes(action));
    expect(extra.sort()).toEqual(SEED_ONLY);
  });
});

describe('every action: typed method and call(), answered by the emulator', () => {
  it.each([...SDK, ...SEED_ONLY])('%s', async (name) => {
    const action = name as AliyunDmAction;
    const method = raw[action] as (params: unknown) => Promise<unknown>;
    expect(typeof method).toBe('function');
    const before = requests(action);
    const typed = await outcomeOf(method(SAMPLES[action]));
    expectAnswered(typed);
    const called = await outcomeOf(raw.call(action, SAMPLES[action]));
    expectAnswered(called);
    // An action the emulator does not implement says so through either door. (Others may differ
    // the second time: creating the same tag twice is a conflict.) Both reached the emulator.
    if (answerKind(typed) === 'UnsupportedOperation')
      expect(answerKind(called)).toBe(answerKind(typed));
    expect(requests(action)).toBeGreaterThanOrEqual(before + 2);
  });
});

describe('call()', () => {
  it('sends an action the library does not type, signed, and classifies the answer', async () => {
    const before = requests('DescribeSomethingNewer');
    const outcome = await outcomeOf(raw.call('DescribeSomethingNewer', { Page: 1, Flag: true }));
    expect(requests('DescribeSomethingNewer')).toBe(before + 1);
    // The signature was accepted (the emulator checks it before it can say "no such action").
    expect(outcome).toMatchObject({
      error: {
        provider: 'aliyun-dm',
        action: 'DescribeSomethingNewer',
        providerCode: 'InvalidApi.NotFound',
        delivery: 'not_sent',
      },
    });
  });

  it('resolves an untyped action to the JSON body, signed and flattened like the others', async () => {
    // The emulator knows only real actions, so a loopback server stands in for a newer DirectMail.
    const seen: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        seen.push(`${req.method} ${body}`);
        res.setHeader('content-type', 'application/json');
        res.end('{"RequestId":"R-1","Result":{"Items":[{"Id":12345678901234567890}]}}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const client = createAliyunDmClient({
        region: 'cn-hangzhou',
        endpoint: `http://127.0.0.1:${port}`,
        credentials: { id: 'LTAIsurface', secret: SECRET },
      });
      const body = await client.call('DescribeSomethingNewer', { Page: 2, Flag: true, List: [1] });
      expect(body['RequestId']).toBe('R-1');
      // Big ids stay exact (parseJson), as in the typed actions.
      expect(body['Result']).toEqual({ Items: [{ Id: '12345678901234567890' }] });
      const [request] = seen;
      const form = new URLSearchParams(request?.slice('POST '.length));
      expect(request?.startsWith('POST ')).toBe(true);
      expect(form.get('Action')).toBe('DescribeSomethingNewer');
      expect(form.get('Page')).toBe('2');
      expect(form.get('Flag')).toBe('true');
      expect(form.get('List')).toBe('[1]');
      expect(form.get('Signature')).toMatch(/.{20,}/);
    } finally {
      server.close();
    }
  });

  it('refuses a malformed action name or parameters before any request', async () => {
    const before = emu.requestCount({ provider: 'aliyun-dm' });
    for (const [action, params, field] of [
      ['', {}, 'action'],
      ['Get User', {}, 'action'],
      ['DescribeSomethingNewer', [], 'params'],
    ] as const) {
      const outcome = await outcomeOf(raw.call(action, params as never));
      expect(outcome).toMatchObject({ error: { code: 'invalid_input' } });
      if ('error' in outcome) expect(outcome.error.issues?.[0]?.path).toEqual([field]);
    }
    expect(emu.requestCount({ provider: 'aliyun-dm' })).toBe(before);
  });

  it('refuses parameters the form cannot carry as given, naming each, before any request', async () => {
    const before = emu.requestCount({ provider: 'aliyun-dm' });
    for (const [params, path] of unsendableParams('params')) {
      const outcome = await outcomeOf(raw.call('DescribeSomethingNewer', params));
      expect(outcome).toMatchObject({ error: { code: 'invalid_input', delivery: 'not_sent' } });
      if ('error' in outcome) expect(outcome.error.issues?.[0]?.path).toEqual(path);
    }
    expect(emu.requestCount({ provider: 'aliyun-dm' })).toBe(before);
  });

  it('holds a typed action to its schema, limits included', async () => {
    const before = requests('SingleSendMail');
    const outcome = await outcomeOf(
      raw.call('SingleSendMail', { ...SAMPLES.SingleSendMail, Subject: 's'.repeat(257) }),
    );
    expect(outcome).toMatchObject({ error: { code: 'invalid_input' } });
    if ('error' in outcome) expect(outcome.error.message).toContain('Subject: at most 256');
    expect(requests('SingleSendMail')).toBe(before);
  });
});
