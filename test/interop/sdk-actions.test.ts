/**
 * Every action the emulator implements, called through the unchanged official SDK, so each
 * request is formed (parameter placement, V3 query vs body, version) and each answer read
 * exactly as the SDK does it. The send, batch and upload flows and the signature failures are in
 * aliyun-sdk.test.ts and tencent-sdk.test.ts; this file covers the remaining actions.
 */
import DmModule, * as dm from '@alicloud/dm20151123';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { ses } from 'tencentcloud-sdk-nodejs-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type DmClientClass = typeof DmModule.default;
const DmClient: DmClientClass =
  (DmModule as unknown as { default?: DmClientClass }).default ??
  (DmModule as unknown as DmClientClass);

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

/** `yyyy-MM-dd HH:mm` in UTC, as the emulator reads SenderStatisticsDetailByParam times. */
const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

describe.each([
  ['V3', undefined],
  ['v2', 'v2'],
] as const)('DirectMail actions through dm20151123 (%s)', (tag, signatureAlgorithm) => {
  const client = () => {
    const key = emu.credentials.aliyun[0];
    return new DmClient(
      new $OpenApiUtil.Config({
        accessKeyId: key?.id ?? '',
        accessKeySecret: key?.secret ?? '',
        endpoint: emu.host,
        protocol: 'http',
        ...(signatureAlgorithm && { signatureAlgorithm }),
      }),
    );
  };

  it('CreateTag and QueryTagByParam', async () => {
    const created = await client().createTag(new dm.CreateTagRequest({ tagName: `tag-${tag}` }));
    expect(created.body?.tagId).toBeTruthy();
    const found = await client().queryTagByParam(
      new dm.QueryTagByParamRequest({ keyWord: `tag-${tag}` }),
    );
    expect(found.body?.data?.tag?.map((t) => t.tagName)).toEqual([`tag-${tag}`]);
  });

  it('QueryTemplateByParam, QueryMailAddressByParam and DescAccountSummary read the seed', async () => {
    const templates = await client().queryTemplateByParam(
      new dm.QueryTemplateByParamRequest({ keyWord: 'welcome' }),
    );
    expect(templates.body?.data?.template?.[0]).toMatchObject({
      templateName: 'welcome',
      templateStatus: '2',
    });
    const senders = await client().queryMailAddressByParam(
      new dm.QueryMailAddressByParamRequest({ sendtype: 'batch' }),
    );
    expect(senders.body?.data?.mailAddress?.map((a) => a.accountName)).toEqual([
      'batch@mail.example.com',
    ]);
    const summary = await client().descAccountSummary(new dm.DescAccountSummaryRequest({}));
    expect(summary.body).toMatchObject({ mailAddresses: 2, domains: 1 });
  });

  it('QueryReceiverByParam, DeleteReceiverDetail and DeleteReceiver', async () => {
    const name = `del-${tag}`;
    const { body } = await client().createReceiver(
      new dm.CreateReceiverRequest({ receiversName: name, receiversAlias: 'del@example.com' }),
    );
    const receiverId = body?.receiverId ?? '';
    await client().saveReceiverDetail(
      new dm.SaveReceiverDetailRequest({
        receiverId,
        detail: JSON.stringify([{ e: 'keep@example.com' }, { e: 'drop@example.com' }]),
      }),
    );
    const listed = await client().queryReceiverByParam(
      new dm.QueryReceiverByParamRequest({ keyWord: name }),
    );
    expect(listed.body?.data?.receiver?.[0]).toMatchObject({ receiverId, count: '2' });
    await client().deleteReceiverDetail(
      new dm.DeleteReceiverDetailRequest({ receiverId, email: 'drop@example.com' }),
    );
    const left = await client().queryReceiverDetail(
      new dm.QueryReceiverDetailRequest({ receiverId }),
    );
    expect(left.body?.data?.detail?.map((d) => d.email)).toEqual(['keep@example.com']);
    await client().deleteReceiver(new dm.DeleteReceiverRequest({ receiverId }));
    const gone = await client().queryReceiverByParam(
      new dm.QueryReceiverByParamRequest({ keyWord: name }),
    );
    expect(gone.body?.data?.receiver ?? []).toEqual([]);
  });

  it('SenderStatisticsDetailByParam answers from the outbox', async () => {
    const to = `stats.${tag.toLowerCase()}@example.com`;
    await client().singleSendMail(
      new dm.SingleSendMailRequest({
        accountName: 'noreply@mail.example.com',
        addressType: 1,
        replyToAddress: false,
        toAddress: to,
        subject: `stats ${tag}`,
        textBody: 'x',
      }),
    );
    const stats = await client().senderStatisticsDetailByParam(
      new dm.SenderStatisticsDetailByParamRequest({
        startTime: minute(emu.now() - 3_600_000),
        endTime: minute(emu.now() + 3_600_000),
        toAddress: to,
      }),
    );
    expect(stats.body?.data?.mailDetail).toEqual([
      expect.objectContaining({ toAddress: to, subject: `stats ${tag}`, status: 0 }),
    ]);
  });
});

