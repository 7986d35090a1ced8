import { describe, expect, it } from 'vitest';
import { ALIYUN_DEFAULT_SEED } from '../src/aliyun/index.js';
import type { EmuRequest } from '../src/types.js';
import { harness } from './helpers/aliyun-harness.js';
import { codeOf, HOST, json, T0, v1Request, v3Request } from './helpers/aliyun-sign.js';

const SENDER = 'noreply@mail.example.com';
const BATCH = 'batch@mail.example.com';

function single(extra: Record<string, string> = {}): Record<string, string> {
  return {
    AccountName: SENDER,
    AddressType: '1',
    ReplyToAddress: 'true',
    ToAddress: 'a@example.com,b+tag@example.com',
    Subject: 'Hello',
    HtmlBody: '<p>Hi</p>',
    ...extra,
  };
}

/** Create a list, upload recipients, answer its id. */
async function listWith(
  h: ReturnType<typeof harness>,
  name: string,
  detail: unknown[],
  custom?: unknown[],
) {
  const created = json(
    await h.call('CreateReceiver', { ReceiversName: name, ReceiversAlias: 'list@example.com' }),
  );
  const id = String(created['ReceiverId']);
  const saved = await h.call('SaveReceiverDetail', {
    ReceiverId: id,
    Detail: JSON.stringify(detail),
    ...(custom && { CustomDetail: JSON.stringify(custom) }),
  });
  return { id, saved: json(saved) };
}

describe('routing', () => {
  const h = harness();
  it('matches Action in the query, the form body, or x-acs-action', () => {
    expect(h.module.action(v1Request({ action: 'SingleSendMail', method: 'GET' }))).toBe(
      'SingleSendMail',
    );
    expect(h.module.action(v1Request({ action: 'BatchSendMail' }))).toBe('BatchSendMail');
    expect(h.module.action(v3Request({ action: 'CreateTag' }))).toBe('CreateTag');
    const other: EmuRequest = {
      method: 'POST',
      url: new URL(`http://${HOST}/`),
      headers: { 'content-type': 'application/json', 'x-tc-action': 'SendEmail' },
      body: Buffer.from('{"Action":"x"}'),
    };
    expect(h.module.match(other)).toBe(false);
  });

  it('does not take a v1 action from the unsigned x-acs-action header', async () => {
    const req = v1Request({ action: 'DescAccountSummary', after: { Action: undefined } });
    const withHeader = {
      ...req,
      headers: { ...req.headers, 'x-acs-action': 'DescAccountSummary' },
    };
    expect(h.module.action(withHeader)).toBe('DescAccountSummary');
    expect(codeOf(await h.module.handle(withHeader, h.ctx))).toBe('MissingAction');
  });
});

