/**
 * An AccessKey / SecretId the emulator does not know, through each official SDK unchanged:
 * DirectMail answers `InvalidAccessKeyId.NotFound` whichever way the SDK signs
 * (docs/providers/aliyun-dm.md "Error codes"),
 * Tencent SES `AuthFailure.SecretIdNotFound` (docs/providers/tencent-ses.md "Error classification");
 * nothing is sent.
 */
import DmModule, * as dm from '@alicloud/dm20151123';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import PopCore from '@alicloud/pop-core';
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

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  return 'no error';
}

describe('an unknown key through the official SDKs', () => {
  it.each([
    ['V3', undefined],
    ['v2', 'v2'],
  ] as const)('dm20151123 (%s): InvalidAccessKeyId.NotFound', async (_label, algorithm) => {
    const client = new DmClient(
      new $OpenApiUtil.Config({
        accessKeyId: 'LTAInobodyknows',
        accessKeySecret: 'whatever',
        endpoint: emu.host,
        protocol: 'http',
        ...(algorithm && { signatureAlgorithm: algorithm }),
      }),
    );
    expect(await codeOf(client.descAccountSummary(new dm.DescAccountSummaryRequest({})))).toBe(
      'InvalidAccessKeyId.NotFound',
    );
  });

  it('pop-core: InvalidAccessKeyId.NotFound, and nothing is sent', async () => {
    const pop = new PopCore({
      accessKeyId: 'LTAInobodyknows',
      accessKeySecret: 'whatever',
      endpoint: emu.url,
      apiVersion: '2015-11-23',
    });
    const call = pop.request(
      'SingleSendMail',
      {
        AccountName: 'noreply@mail.example.com',
        AddressType: 1,
        ReplyToAddress: 'false',
        ToAddress: 'a@example.com',
        Subject: 'unknown key',
        TextBody: 'x',
      },
      { method: 'POST' },
    );
    expect(await codeOf(call)).toBe('InvalidAccessKeyId.NotFound');
    expect(emu.outbox).toHaveLength(0);
  });

  it('tencentcloud-sdk-nodejs-ses: AuthFailure.SecretIdNotFound, and nothing is sent', async () => {
    const client = new ses.v20201002.Client({
      credential: { secretId: 'AKIDnobodyknows', secretKey: 'whatever' },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: emu.host, protocol: 'http://', reqTimeout: 10 } },
    });
    const call = client.SendEmail({
      FromEmailAddress: 'noreply@mail.example.com',
      Destination: ['a@example.com'],
      Subject: 'unknown key',
      Template: { TemplateID: 100001, TemplateData: JSON.stringify({ name: 'A' }) },
    });
    expect(await codeOf(call)).toBe('AuthFailure.SecretIdNotFound');
    expect(emu.outbox).toHaveLength(0);
  });
});