describe('Tencent SES actions through tencentcloud-sdk-nodejs-ses', () => {
  const client = () => {
    const key = emu.credentials.tencent[0];
    return new ses.v20201002.Client({
      credential: { secretId: key?.id ?? '', secretKey: key?.secret ?? '' },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: emu.host, protocol: 'http://', reqTimeout: 10 } },
    });
  };
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

  it('creates, updates, reads, lists and deletes a template', async () => {
    const sdk = client();
    const { TemplateID } = await sdk.CreateEmailTemplate({
      TemplateName: 'sdk',
      TemplateContent: { Html: b64('<p>{{x}}</p>'), Text: b64('{{x}}') },
    });
    await sdk.UpdateEmailTemplate({
      TemplateID: TemplateID!,
      TemplateName: 'sdk2',
      TemplateContent: { Text: b64('new {{x}}') },
    });
    const got = await sdk.GetEmailTemplate({ TemplateID: TemplateID! });
    expect(got).toMatchObject({ TemplateStatus: 0, TemplateContent: { Text: b64('new {{x}}') } });
    const list = await sdk.ListEmailTemplates({ Offset: 0, Limit: 10 });
    expect(list.TemplatesMetadata?.find((t) => t.TemplateID === TemplateID)?.TemplateName).toBe(
      'sdk2',
    );
    await sdk.DeleteEmailTemplate({ TemplateID: TemplateID! });
    const after = await sdk.ListEmailTemplates({ Offset: 0, Limit: 10 });
    expect(after.TemplatesMetadata?.map((t) => t.TemplateID)).not.toContain(TemplateID);
  });

  it('lists identities and sender addresses', async () => {
    const ids = await client().ListEmailIdentities({});
    expect(ids.EmailIdentities?.map((i) => i.IdentityName)).toEqual(['mail.example.com']);
    const senders = await client().ListEmailAddress();
    expect(senders.EmailSenders?.map((s) => s.EmailAddress)).toContain('noreply@mail.example.com');
  });

  it('answers GetSendEmailStatus and GetStatisticsReport from the outbox', async () => {
    const sdk = client();
    const { MessageId } = await sdk.SendEmail({
      FromEmailAddress: 'noreply@mail.example.com',
      Destination: ['status@example.com'],
      Subject: 'status',
      Template: { TemplateID: 100001, TemplateData: JSON.stringify({ name: 'S' }) },
    });
    // Both take the emulator's day in UTC+8.
    const day = new Date(emu.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const status = await sdk.GetSendEmailStatus({
      RequestDate: day,
      Offset: 0,
      Limit: 10,
      MessageId: MessageId!,
    });
    expect(status.EmailStatusList).toEqual([
      expect.objectContaining({ MessageId, ToEmailAddress: 'status@example.com', SendStatus: 0 }),
    ]);
    const report = await sdk.GetStatisticsReport({ StartDate: day, EndDate: day });
    expect(report.OverallVolume?.RequestCount).toBeGreaterThanOrEqual(1);
  });

  it('deletes a group with DeleteReceiver', async () => {
    const sdk = client();
    const { ReceiverId } = await sdk.CreateReceiver({ ReceiversName: 'to delete' });
    await sdk.DeleteReceiver({ ReceiverId: ReceiverId! });
    const { Data } = await sdk.ListReceivers({ Offset: 0, Limit: 100 });
    expect(Data?.map((g) => g.ReceiverId) ?? []).not.toContain(ReceiverId);
  });
});