describe('SingleSendMail', () => {
  it('answers EnvId as a bare JSON number above 2^53 and records one copy per recipient', async () => {
    const h = harness();
    const res = await h.call('SingleSendMail', single({ TagName: 'demo', FromAlias: 'Shop' }));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=utf-8');
    const text = String(res.body);
    expect(text).toMatch(/^\{"RequestId":"[0-9A-F-]{36}","EnvId":\d{18}\}$/);
    const envId = String(json(res)['EnvId']);
    expect(BigInt(envId) > 2n ** 53n).toBe(true);
    expect(h.ctx.entries.map((e) => e.to)).toEqual(['a@example.com', 'b+tag@example.com']);
    expect(h.ctx.entries[0]).toMatchObject({
      provider: 'aliyun-dm',
      action: 'SingleSendMail',
      from: `Shop <${SENDER}>`,
      subject: 'Hello',
      html: '<p>Hi</p>',
      replyTo: 'support@mail.example.com',
      tag: 'demo',
      messageId: envId,
      time: T0,
    });
  });

  it('answers XML when Format is absent, and JSON for lowercase json', async () => {
    const h = harness();
    const xml = await h.call('SingleSendMail', single(), { format: null });
    expect(xml.headers['content-type']).toBe('text/xml;charset=utf-8');
    expect(String(xml.body)).toMatch(
      /^<\?xml version='1.0' encoding='UTF-8'\?><SingleSendMailResponse><RequestId>[0-9A-F-]+<\/RequestId><EnvId>\d{18}<\/EnvId><\/SingleSendMailResponse>$/,
    );
    const lower = await h.call('SingleSendMail', single(), { format: 'json' });
    expect(lower.headers['content-type']).toBe('application/json;charset=utf-8');
  });

  it('gives each call a new EnvId', async () => {
    const h = harness();
    const a = json(await h.call('SingleSendMail', single()))['EnvId'];
    const b = json(await h.call('SingleSendMail', single()))['EnvId'];
    expect(a).not.toBe(b);
  });

  it('records BCC copies, TextBody, ReplyAddress and Headers', async () => {
    const h = harness();
    const res = await h.call(
      'SingleSendMail',
      single({
        ToAddress: 'a@example.com',
        HtmlBody: '',
        TextBody: 'plain',
        ReplyToAddress: 'false',
        ReplyAddress: 'help@example.com',
        BccAddress: 'x@example.com,y@example.com',
        Headers: JSON.stringify({ 'X-User-Notify-Id': '7', 'Message-ID': '<m@x>' }),
      }),
    );
    expect(res.status).toBe(200);
    expect(h.ctx.entries.map((e) => [e.to, e.bcc])).toEqual([
      ['a@example.com', undefined],
      ['x@example.com', ['x@example.com']],
      ['y@example.com', ['y@example.com']],
    ]);
    expect(h.ctx.entries[0]).toMatchObject({
      text: 'plain',
      replyTo: 'help@example.com',
      headers: { 'X-User-Notify-Id': '7', 'Message-ID': '<m@x>' },
    });
    expect(h.ctx.entries[0]?.html).toBeUndefined();
  });

  it('sends a stored template through the Template parameter', async () => {
    const h = harness();
    const templates = json(await h.call('QueryTemplateByParam', { KeyWord: 'welcome' }));
    const id = (templates['data'] as { template: { TemplateId: string }[] }).template[0]
      ?.TemplateId;
    const res = await h.call(
      'SingleSendMail',
      single({
        HtmlBody: '',
        Template: JSON.stringify({ TemplateId: id, TemplateData: { UserName: 'Ann' } }),
      }),
    );
    expect(res.status).toBe(200);
    expect(h.ctx.entries[0]).toMatchObject({ templateId: 'welcome' });
    expect(h.ctx.entries[0]?.html).toContain('Hello Ann');
  });

  it('works signed with V3, parameters in the form body', async () => {
    const h = harness();
    const res = await h.module.handle(
      v3Request({ action: 'SingleSendMail', body: single() }),
      h.ctx,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json;charset=utf-8');
    expect(h.ctx.entries).toHaveLength(2);
  });
});

describe('recipient lists and BatchSendMail', () => {
  it('uploads recipients and renders the template per recipient', async () => {
    const h = harness();
    const { saved } = await listWith(
      h,
      'customers',
      [
        { e: 'ann@example.com', u: 'Ann' },
        { e: 'bob@example.com', u: 'Bob', n: 'Bobby' },
        { e: 'ann@example.com', u: 'Again' },
        { e: 'not-an-address', u: 'X' },
      ],
      [{ Email: 'bob@example.com', CustomData: { plan: 'pro' } }],
    );
    expect(saved).toMatchObject({
      SuccessCount: 2,
      ErrorCount: 2,
      Data: {
        Detail: [
          { Email: 'ann@example.com', ErrMessage: 'Duplicate email address.' },
          { Email: 'not-an-address', ErrMessage: 'Invalid email address.' },
        ],
      },
    });
    const res = await h.call('BatchSendMail', {
      AccountName: BATCH,
      AddressType: '1',
      TemplateName: 'welcome',
      ReceiversName: 'customers',
      TagName: 'demo',
    });
    expect(res.status).toBe(200);
    expect(String(res.body)).toMatch(/"EnvId":\d{18}\}$/);
    const envId = String(json(res)['EnvId']);
    expect(h.ctx.entries.map((e) => [e.to, e.subject])).toEqual([
      ['ann@example.com', 'Welcome Ann'],
      ['bob@example.com', 'Welcome Bob'],
    ]);
    expect(h.ctx.entries[0]).toMatchObject({
      action: 'BatchSendMail',
      from: BATCH,
      templateId: 'welcome',
      messageId: envId,
      taskId: envId,
      tag: 'demo',
      html: '<p>Hello Ann, welcome aboard. We will write to ann@example.com.</p>',
    });
    const tasks = json(await h.call('QueryTaskByParam'));
    expect(tasks).toMatchObject({
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      data: {
        task: [
          {
            TaskId: envId,
            TemplateName: 'welcome',
            ReceiversName: 'customers',
            TagName: 'demo',
            TaskStatus: '1',
            AddressType: '1',
            RequestCount: '2',
          },
        ],
      },
    });
  });

  it('lists lists and their recipients with the documented lowercase wrappers', async () => {
    const h = harness();
    const { id } = await listWith(h, 'vip', [
      { e: 'a@example.com', u: 'A' },
      { e: 'b@example.com' },
      { e: 'c@example.com' },
    ]);
    const lists = json(await h.call('QueryReceiverByParam', { KeyWord: 'vi' }));
    expect(lists).toMatchObject({
      TotalCount: 1,
      PageSize: 10,
      data: {
        receiver: [
          {
            ReceiverId: id,
            ReceiversName: 'vip',
            ReceiversAlias: 'list@example.com',
            ReceiversStatus: '1',
            Count: '3',
            Desc: '',
          },
        ],
      },
    });
    const page1 = json(await h.call('QueryReceiverDetail', { ReceiverId: id, PageSize: '2' }));
    expect(page1).toMatchObject({
      DataSchema: 'UserName,NickName,Gender,Birthday,Mobile',
      NextStart: '2',
      data: {
        detail: [{ Email: 'a@example.com', Data: '{"UserName":"A"}' }, { Email: 'b@example.com' }],
      },
    });
    const page2 = json(
      await h.call('QueryReceiverDetail', { ReceiverId: id, PageSize: '2', NextStart: '2' }),
    );
    expect(page2).toMatchObject({ NextStart: '', data: { detail: [{ Email: 'c@example.com' }] } });
    expect(
      (await h.call('DeleteReceiverDetail', { ReceiverId: id, Email: 'b@example.com' })).status,
    ).toBe(200);
    const after = json(await h.call('QueryReceiverDetail', { ReceiverId: id }));
    expect((after['data'] as { detail: unknown[] }).detail).toHaveLength(2);
    expect((await h.call('DeleteReceiver', { ReceiverId: id })).status).toBe(200);
    expect(json(await h.call('QueryReceiverByParam'))['TotalCount']).toBe(0);
  });

  it('answers XML lists as repeated elements', async () => {
    const h = harness();
    await listWith(h, 'one', [{ e: 'a@example.com' }]);
    await listWith(h, 'two', [{ e: 'b@example.com' }]);
    const xml = String((await h.call('QueryReceiverByParam', {}, { format: 'XML' })).body);
    expect(xml).toMatch(
      /<data><receiver><ReceiverId>\w+<\/ReceiverId>.*<\/receiver><receiver>.*<\/receiver><\/data>/,
    );
  });
});

