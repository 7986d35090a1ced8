/**
 * Failover against the emulator with fault injection: a member that certainly did not send
 * (throttled, connection refused) hands the message to the next, and exactly one copy arrives;
 * a member that may have sent (connection dropped after processing) ends the call with
 * `unknown` and the next is never called; all failing with `not_sent` is one error carrying
 * every cause. Two accounts of the same provider work like two providers.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import {
  createMailer,
  failover,
  type MailerOptions,
  type MessageInput,
  type RequestEvent,
} from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { deadOrigin } from '../helpers/refusing-agent.js';

const KEYS = [
  { id: 'LTAIfailoverAccountA', secret: 'secret-of-account-a-0123456789' },
  { id: 'LTAIfailoverAccountB', secret: 'secret-of-account-b-0123456789' },
];
let emu: Emulator;
let dead: string;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: KEYS });
  dead = await deadOrigin();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
});

const dm = (key: (typeof KEYS)[number], endpoint = emu.aliyunEndpoint) =>
  aliyunDm({ region: 'cn-hangzhou', endpoint, credentials: key });
const tencent = () =>
  tencentSes({
    region: 'ap-guangzhou',
    endpoint: emu.tencentEndpoint,
    credentials: emu.credentials.tencent[0] as { id: string; secret: string },
  });
const FAST: MailerOptions = { retry: { retries: 0 } };
let n = 0;
const html = (): MessageInput => ({
  from: 'Shop <noreply@mail.example.com>',
  to: `failover-${++n}@example.com`,
  subject: 'Order shipped',
  html: '<p>Your order is on its way</p>',
});
/** The provider's own throttling answer, once, on its send action. */
const throttle = (provider: 'aliyun-dm' | 'tencent-ses') =>
  emu.inject(
    provider === 'aliyun-dm'
      ? {
          provider,
          action: 'SingleSendMail',
          fault: { kind: 'error', code: 'Throttling.User', status: 400 },
        }
      : { provider, action: 'SendEmail', fault: { kind: 'error', code: 'RequestLimitExceeded' } },
  );
const copies = (to: unknown) => emu.outbox.filter((m) => m.to === to);
const requests = (provider: 'aliyun-dm' | 'tencent-ses', action: string) =>
  emu.requests[provider][action] ?? 0;

