/**
 * The whole Tencent SES surface, read from the official SDK at test time (ses_client.js of
 * tencentcloud-sdk-nodejs-ses, so the list cannot drift): every action is typed in the raw
 * client, reachable through its method and through `call`, both routes reaching the emulator
 * and coming back alike, and answered by the emulator in the provider's envelope, as the
 * official SDK sees it too. Then `call` for an action newer than the library, and the
 * Unsubscribe-order decision of docs/providers/tencent-ses-limits.md on the wire.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createMailer, isMailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import {
  actions,
  createTencentSesClient,
  type TencentSesRequest,
  tencentSes,
} from '@mailbridge/tencent-ses';
import { ses } from 'tencentcloud-sdk-nodejs-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { type Outcome, outcome, recordingServer, unsendableParams } from '../helpers/surface.js';
import { TENCENT_SAMPLES } from './tencent-ses-samples.js';

const sdkRoot = dirname(
  createRequire(import.meta.url).resolve('tencentcloud-sdk-nodejs-ses/package.json'),
);
const sdkClientJs = readFileSync(
  join(sdkRoot, 'tencentcloud/services/ses/v20201002/ses_client.js'),
  'utf8',
);
/** Every action the official client sends: `this.request("Action", req, cb)`. */
const SDK_ACTIONS = [...sdkClientJs.matchAll(/this\.request\("(\w+)"/g)].map((m) => m[1] ?? '');

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const key = () => emu.credentials.tencent[0] ?? { id: '', secret: '' };
const client = (endpoint = emu.tencentEndpoint, retries = 0) =>
  createTencentSesClient(
    { region: 'ap-guangzhou', endpoint, credentials: { ...key() }, retries },
    { mailer: { retry: { minDelayMs: 1, maxDelayMs: 5 } } },
  );
const sdk = () =>
  new ses.v20201002.Client({
    credential: { secretId: key().id, secretKey: key().secret },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint: emu.host, protocol: 'http://', reqTimeout: 10 } },
  });
const received = (action: string) => emu.requests['tencent-ses'][action] ?? 0;

/** The emulator answered in the provider's envelope: a success, or an error code in HTTP 200. */
function expectAnswered(result: Outcome): void {
  if (result.ok) return;
  expect(result.providerCode, JSON.stringify(result)).toEqual(expect.any(String));
  expect(result.httpStatus).toBe(200);
}

describe('every action of the official SDK model', () => {
  it('reads the 35 actions of tencentcloud-sdk-nodejs-ses from its client', () => {
    expect(SDK_ACTIONS).toHaveLength(35);
    expect(new Set(SDK_ACTIONS).size).toBe(SDK_ACTIONS.length);
    expect(SDK_ACTIONS).toContain('SendEmail');
  });

  it('types exactly those actions in the raw client', () => {
    expect(Object.keys(actions).sort()).toEqual([...SDK_ACTIONS].sort());
  });

  it.each(SDK_ACTIONS)('%s: the method and call reach the emulator alike', async (action) => {
    const params = TENCENT_SAMPLES[action];
    expect(params, `no sample request for ${action}`).toBeDefined();
    const ses = client();
    const method = (ses as unknown as Record<string, (p: unknown) => Promise<unknown>>)[action];
    expect(method).toEqual(expect.any(Function));
    emu.reset();
    const viaMethod = await outcome((method as (p: unknown) => Promise<unknown>)(params));
    expect(received(action)).toBe(1);
    emu.reset();
    const viaCall = await outcome(ses.call(action, params));
    expect(received(action)).toBe(1);
    expect(viaCall).toEqual(viaMethod);
    expectAnswered(viaMethod);
    await ses.close();
  });

  it.each(SDK_ACTIONS)('%s: the official SDK gets the same answer', async (action) => {
    emu.reset();
    const ours = await outcome(
      (client() as unknown as Record<string, (p: unknown) => Promise<unknown>>)[action]?.(
        TENCENT_SAMPLES[action],
      ) ?? Promise.reject(new Error(`no method ${action}`)),
    );
    emu.reset();
    const official = sdk() as unknown as Record<string, (p: unknown) => Promise<unknown>>;
    let theirs: Outcome;
    try {
      const value = (await official[action]?.({ ...TENCENT_SAMPLES[action] })) as object;
      theirs = { ok: true, fields: Object.keys(value).sort() };
    } catch (error) {
      const code = (error as { code?: string }).code;
      expect(code, `the SDK got no provider code: ${String(error)}`).toEqual(expect.any(String));
      theirs = { ok: false, code: 'provider', providerCode: code ?? '' };
    }
    expect(theirs.ok).toBe(ours.ok);
    if (ours.ok && theirs.ok) expect(theirs.fields).toEqual(ours.fields);
    if (!ours.ok && !theirs.ok) expect(theirs.providerCode).toBe(ours.providerCode);
  });

  it('answers the seed actions with success, never UnsupportedOperation', async () => {
    emu.reset();
    const ses = client();
    const sent = await ses.SendEmail(TENCENT_SAMPLES.SendEmail as never);
    expect(sent.MessageId).toMatch(/^qcloudses-/);
    const batch = await failure(ses.BatchSendEmail(TENCENT_SAMPLES.BatchSendEmail as never));
    // The sample's group 1 does not exist: the documented error of BatchSendEmail's page (1084/43052).
    expect(batch.providerCode).toBe('OperationDenied.ReceiverNotExist');
    await ses.close();
  });
});