describe('account queries', () => {
  it('QueryTemplateByParam keeps UtcCreatetime (lowercase t) and status codes', async () => {
    const h = harness();
    const res = json(await h.call('QueryTemplateByParam'));
    expect(res).toMatchObject({ TotalCount: 2, PageNumber: 1, PageSize: 20 });
    const rows = (res['data'] as { template: Record<string, unknown>[] }).template;
    expect(rows.map((t) => [t['TemplateName'], t['TemplateStatus']])).toEqual([
      ['welcome', '2'],
      ['pending', '1'],
    ]);
    expect(rows[0]).toHaveProperty('UtcCreatetime', Math.floor(T0 / 1000));
  });

  it('DescAccountSummary counts the resources', async () => {
    const h = harness();
    await h.call('SingleSendMail', single());
    expect(json(await h.call('DescAccountSummary'))).toMatchObject({
      Domains: 1,
      MailAddresses: 2,
      Templates: 2,
      Tags: 1,
      Receivers: 0,
      DailyQuota: 2000,
      DailyRemainFreeQuota: 1998,
      UserStatus: 0,
    });
  });

  it('QueryMailAddressByParam filters by Sendtype', async () => {
    const h = harness();
    const res = json(await h.call('QueryMailAddressByParam', { Sendtype: 'batch' }));
    expect(res).toMatchObject({
      TotalCount: 1,
      data: {
        mailAddress: [
          { AccountName: BATCH, Sendtype: 'batch', AccountStatus: '0', DomainStatus: '0' },
        ],
      },
    });
  });

  it('CreateTag then QueryTagByParam', async () => {
    const h = harness();
    const created = json(
      await h.call('CreateTag', { TagName: 'news_2025', TagDescription: 'News' }),
    );
    const tags = json(await h.call('QueryTagByParam', { KeyWord: 'news' }));
    expect(tags).toMatchObject({
      TotalCount: 1,
      data: { tag: [{ TagId: created['TagId'], TagName: 'news_2025', TagDescription: 'News' }] },
    });
  });

  it('SenderStatisticsDetailByParam answers the outbox, filtered and paged', async () => {
    const h = harness();
    await h.call('SingleSendMail', single({ Subject: 'One' }));
    h.ctx.time = T0 + 120_000;
    await h.call('SingleSendMail', single({ ToAddress: 'c@example.com', Subject: 'Two' }));
    const window = { StartTime: '2025-03-01 07:00', EndTime: '2025-03-01 09:00' };
    const all = json(await h.call('SenderStatisticsDetailByParam', { ...window, Length: '2' }));
    expect(all['NextStart']).toBe('2');
    const rows = (all['data'] as { mailDetail: Record<string, unknown>[] }).mailDetail;
    expect(rows[0]).toMatchObject({
      ToAddress: 'a@example.com',
      AccountName: SENDER,
      Subject: 'One',
      Status: 0,
      UtcLastUpdateTime: String(T0 / 1000),
    });
    const one = json(
      await h.call('SenderStatisticsDetailByParam', { ...window, ToAddress: 'c@example.com' }),
    );
    expect(one).toMatchObject({ NextStart: '', data: { mailDetail: [{ Subject: 'Two' }] } });
    const failed = json(await h.call('SenderStatisticsDetailByParam', { ...window, Status: '4' }));
    expect((failed['data'] as { mailDetail: unknown[] }).mailDetail).toEqual([]);
  });
});

