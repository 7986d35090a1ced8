/**
 * The account-resource actions through the unchanged official SDKs, so the emulator's answers
 * are read exactly as the SDKs read them: templates, sender domains and addresses, the
 * suppression list and daily statistics, on `@alicloud/dm20151123` (V3 and v2 signing) and
 * `tencentcloud-sdk-nodejs-ses`.
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

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const cstDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

describe.each([
  ['V3', undefined],
  ['v2', 'v2'],
] as const)('DirectMail resources through dm20151123 (%s)', (tag, signatureAlgorithm) => {
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
  const lower = tag.toLowerCase();

  it('DescTemplate reads a template QueryTemplateByParam listed', async () => {
    const listed = await client().queryTemplateByParam(
      new dm.QueryTemplateByParamRequest({ keyWord: 'welcome' }),
    );
    const id = Number(listed.body?.data?.template?.[0]?.templateId);
    const one = await client().descTemplate(new dm.DescTemplateRequest({ templateId: id }));
    expect(one.body).toMatchObject({ templateName: 'welcome', templateStatus: '2' });
    expect(one.body?.templateText).toContain('Hello');
  });

  it('CreateDomain, QueryDomainByParam, DescDomain and DeleteDomain', async () => {
    const name = `${lower}.resources.example.org`;
    const created = await client().createDomain(new dm.CreateDomainRequest({ domainName: name }));
    const domainId = Number(created.body?.domainId);
    expect(domainId).toBeGreaterThan(0);
    const listed = await client().queryDomainByParam(
      new dm.QueryDomainByParamRequest({ keyWord: name }),
    );
    expect(listed.body?.data?.domain?.[0]).toMatchObject({ domainName: name, domainStatus: '1' });
    const one = await client().descDomain(new dm.DescDomainRequest({ domainId }));
    expect(one.body).toMatchObject({ domainName: name, mxRecord: 'mx01.dm.aliyun.com' });
    await client().deleteDomain(new dm.DeleteDomainRequest({ domainId }));
    const after = await client().queryDomainByParam(
      new dm.QueryDomainByParamRequest({ keyWord: name }),
    );
    expect(after.body?.data?.domain ?? []).toEqual([]);
  });

  it('CreateMailAddress and DeleteMailAddress, seen by QueryMailAddressByParam', async () => {
    const address = `sender-${lower}@mail.example.com`;
    const created = await client().createMailAddress(
      new dm.CreateMailAddressRequest({ accountName: address, sendtype: 'trigger' }),
    );
    const mailAddressId = Number(created.body?.mailAddressId);
    const listed = await client().queryMailAddressByParam(
      new dm.QueryMailAddressByParamRequest({ keyWord: address }),
    );
    expect(listed.body?.data?.mailAddress?.[0]).toMatchObject({
      accountName: address,
      domainStatus: '0',
    });
    await client().deleteMailAddress(new dm.DeleteMailAddressRequest({ mailAddressId }));
    const after = await client().queryMailAddressByParam(
      new dm.QueryMailAddressByParamRequest({ keyWord: address }),
    );
    expect(after.body?.data?.mailAddress ?? []).toEqual([]);
  });

  it('CreateUserSuppression, ListUserSuppression and RemoveUserSuppression', async () => {
    const address = `blocked-${lower}@example.com`;
    const created = await client().createUserSuppression(
      new dm.CreateUserSuppressionRequest({ address }),
    );
    const listed = await client().listUserSuppression(
      new dm.ListUserSuppressionRequest({ address, pageNo: 1, pageSize: 10 }),
    );
    expect(listed.body?.data?.userSuppressions).toEqual([
      // The SDK models the id as a string on create and a number on list.
      expect.objectContaining({ address, suppressionId: Number(created.body?.suppressionId) }),
    ]);
    await client().removeUserSuppression(
      new dm.RemoveUserSuppressionRequest({ suppressionIds: created.body?.suppressionId }),
    );
    const after = await client().listUserSuppression(
      new dm.ListUserSuppressionRequest({ address, pageNo: 1, pageSize: 10 }),
    );
    expect(after.body?.data?.userSuppressions ?? []).toEqual([]);
  });

  it('SenderStatisticsByTagNameAndBatchID counts what was sent, by outcome', async () => {
    const tagName = `res${lower}`;
    await client().createTag(new dm.CreateTagRequest({ tagName }));
    for (const to of ['ok@example.com', 'bounce@example.com']) {
      await client().singleSendMail(
        new dm.SingleSendMailRequest({
          accountName: 'noreply@mail.example.com',
          addressType: 1,
          replyToAddress: false,
          toAddress: to,
          subject: 'stats',
          textBody: 'x',
          tagName,
        }),
      );
    }
    const day = utcDay(emu.now());
    const stats = await client().senderStatisticsByTagNameAndBatchID(
      new dm.SenderStatisticsByTagNameAndBatchIDRequest({ startTime: day, endTime: day, tagName }),
    );
    expect(stats.body?.data?.stat).toEqual([
      expect.objectContaining({
        createTime: day,
        requestCount: '2',
        successCount: '1',
        unavailableCount: '1',
      }),
    ]);
  });
});

describe('Tencent SES resources through tencentcloud-sdk-nodejs-ses', () => {
  const client = () => {
    const key = emu.credentials.tencent[0];
    return new ses.v20201002.Client({
      credential: { secretId: key?.id ?? '', secretKey: key?.secret ?? '' },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: emu.host, protocol: 'http://', reqTimeout: 10 } },
    });
  };

  it('CreateEmailIdentity, GetEmailIdentity and DeleteEmailIdentity', async () => {
    const created = await client().CreateEmailIdentity({ EmailIdentity: 'tc.example.org' });
    expect(created).toMatchObject({ IdentityType: 'DOMAIN', VerifiedForSendingStatus: false });
    expect(created.Attributes?.length).toBeGreaterThan(0);
    const one = await client().GetEmailIdentity({ EmailIdentity: 'tc.example.org' });
    expect(one.Attributes).toEqual(created.Attributes);
    await client().DeleteEmailIdentity({ EmailIdentity: 'tc.example.org' });
    const ids = await client().ListEmailIdentities({});
    expect(ids.EmailIdentities?.map((i) => i.IdentityName)).not.toContain('tc.example.org');
  });

  it('CreateEmailAddress and DeleteEmailAddress, seen by ListEmailAddress', async () => {
    await client().CreateEmailAddress({
      EmailAddress: 'hello@mail.example.com',
      EmailSenderName: 'Shop',
    });
    const listed = await client().ListEmailAddress();
    expect(listed.EmailSenders).toContainEqual(
      expect.objectContaining({ EmailAddress: 'hello@mail.example.com', EmailSenderName: 'Shop' }),
    );
    await client().DeleteEmailAddress({ EmailAddress: 'hello@mail.example.com' });
    const after = await client().ListEmailAddress();
    expect(after.EmailSenders?.map((s) => s.EmailAddress)).not.toContain('hello@mail.example.com');
  });

  it('CreateCustomBlacklist, ListCustomBlacklist and DeleteCustomBlackList', async () => {
    await client().CreateCustomBlacklist({ Emails: ['x@example.com', 'y@example.com'] });
    const listed = await client().ListCustomBlacklist({ Offset: 0, Limit: 10, Status: 1 });
    expect(listed.Data?.map((e) => e.Email).sort()).toEqual(['x@example.com', 'y@example.com']);
    await client().DeleteCustomBlackList({ Emails: ['x@example.com'] });
    const after = await client().ListCustomBlacklist({ Offset: 0, Limit: 10, Status: 1 });
    expect(after.Data?.map((e) => e.Email)).toEqual(['y@example.com']);
  });

  it('GetStatisticsReport counts what was sent, by outcome', async () => {
    emu.clearOutbox();
    for (const to of ['ok@example.com', 'bounce@example.com', 'other@example.com']) {
      await client().SendEmail({
        FromEmailAddress: 'noreply@mail.example.com',
        Destination: [to],
        Subject: 'stats',
        Template: { TemplateID: 100001, TemplateData: JSON.stringify({ name: 'S' }) },
      });
    }
    const day = cstDay(emu.now());
    const report = await client().GetStatisticsReport({ StartDate: day, EndDate: day });
    expect(report.DailyVolumes).toEqual([
      expect.objectContaining({
        SendDate: day,
        RequestCount: 3,
        DeliveredCount: 2,
        BounceCount: 1,
      }),
    ]);
    expect(report.OverallVolume).toMatchObject({ RequestCount: 3, BounceCount: 1 });
  });
});