describe('failover over two DirectMail accounts on one emulator', () => {
  it('A throttled: B sends, exactly one copy in the outbox', async () => {
    const mailer = createMailer(failover([dm(KEYS[0]!), dm(KEYS[1]!)]), FAST);
    throttle('aliyun-dm');
    const message = html();
    const result = await mailer.send(message);
    expect(result).toMatchObject({ provider: 'aliyun-dm', member: 'aliyun-dm#2', attempts: 1 });
    expect(result.route).toEqual([
      expect.objectContaining({ member: 'aliyun-dm', outcome: 'failed', attempts: 1 }),
      { member: 'aliyun-dm#2', provider: 'aliyun-dm', outcome: 'sent', attempts: 1 },
    ]);
    expect(result.route?.[0]?.reason).toMatch(/^rate_limited: /);
    expect(copies(message.to)).toHaveLength(1);
    expect(requests('aliyun-dm', 'SingleSendMail')).toBe(2);
    await mailer.close();
  });

  it('A refusing connections: B sends, exactly one copy in the outbox', async () => {
    const mailer = createMailer(failover([dm(KEYS[0]!, dead), dm(KEYS[1]!)]), FAST);
    const message = html();
    const result = await mailer.send(message);
    expect(result.member).toBe('aliyun-dm#2');
    expect(result.route?.[0]).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(result.route?.[0]?.reason).toMatch(/^network: /);
    expect(copies(message.to)).toHaveLength(1);
    expect(requests('aliyun-dm', 'SingleSendMail')).toBe(1);
    await mailer.close();
  });

  it('A drops the connection after processing: its replay says unknown, B never called', async () => {
    const mailer = createMailer(failover([dm(KEYS[0]!), dm(KEYS[1]!)]), {
      retry: { minDelayMs: 1, maxDelayMs: 5 },
    });
    emu.inject({ provider: 'aliyun-dm', action: 'SingleSendMail', fault: { kind: 'drop' } });
    const message = html();
    const error = await failure(mailer.send(message));
    expect(error).toMatchObject({ delivery: 'unknown', attempts: 2 });
    // Two requests, both A's: the dropped one and its identical replay (refused as a used nonce).
    expect(requests('aliyun-dm', 'SingleSendMail')).toBe(2);
    expect(error.issues).toEqual([
      { path: ['members', 'aliyun-dm'], message: expect.stringMatching(/^unknown: /) },
    ]);
    expect(copies(message.to)).toHaveLength(1);
    await mailer.close();
  });

  it("A's key refused (auth failure of one account): B signs with its own key and sends", async () => {
    const revoked = { id: 'LTAIrevokedAccount', secret: 'secret-of-a-revoked-key-0123' };
    const mailer = createMailer(failover([dm(revoked), dm(KEYS[1]!)]), FAST);
    const message = html();
    const result = await mailer.send(message);
    expect(result.member).toBe('aliyun-dm#2');
    expect(result.route?.[0]?.reason).toMatch(/^auth: /);
    expect(copies(message.to)).toHaveLength(1);
    await mailer.close();
  });

  it('hooks see each member by name, with no secret', async () => {
    const seen: RequestEvent[] = [];
    const mailer = createMailer(
      failover([
        { provider: dm(KEYS[0]!), name: 'hangzhou' },
        { provider: dm(KEYS[1]!), name: 'backup' },
      ]),
      { ...FAST, hooks: { onRequest: (e) => seen.push(e) } },
    );
    throttle('aliyun-dm');
    const result = await mailer.send(html());
    expect(result.member).toBe('backup');
    expect(seen.map((e) => [e.member, e.provider, e.action])).toEqual([
      ['hangzhou', 'aliyun-dm', 'SingleSendMail'],
      ['backup', 'aliyun-dm', 'SingleSendMail'],
    ]);
    const text = JSON.stringify(seen);
    for (const key of KEYS) expect(text).not.toContain(key.secret);
    await mailer.close();
  });
});