describe('unimplemented and unknown actions', () => {
  it('names the emulator for a real action it does not implement', async () => {
    const res = await harness().call('ChangeDomainDkimRecord', { Domain: 'x.com' });
    expect(res.status).toBe(400);
    expect(json(res)).toMatchObject({
      Code: 'UnsupportedOperation',
      Message: 'action ChangeDomainDkimRecord is not implemented by @mailbridge/emulator',
      HostId: HOST,
    });
  });

  it('answers InvalidApi.NotFound (404) for a name DirectMail does not have', async () => {
    const res = await harness().call('SendSms');
    expect(res.status).toBe(404);
    expect(codeOf(res)).toBe('InvalidApi.NotFound');
    expect(json(res)['Message']).toContain(
      'DirectMail has no action SendSms (@mailbridge/emulator',
    );
  });
});

describe('errorResponse (fault injection)', () => {
  it('renders any code in the DirectMail envelope, in the request format', () => {
    const h = harness();
    const jsonReq = v1Request({ action: 'SingleSendMail' });
    const res = h.module.errorResponse(
      jsonReq,
      { code: 'InvalidSendMail.Spam', message: 'rejected' },
      h.ctx,
    );
    expect(res.status).toBe(400);
    expect(json(res)).toMatchObject({
      Code: 'InvalidSendMail.Spam',
      Message: 'rejected',
      HostId: HOST,
    });
    expect(json(res)['Recommend']).toEqual(expect.stringContaining('InvalidSendMail.Spam'));
    const xmlReq = v1Request({ action: 'SingleSendMail', format: null });
    const xml = h.module.errorResponse(
      xmlReq,
      { code: 'ServiceUnavailable', message: 'later' },
      h.ctx,
    );
    expect(xml.status).toBe(503);
    expect(String(xml.body)).toMatch(
      /<Error><RequestId>[0-9A-F-]+<\/RequestId><HostId>dm.aliyuncs.com<\/HostId><Code>ServiceUnavailable<\/Code><Message>later<\/Message><Recommend>/,
    );
  });
});

describe('seed, snapshot, reset', () => {
  it('seeds ALIYUN_DEFAULT_SEED, adds seeded resources, and reset() empties the account', async () => {
    const h = harness();
    expect(h.module.snapshot()).toMatchObject({
      domains: [{ name: 'mail.example.com', verified: true }],
      senders: [
        { address: SENDER, type: 'trigger' },
        { address: BATCH, type: 'batch' },
      ],
      tags: [{ name: 'demo' }],
    });
    h.module.seed({
      receivers: [
        { name: 'seeded', members: [{ email: 'z@example.com', data: { UserName: 'Zed' } }] },
      ],
    });
    const res = await h.call('BatchSendMail', {
      AccountName: BATCH,
      AddressType: '1',
      TemplateName: 'welcome',
      ReceiversName: 'seeded',
    });
    expect(res.status).toBe(200);
    expect(h.ctx.entries[0]?.subject).toBe('Welcome Zed');
    expect((h.module.snapshot() as { templates: unknown[] }).templates).toHaveLength(
      ALIYUN_DEFAULT_SEED.templates?.length ?? -1,
    );
    h.module.reset();
    expect(h.module.snapshot()).toMatchObject({
      domains: [],
      senders: [],
      templates: [],
      receivers: [],
      tags: [],
      tasks: [],
    });
    expect(codeOf(await h.call('SingleSendMail', single()))).toBe('InvalidMailAddress.NotFound');
  });

  it('forgets used nonces on reset()', async () => {
    const h = harness();
    const req = v1Request({ action: 'DescAccountSummary', nonce: 'once' });
    expect((await h.module.handle(req, h.ctx)).status).toBe(200);
    expect(codeOf(await h.module.handle(req, h.ctx))).toBe('SignatureNonceUsed');
    h.module.reset();
    expect((await h.module.handle(req, h.ctx)).status).toBe(200);
  });

  it('rejects a malformed seed, naming the field', () => {
    expect(() =>
      harness().module.seed({ senders: [{ address: 'x@y.com', type: 'bulk' }] }),
    ).toThrow(/senders\[0\]\.type/);
  });

  it('starts empty before any seed', async () => {
    const h = harness(true);
    expect(codeOf(await h.call('SingleSendMail', single()))).toBe('InvalidMailAddress.NotFound');
  });
});