describe('call: an action newer than the library', () => {
  const abuse = { StartTime: '2026-12-01 00:00:00', EndTime: '2026-12-02 00:00:00' };

  it('is signed with TC3 and sent; the answer comes back untyped, RequestId included', async () => {
    const answer = { Response: { Data: [{ Mta: 'gmail.com' }], Total: 1, RequestId: 'req-1' } };
    const server = await recordingServer(answer);
    const ses = client(server.url);
    const result = await ses.call('GetAbuseReport', abuse);
    expect(result).toEqual(answer.Response);
    expect(server.received).toHaveLength(1);
    const [request] = server.received;
    expect(request?.headers['x-tc-action']).toBe('GetAbuseReport');
    expect(request?.headers['x-tc-version']).toBe('2020-10-02');
    expect(request?.headers.authorization).toMatch(
      new RegExp(
        `^TC3-HMAC-SHA256 Credential=${key().id}/\\d{4}-\\d{2}-\\d{2}/ses/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(JSON.parse(request?.body ?? '')).toEqual(abuse);
    await ses.close();
    await server.close();
  });

  it('passes the emulator signature check, and its error is classified like any other', async () => {
    emu.reset();
    const ses = client();
    const error = await failure(ses.call('GetAbuseReport', abuse));
    // The emulator verifies TC3 before it looks the action up: a signing bug would be AuthFailure.
    expect(error).toMatchObject({
      code: 'unsupported',
      providerCode: 'InvalidAction',
      action: 'GetAbuseReport',
      httpStatus: 200,
      requestId: expect.any(String),
    });
    expect(received('GetAbuseReport')).toBe(1);
    await ses.close();
  });

  it('refuses a malformed action name or params before any request', async () => {
    const server = await recordingServer({ Response: { RequestId: 'r' } });
    const ses = client(server.url);
    for (const name of ['getAbuseReport', 'Get Abuse', 'Get\r\nX-Evil: 1', '']) {
      const error = await failure(ses.call(name, {}));
      expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['action'] }] });
    }
    const notObject = await failure(ses.call('GetAbuseReport', [1, 2] as never));
    expect(notObject).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: ['GetAbuseReport'] }],
    });
    expect(server.received).toHaveLength(0);
    await ses.close();
    await server.close();
  });

  it('refuses params JSON would drop, change or fail on, naming each, before any request', async () => {
    const server = await recordingServer({ Response: { RequestId: 'r' } });
    const ses = client(server.url);
    for (const [params, path] of unsendableParams('GetAbuseReport')) {
      const error = await failure(ses.call('GetAbuseReport', params));
      expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
      expect(error.issues?.[0]?.path).toEqual(path);
    }
    // A parameter set to undefined is absent, as in JSON, and a shared (not cyclic) object is fine.
    const shared = { Id: 1 };
    await ses.call('GetAbuseReport', { ...abuse, Skip: undefined, A: shared, B: shared });
    expect(JSON.parse(server.received[0]?.body ?? '')).toEqual({ ...abuse, A: shared, B: shared });
    expect(server.received).toHaveLength(1);
    await ses.close();
    await server.close();
  });

  it('does not repeat an untyped action after an ambiguous failure, unless told it is a read', async () => {
    const ses = client(emu.tencentEndpoint, 2);
    // Each attempt is read and processed, then its connection dropped: an ambiguous failure.
    const dropAll = () => {
      emu.reset();
      emu.inject({
        provider: 'tencent-ses',
        action: 'GetAbuseReport',
        count: 5,
        fault: { kind: 'drop' },
      });
    };
    dropAll();
    const asSend = await failure(ses.call('GetAbuseReport', abuse));
    expect(asSend.delivery).toBe('unknown');
    expect(received('GetAbuseReport')).toBe(1);
    dropAll();
    await failure(ses.call('GetAbuseReport', abuse, { kind: 'read' }));
    expect(received('GetAbuseReport')).toBe(3);
    await ses.close();
  });

  it('checks a typed action through call with its schema and limits', async () => {
    emu.reset();
    const ses = client();
    const error = await failure(
      ses.call('SendEmail', { ...TENCENT_SAMPLES.SendEmail, Subject: '' } as never),
    );
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect(error.message).toContain('SendEmail.Subject');
    expect(received('SendEmail')).toBe(0);
    await ses.close();
  });
});

describe('Unsubscribe order (docs/providers/tencent-ses-limits.md: the China-site order)', () => {
  it('sends English as "2" and Simplified Chinese as "1"', async () => {
    const server = await recordingServer({ Response: { MessageId: 'm-1', RequestId: 'r-1' } });
    const mailer = createMailer(
      tencentSes({
        region: 'ap-guangzhou',
        endpoint: server.url,
        credentials: { ...key() },
        retries: 0,
      }),
    );
    const message = {
      from: 'noreply@mail.example.com',
      to: 'ann@example.com',
      subject: 'Hi',
      template: { id: 100001, data: { name: 'Ann' } },
    };
    for (const unsubscribe of ['en', 'zh-CN'] as const)
      await mailer.send({ ...message, providerOptions: { 'tencent-ses': { unsubscribe } } });
    const sent = server.received.map((r) => JSON.parse(r.body).Unsubscribe);
    expect(sent).toEqual(['2', '1']);
    await mailer.close();
    await server.close();
  });

  it('takes 0-12 on a send and 0-10 on an address configuration', async () => {
    const server = await recordingServer({ Response: { MessageId: 'm-1', RequestId: 'r-1' } });
    const ses = client(server.url);
    const sample = TENCENT_SAMPLES.SendEmail as TencentSesRequest<'SendEmail'>;
    await ses.SendEmail({ ...sample, Unsubscribe: '12' });
    const send = await failure(ses.SendEmail({ ...sample, Unsubscribe: '13' }));
    expect(isMailError(send) && send.issues?.[0]?.path).toEqual(['SendEmail', 'Unsubscribe']);
    const config = await failure(
      ses.CreateAddressUnsubscribeConfig({
        Address: 'noreply@mail.example.com',
        UnsubscribeConfig: '11',
        Status: 1,
      }),
    );
    expect(config.issues?.[0]?.path).toEqual([
      'CreateAddressUnsubscribeConfig',
      'UnsubscribeConfig',
    ]);
    expect(server.received).toHaveLength(1);
    await ses.close();
    await server.close();
  });
});
