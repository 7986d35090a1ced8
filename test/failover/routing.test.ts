/**
 * Routing by capability against the emulator: a message a member cannot honour (cc on
 * DirectMail, raw html on Tencent SES without `allowRawContent`, a scheduled batch on
 * DirectMail) goes to a member that can, with no request to the one that cannot; if none can,
 * one `unsupported` error names each member's reason. Also: groups on the primary, per-member
 * group names for batches, and `fromConfig` with a list.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { collect, createMailer, failover, fromConfig, type Mailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { failure } from '../helpers/failure.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const dmKey = () => emu.credentials.aliyun[0] as { id: string; secret: string };
const tcKey = () => emu.credentials.tencent[0] as { id: string; secret: string };
const dm = () =>
  aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: dmKey() });
const tencent = () =>
  tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: tcKey() });
const sends = () =>
  (emu.requests['aliyun-dm']['SingleSendMail'] ?? 0) +
  (emu.requests['tencent-ses']['SendEmail'] ?? 0);
/** DirectMail single sends take the numeric id QueryTemplateByParam lists. */
async function dmTemplateId(): Promise<string> {
  const mailer = createMailer(dm());
  const listed = await mailer.raw.QueryTemplateByParam({ KeyWord: 'welcome' });
  await mailer.close();
  const id = listed.data?.template?.find((t) => t.TemplateName === 'welcome')?.TemplateId;
  return id as string;
}
let n = 0;
const to = () => `routing-${++n}@example.com`;

