/**
 * Property: a random raw SES request that breaks a documented limit (tencent-ses-breaches.ts,
 * one generator per limit of docs/providers/tencent-ses-limits.md) never reaches the emulator,
 * whether it goes through the action's method or through `call`, and its MailError names the
 * parameter and states the limit. The valid samples the breaches start from do reach it (the
 * counter counts), and a limit's edge value is accepted.
 */
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createTencentSesClient, type TencentSesClient } from '@mailbridge/tencent-ses';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { expectLimitError, type Outcome, outcome, requestTotal } from '../helpers/surface.js';
import { BREACHES } from './tencent-ses-breaches.js';
import { TENCENT_SAMPLES } from './tencent-ses-samples.js';

/** Runs per limit: about 30 limits, each fails before any request, so the whole file is quick. */
const RUNS = 25;

let emu: Emulator;
let ses: TencentSesClient & { close(): Promise<void> };
beforeAll(async () => {
  emu = await startEmulator();
  const key = emu.credentials.tencent[0] ?? { id: '', secret: '' };
  ses = createTencentSesClient({
    region: 'ap-guangzhou',
    endpoint: emu.tencentEndpoint,
    credentials: { ...key },
    retries: 0,
  });
});
afterAll(async () => {
  await ses.close();
  await emu.close();
});

type Method = (params: unknown) => Promise<unknown>;
/** The emulator answered (a success, or an error with its code): the client did not refuse it. */
const reached = (result: Outcome) => result.ok || result.providerCode !== undefined;
const method = (action: string) => (ses as unknown as Record<string, Method>)[action] as Method;

describe('raw requests that break a documented limit never reach the emulator', () => {
  it.each(BREACHES)('%s', async (_name, breaches) => {
    emu.reset();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(breaches, fc.boolean(), async (b, viaCall) => {
        runs++;
        const request = viaCall ? ses.call(b.action, b.params) : method(b.action)(b.params);
        expectLimitError(await failure(request), b.action, b.param, b.limit);
      }),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
    expect(requestTotal(emu, 'tencent-ses')).toBe(0);
  });
});

describe('the same requests within the limits do reach it', () => {
  it('sends each sample the breaches start from (the counter counts)', async () => {
    emu.reset();
    const actions = [...new Set(BREACHES.map(([name]) => name.split('.')[0] ?? ''))];
    for (const action of actions) {
      const result = await outcome(method(action)(TENCENT_SAMPLES[action]));
      // Answered by the emulator (success or a state error), not refused by the client.
      expect(reached(result), `${action}: ${JSON.stringify(result)}`).toBe(true);
    }
    expect(requestTotal(emu, 'tencent-ses')).toBe(actions.length);
  });

  it('accepts each limit at its edge', async () => {
    emu.reset();
    const send = TENCENT_SAMPLES.SendEmail ?? {};
    const to = Array.from({ length: 50 }, (_, i) => `u${i}@example.com`);
    const edges: [string, Readonly<Record<string, unknown>>][] = [
      ['SendEmail', { ...send, Destination: to, Subject: '😀'.repeat(998) }],
      ['SendEmail', { ...send, Destination: undefined, Bcc: ['b@example.com'] }],
      ['SendEmail', { ...send, Unsubscribe: '12' }],
      ['BatchSendEmail', { ...TENCENT_SAMPLES.BatchSendEmail, Subject: '中'.repeat(100) }],
      // A group filled with per-recipient data needs no TemplateData on the batch.
      [
        'BatchSendEmail',
        { ...TENCENT_SAMPLES.BatchSendEmail, Template: { TemplateID: 100002, TemplateData: '' } },
      ],
      ['ListEmailTemplates', { Offset: 0, Limit: 100 }],
      ['ListAddressUnsubscribeConfig', { Offset: 0, Limit: '100' }],
      [
        'UpdateEmailSmtpPassWord',
        { EmailAddress: 'noreply@mail.example.com', Password: 'aB3dE6gH9jK2mN5pQ8rS' },
      ],
      ['GetStatisticsReport', { StartDate: '2026-12-01', EndDate: '2026-12-01' }],
    ];
    for (const [action, params] of edges) {
      const result = await outcome(method(action)(params));
      expect(reached(result), `${action}: ${JSON.stringify(result)}`).toBe(true);
    }
    expect(requestTotal(emu, 'tencent-ses')).toBe(edges.length);
  });

  it('refuses attachments over 4 MB in total before base64, and takes exactly 4 MB', async () => {
    emu.reset();
    const send = TENCENT_SAMPLES.SendEmail ?? {};
    const half = Buffer.alloc(2 * 1024 * 1024, 7).toString('base64');
    const over = [
      { FileName: 'a.bin', Content: half },
      { FileName: 'b.bin', Content: Buffer.alloc(2 * 1024 * 1024 + 1, 7).toString('base64') },
    ];
    const error = await failure(method('SendEmail')({ ...send, Attachments: over }));
    expectLimitError(error, 'SendEmail', 'Attachments', '4 MB');
    expect(requestTotal(emu, 'tencent-ses')).toBe(0);
    const exact = [over[0], { FileName: 'b.bin', Content: half }];
    const result = await outcome(method('SendEmail')({ ...send, Attachments: exact }));
    expect(reached(result)).toBe(true);
    expect(requestTotal(emu, 'tencent-ses')).toBe(1);
  });
});
