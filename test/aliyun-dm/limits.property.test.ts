/**
 * Raw requests that break a documented DirectMail limit (docs/providers/aliyun-dm-limits.md)
 * never reach the server: random violations of every limit in the doc, through the typed
 * methods and through `call`, each refused with a MailError whose issue names the parameter and
 * whose message states the limit, while the emulator's request count stays where it was. The
 * same requests within the limits do reach it (the last test), so the refusals are the limits'.
 */
import {
  type AliyunDmAction,
  type AliyunDmClient,
  createAliyunDmClient,
} from '@mailbridge/aliyun-dm';
import { isMailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, SAMPLES } from './samples.js';

const SECRET = 'limits-secret-0123456789abcdef';
let emu: Emulator;
let raw: AliyunDmClient;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [{ id: 'LTAIlimits', secret: SECRET }] });
  raw = createAliyunDmClient(
    {
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAIlimits', secret: SECRET },
    },
    { mailer: { rateLimits: false, retry: { minDelayMs: 1, maxDelayMs: 5 } } },
  );
});
afterAll(async () => {
  await emu?.close();
});

/** One documented limit: which parameter, the text its message must carry, how to break it. */
interface Limit {
  readonly action: AliyunDmAction;
  readonly param: string;
  readonly says: string;
  /** Parameters that break the limit (merged over the action's valid sample). */
  readonly over: fc.Arbitrary<Record<string, unknown>>;
  /** Parameters right at the limit, which must be sent. */
  readonly at: Record<string, unknown>;
}

// Characters DirectMail counts as one each: ASCII, CJK, and an astral emoji (two UTF-16 units).
const unit = fc.constantFrom('a', '测', '😀');
const text = (min: number, max: number) =>
  fc.tuple(unit, fc.integer({ min, max })).map(([c, n]) => c.repeat(n));
const addresses = (min: number, max: number) =>
  fc.integer({ min, max }).map((n) => Array.from({ length: n }, (_, i) => `r${i}@example.com`));
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ e: `r${i}@example.com` }));
const headers = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`X-User-H${i}`, `v${i}`]));
const dayAfter = (base: string, days: number) =>
  new Date(Date.parse(base) + days * 86_400_000).toISOString().slice(0, 10);
const field = <T>(name: string, arb: fc.Arbitrary<T>) => arb.map((v) => ({ [name]: v }));
const chars = (action: AliyunDmAction, param: string, max: number, min = 1): Limit => ({
  action,
  param,
  says: `at most ${max} characters`,
  over: field(param, text(max + 1, max + 80)),
  at: { [param]: '测'.repeat(max).slice(0, Math.max(min, max)) },
});
const window = (action: AliyunDmAction, days: number, withTime = false): Limit => {
  const start = day(-40);
  const time = withTime ? ' 00:00' : '';
  return {
    action,
    param: 'EndTime',
    says: `at most ${days} days`,
    over: fc
      .integer({ min: days + 1, max: days + 60 })
      .map((n) => ({ StartTime: `${start}${time}`, EndTime: `${dayAfter(start, n)}${time}` })),
    at: { StartTime: `${day(-days)}${time}`, EndTime: `${day(0)}${time}` },
  };
};