describe('routing by capability', () => {
  it('cc: DirectMail cannot, so Tencent SES sends, and DirectMail gets no request', async () => {
    const mailer = createMailer(failover([dm(), tencent()]));
    const result = await mailer.send({
      from: 'noreply@mail.example.com',
      to: to(),
      cc: 'copy@example.com',
      subject: 'Receipt',
      template: { id: 100001, data: { name: 'Ann' } },
    });
    expect(result.member).toBe('tencent-ses');
    expect(result.route?.[0]).toMatchObject({ member: 'aliyun-dm', outcome: 'skipped' });
    expect(result.route?.[0]?.reason).toMatch(/cc/);
    expect(emu.requests['aliyun-dm']['SingleSendMail']).toBeUndefined();
    await mailer.close();
  });

  it('raw html without allowRawContent: Tencent SES cannot, so DirectMail sends', async () => {
    const mailer = createMailer(failover([tencent(), dm()]));
    const result = await mailer.send({
      from: 'noreply@mail.example.com',
      to: to(),
      subject: 'Receipt',
      html: '<p>Thanks</p>',
    });
    expect(result.member).toBe('aliyun-dm');
    expect(result.route?.[0]?.reason).toMatch(/html/);
    expect(emu.requests['tencent-ses']['SendEmail']).toBeUndefined();
    await mailer.close();
  });

  it('none can: one unsupported error naming each member and its reason, no request', async () => {
    const mailer = createMailer(failover([dm(), tencent()]));
    const error = await failure(
      mailer.send({
        from: 'noreply@mail.example.com',
        to: to(),
        cc: 'copy@example.com',
        subject: 'Receipt',
        html: '<p>Thanks</p>',
      }),
    );
    expect(error).toMatchObject({
      code: 'unsupported',
      delivery: 'not_sent',
      provider: 'failover',
    });
    expect(error.message).toMatch(/aliyun-dm \(aliyun-dm\): aliyun-dm does not support cc/);
    expect(error.message).toMatch(/tencent-ses \(tencent-ses\): .*html/);
    expect(error.issues.map((i) => i.path.join('.'))).toEqual([
      'members.aliyun-dm',
      'members.tencent-ses',
    ]);
    expect(sends()).toBe(0);
    await mailer.close();
  });

  it('bad input is invalid_input once, before any member is called', async () => {
    const mailer = createMailer(failover([dm(), tencent()]));
    const error = await failure(
      mailer.send({ from: 'noreply@mail.example.com', to: 'nope', subject: 'x', text: 'y' }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues[0]?.path).toEqual(['to']);
    expect(sends()).toBe(0);
  });
});

describe('batches and groups', () => {
  async function groupsOnBoth(mailer: Mailer) {
    const members = mailer.raw as Readonly<Record<string, Mailer>>;
    const recipients = [to(), to()];
    const dmGroup = await mailer.groups.create({ name: `dm${n}` });
    await mailer.groups.addRecipients(dmGroup.id, recipients);
    const tcGroup = await members['tencent-ses']?.groups.create({ name: `tc${n}` });
    await members['tencent-ses']?.groups.addRecipients(tcGroup?.id as string, recipients);
    return { dmGroup: dmGroup.id, tcGroup: tcGroup?.id as string, recipients };
  }

  it('groups go to the primary; a scheduled batch skips DirectMail for Tencent SES', async () => {
    const mailer = createMailer(failover([dm(), tencent()]));
    const { dmGroup, tcGroup } = await groupsOnBoth(mailer);
    expect((await collect(mailer.groups.list())).map((g) => g.id)).toContain(dmGroup);
    const batch = {
      from: 'batch@mail.example.com',
      group: dmGroup,
      template: { id: 'welcome' as string | number },
      perProvider: {
        'aliyun-dm': {},
        'tencent-ses': {
          from: 'noreply@mail.example.com',
          template: 100001,
          group: tcGroup,
          subject: 'News',
        },
      },
    };
    const now = await mailer.sendBatch(batch);
    expect(now.route?.map((s) => s.outcome)).toEqual(['sent']);
    expect(now).toMatchObject({ member: 'aliyun-dm', scheduled: false });
    const later = await mailer.sendBatch({
      ...batch,
      schedule: { at: new Date(Date.now() + 3_600_000) },
    });
    expect(later).toMatchObject({
      member: 'tencent-ses',
      provider: 'tencent-ses',
      scheduled: true,
    });
    expect(later.route?.[0]?.reason).toMatch(/schedul/i);
    expect(emu.requests['aliyun-dm']['BatchSendMail']).toBe(1);
    await mailer.close();
  });
});

describe('fromConfig with a list', () => {
  it('a URL fragment or an object name names a member; a list is a failover in order', async () => {
    const { id, secret } = dmKey();
    // Credentials never travel in a URL: the official environment variables carry them.
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', id);
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', secret);
    const dmUrl = `aliyun-dm://cn-hangzhou?endpoint=${encodeURIComponent(emu.url)}#spare`;
    const provider = fromConfig(
      [
        {
          provider: 'tencent-ses',
          name: 'main',
          region: 'ap-guangzhou',
          endpoint: emu.tencentEndpoint,
          credentials: tcKey(),
        },
        dmUrl,
      ],
      [aliyunDm, tencentSes],
    );
    expect(provider.id).toBe('failover');
    const mailer = createMailer(provider, { retry: { retries: 0 } });
    emu.inject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      fault: { kind: 'error', code: 'RequestLimitExceeded' },
    });
    const result = await mailer.send({
      from: 'noreply@mail.example.com',
      to: to(),
      subject: 'Hi',
      template: { id: 100001, data: { name: 'Ann' } },
      perProvider: { spare: { template: await dmTemplateId() }, main: {} },
    });
    expect(result.route?.map((s) => [s.member, s.outcome])).toEqual([
      ['main', 'failed'],
      ['spare', 'sent'],
    ]);
    await mailer.close();
    vi.unstubAllEnvs();
  });

  it('objects with weights are a round-robin; mixing weighted and unweighted is refused', async () => {
    const entry = (weight?: number) => ({
      provider: 'aliyun-dm',
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: dmKey(),
      ...(weight === undefined ? {} : { weight }),
    });
    const provider = fromConfig([entry(3), { ...entry(1), name: 'small' }], [aliyunDm]);
    expect(provider.id).toBe('round-robin');
    const mailer = createMailer(provider);
    const members: string[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await mailer.send({
        from: 'noreply@mail.example.com',
        to: to(),
        subject: 'Hi',
        html: '<p>Hi</p>',
      });
      members.push(result.member as string);
    }
    expect(members.sort()).toEqual(['aliyun-dm', 'aliyun-dm', 'aliyun-dm', 'small']);
    const error = await failure(
      Promise.resolve().then(() => fromConfig([entry(3), entry()], [aliyunDm])),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/weight/);
    await mailer.close();
  });
});