describe('failover across providers (Tencent SES first, DirectMail second)', () => {
  const both = async (): Promise<MessageInput> => {
    // DirectMail single sends take the numeric id QueryTemplateByParam lists.
    const listed = await createMailer(dm(KEYS[0]!)).raw.QueryTemplateByParam({
      KeyWord: 'welcome',
    });
    const dmId = listed.data?.template?.find((t) => t.TemplateName === 'welcome')?.TemplateId;
    return {
      from: 'Shop <noreply@mail.example.com>',
      to: `failover-${++n}@example.com`,
      subject: 'Welcome',
      template: { id: 100001, data: { name: 'Ann', UserName: 'Ann' } },
      perProvider: {
        'tencent-ses': { from: 'Shop 商店 <noreply@mail.example.com>' },
        'aliyun-dm': { template: dmId as string },
      },
    };
  };

  it('A drops the connection after processing: unknown, B never called, one copy', async () => {
    const mailer = createMailer(failover([tencent(), dm(KEYS[0]!)]));
    const message = await both();
    emu.inject({ provider: 'tencent-ses', action: 'SendEmail', fault: { kind: 'drop' } });
    const error = await failure(mailer.send(message));
    expect(error.delivery).toBe('unknown');
    expect(error.provider).toBe('tencent-ses');
    expect(error.issues).toEqual([
      { path: ['members', 'tencent-ses'], message: expect.stringMatching(/^unknown: /) },
    ]);
    expect(requests('aliyun-dm', 'SingleSendMail')).toBe(0);
    expect(copies(message.to)).toHaveLength(1);
    expect(copies(message.to)[0]).toMatchObject({ provider: 'tencent-ses', fromName: 'Shop 商店' });
    await mailer.close();
  });

  it('A throttled: B sends with its own template reference', async () => {
    const mailer = createMailer(failover([tencent(), dm(KEYS[0]!)]), FAST);
    const message = await both();
    throttle('tencent-ses');
    const result = await mailer.send(message);
    expect(result).toMatchObject({ provider: 'aliyun-dm', member: 'aliyun-dm' });
    expect(copies(message.to)).toEqual([
      expect.objectContaining({ provider: 'aliyun-dm', templateId: 'welcome' }),
    ]);
    await mailer.close();
  });

  it('A answers that it cannot do this: B sends, and the route counts the request A made', async () => {
    const mailer = createMailer(failover([tencent(), dm(KEYS[0]!)]), FAST);
    const message = await both();
    emu.inject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      fault: { kind: 'error', code: 'UnsupportedOperation' },
    });
    const result = await mailer.send(message);
    expect(result.member).toBe('aliyun-dm');
    // Asked and refused is not passed over: `skipped` says no request was made.
    expect(result.route?.[0]).toMatchObject({
      member: 'tencent-ses',
      outcome: 'failed',
      attempts: 1,
    });
    expect(copies(message.to)).toEqual([expect.objectContaining({ provider: 'aliyun-dm' })]);
    await mailer.close();
  });

  it('both fail with not_sent: one error carrying both causes, nothing sent', async () => {
    const mailer = createMailer(failover([tencent(), dm(KEYS[0]!)]), FAST);
    const message = await both();
    throttle('tencent-ses');
    throttle('aliyun-dm');
    const error = await failure(mailer.send(message));
    expect(error).toMatchObject({ delivery: 'not_sent', retryable: true, provider: 'aliyun-dm' });
    expect(error.message).toMatch(/tencent-ses \(tencent-ses\): rate_limited/);
    expect(error.message).toMatch(/aliyun-dm \(aliyun-dm\): rate_limited/);
    const causes = (error.cause as AggregateError).errors as { providerCode?: string }[];
    expect(causes.map((c) => c.providerCode)).toEqual(['RequestLimitExceeded', 'Throttling.User']);
    expect(error.issues.map((i) => i.path)).toEqual([
      ['members', 'tencent-ses'],
      ['members', 'aliyun-dm'],
    ]);
    expect(JSON.stringify(error)).toContain('members');
    expect(copies(message.to)).toHaveLength(0);
    await mailer.close();
  });

  it('a malformed entry for the second member is invalid_input before the first is called', async () => {
    const mailer = createMailer(failover([tencent(), dm(KEYS[0]!)]), FAST);
    const message = await both();
    throttle('tencent-ses');
    const error = await failure(
      mailer.send({
        ...message,
        perProvider: {
          'tencent-ses': {},
          'aliyun-dm': 'welcome' as unknown as { template: string },
        },
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
    expect(error.issues[0]?.path).toEqual(['perProvider', 'aliyun-dm']);
    expect(requests('tencent-ses', 'SendEmail')).toBe(0);
    emu.clearFaults();
    await mailer.close();
  });

  it('a member lacking a per-provider value is passed over with the reason', async () => {
    const mailer = createMailer(failover([tencent(), dm(KEYS[0]!)]), FAST);
    const message = await both();
    const result = await mailer.send({
      ...message,
      perProvider: { 'aliyun-dm': message.perProvider?.['aliyun-dm'] ?? {} },
    });
    expect(result.member).toBe('aliyun-dm');
    expect(result.route?.[0]).toEqual({
      member: 'tencent-ses',
      provider: 'tencent-ses',
      outcome: 'skipped',
      reason: "perProvider has no entry for 'tencent-ses'",
      attempts: 0,
    });
    expect(requests('tencent-ses', 'SendEmail')).toBe(0);
    await mailer.close();
  });
});