const LIMITS: readonly Limit[] = [
  chars('SingleSendMail', 'Subject', 256),
  chars('SingleSendMail', 'FromAlias', 14),
  chars('SingleSendMail', 'ReplyAddressAlias', 15),
  {
    action: 'SingleSendMail',
    param: 'ToAddress',
    says: 'at most 100',
    over: field(
      'ToAddress',
      addresses(101, 300).map((a) => a.join(',')),
    ),
    at: { ToAddress: Array.from({ length: 100 }, (_, i) => `r${i}@example.com`).join(',') },
  },
  {
    action: 'SingleSendMail',
    param: 'BccAddress',
    says: 'at most 2',
    over: field(
      'BccAddress',
      addresses(3, 20).map((a) => a.join(',')),
    ),
    at: { BccAddress: 'b1@example.com,b2@example.com' },
  },
  {
    action: 'SingleSendMail',
    param: 'Headers',
    says: 'at most 10',
    over: field('Headers', fc.integer({ min: 11, max: 40 }).map(headers)),
    at: { Headers: headers(10) },
  },
  {
    action: 'SingleSendMail',
    param: 'TagName',
    says: 'at most 128',
    over: fc.oneof(
      field(
        'TagName',
        fc.integer({ min: 129, max: 300 }).map((n) => 't'.repeat(n)),
      ),
      field('TagName', fc.constantFrom('has space', 'dot.ted', '标签', 'a/b')),
    ),
    at: { TagName: 't'.repeat(128) },
  },
  {
    action: 'BatchSendMail',
    param: 'TagName',
    says: 'ClickTrace',
    over: fc.constant({ ClickTrace: '1' }),
    at: { ClickTrace: '1', TagName: 'tracked' },
  },
  chars('BatchSendMail', 'TemplateName', 30),
  chars('CreateReceiver', 'ReceiversName', 30),
  {
    action: 'SaveReceiverDetail',
    param: 'Detail',
    says: '500',
    over: field('Detail', fc.integer({ min: 501, max: 700 }).map(rows)),
    at: { Detail: rows(500) },
  },
  {
    action: 'CreateTag',
    param: 'TagName',
    says: 'at most 128',
    over: field(
      'TagName',
      fc.integer({ min: 129, max: 300 }).map((n) => 'T'.repeat(n)),
    ),
    at: { TagName: `T${Date.now()}`.padEnd(128, 't') },
  },
  chars('CreateDomain', 'DomainName', 60),
  {
    action: 'ModifyMailAddress',
    param: 'Password',
    says: '10 to 20',
    over: field(
      'Password',
      fc
        .oneof(fc.integer({ min: 21, max: 60 }), fc.integer({ min: 1, max: 9 }))
        .map((n) => 'Aa1'.repeat(n).slice(0, n)),
    ),
    at: { Password: 'Aa1'.repeat(7).slice(0, 20) },
  },
  chars('SendTestByTemplate', 'Email', 60),
  chars('SendTestByTemplate', 'UserName', 30),
  chars('ConfigSetCreate', 'Name', 50),
  { ...chars('ConfigSetCreate', 'Description', 50), at: { Description: 'd'.repeat(50) } },
  {
    action: 'ModifyPWByDomain',
    param: 'Password',
    says: '10 to 20',
    over: field('Password', fc.constantFrom('short1A', 'alllowercase123', 'NODIGITSATALLxx')),
    at: { Password: 'Abcdefghij123456789z' },
  },
  {
    action: 'DedicatedIpPoolCreate',
    param: 'Name',
    says: '50',
    over: field(
      'Name',
      fc.integer({ min: 51, max: 120 }).map((n) => 'p'.repeat(n)),
    ),
    at: { Name: 'p'.repeat(50) },
  },
  {
    action: 'ListBlockSending',
    param: 'MaxResults',
    says: 'from 1 to 500',
    over: field('MaxResults', fc.oneof(fc.integer({ min: 501, max: 10_000 }), fc.constant(0))),
    at: { MaxResults: 500 },
  },
  {
    action: 'SenderStatisticsDetailByParam',
    param: 'Length',
    says: 'from 1 to 100',
    over: field('Length', fc.integer({ min: 101, max: 10_000 })),
    at: { Length: 100 },
  },
  window('SenderStatisticsDetailByParam', 30, true),
  window('SenderStatisticsByTagNameAndBatchID', 7),
  window('GetTrackList', 7),
  window('GetTrackListByMailFromAndTagName', 15),
  window('QueryInvalidAddress', 30),
  {
    action: 'ListUserSuppression',
    param: 'EndCreateTime',
    says: 'at most 7 days',
    over: fc
      .integer({ min: 7 * 86_400 + 1, max: 90 * 86_400 })
      .map((span) => ({ StartCreateTime: 1_700_000_000, EndCreateTime: 1_700_000_000 + span })),
    at: { StartCreateTime: 1_700_000_000, EndCreateTime: 1_700_000_000 + 7 * 86_400 },
  },
];

const total = () => emu.requestCount({ provider: 'aliyun-dm' });

async function refusal(limit: Limit, overrides: Record<string, unknown>, viaCall: boolean) {
  const params = { ...SAMPLES[limit.action], ...overrides };
  const method = raw[limit.action] as (p: unknown) => Promise<unknown>;
  const pending = viaCall ? raw.call(limit.action, params) : method(params);
  return pending.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('documented limits, before any request', () => {
  it('a random request over any limit is refused, naming the parameter and the limit', async () => {
    const drawn = new Set<Limit>();
    const case_ = fc
      .integer({ min: 0, max: LIMITS.length - 1 })
      .chain((i) =>
        fc.tuple(fc.constant(LIMITS[i] as Limit), (LIMITS[i] as Limit).over, fc.boolean()),
      );
    // One example per limit always runs first, so no limit depends on the draw.
    const examples = LIMITS.map((limit, i): [[Limit, Record<string, unknown>, boolean]] => [
      [limit, fc.sample(limit.over, { numRuns: 1, seed: i })[0] ?? {}, i % 2 === 0],
    ]);
    await fc.assert(
      fc.asyncProperty(case_, async ([limit, overrides, viaCall]) => {
        drawn.add(limit);
        const before = total();
        const error = await refusal(limit, overrides, viaCall);
        expect(total()).toBe(before);
        expect(isMailError(error)).toBe(true);
        if (!isMailError(error)) return;
        expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
        expect(error.message).toContain(`${limit.param}: `);
        const issue = error.issues?.find((i) => i.path.join('.') === limit.param);
        expect(issue?.message, `${limit.action}.${limit.param}`).toContain(limit.says);
      }),
      { numRuns: 300, examples },
    );
    expect(drawn.size).toBe(LIMITS.length);
  });

  it.each(LIMITS.map((l) => [`${l.action}.${l.param}`, l] as const))(
    '%s at its limit is sent',
    async (_, limit) => {
      const before = emu.requestCount({ provider: 'aliyun-dm', action: limit.action });
      const error = await refusal(limit, limit.at, false);
      // Sent: a result, or the emulator's own answer (a business error), never our refusal.
      if (error !== undefined) expect(isMailError(error) && error.providerCode).toBeTruthy();
      expect(emu.requestCount({ provider: 'aliyun-dm', action: limit.action })).toBe(before + 1);
    },
  );
});
