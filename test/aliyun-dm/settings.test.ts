/**
 * The seed actions the emulator now keeps state for (tags after creation, IP protection, the
 * sender callback URL), through the typed raw client: what one call changes, the next one reads.
 */
import { type AliyunDmClient, createAliyunDmClient } from '@mailbridge/aliyun-dm';
import { isMailError } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SECRET = 'settings-secret-0123456789abcdef';
let emu: Emulator;
let raw: AliyunDmClient;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [{ id: 'LTAIsettings', secret: SECRET }] });
  raw = createAliyunDmClient(
    {
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAIsettings', secret: SECRET },
    },
    { mailer: { rateLimits: false, retry: { minDelayMs: 1, maxDelayMs: 5 } } },
  );
});
afterAll(async () => {
  await emu?.close();
});

const providerCode = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => (isMailError(error) ? error.providerCode : String(error)),
  );

describe('tags', () => {
  it('renames and deletes a tag; an unknown id is InvalidParameter', async () => {
    const { TagId } = await raw.CreateTag({ TagName: 'before_rename' });
    expect(TagId).toBeDefined();
    await raw.ModifyTag({ TagId: TagId as string, TagName: 'after-rename', TagDescription: 'd' });
    const names = async () =>
      (await raw.QueryTagByParam({ PageSize: 100 })).data?.tag?.map((t) => t.TagName) ?? [];
    expect(await names()).toContain('after-rename');
    expect(await names()).not.toContain('before_rename');
    await raw.DeleteTag({ TagId: TagId as string });
    expect(await names()).not.toContain('after-rename');
    expect(await providerCode(raw.DeleteTag({ TagId: TagId as string }))).toBe('InvalidParameter');
  });
});

describe('IP protection', () => {
  it('turns on and off', async () => {
    await raw.UpdateIpProtection({ IpProtection: '1' });
    expect((await raw.GetIpProtection({})).IpProtection).toBe('1');
    await raw.UpdateIpProtection({ IpProtection: '0' });
    expect((await raw.GetIpProtection({})).IpProtection).toBe('0');
  });

  it('keeps an allow-list of addresses, ranges and CIDR blocks', async () => {
    for (const ip of ['192.0.2.7', '192.0.2.1-192.0.2.9', '198.51.100.0/24']) {
      await raw.AddIpfilter({ IpAddress: ip });
    }
    const list = await raw.GetIpfilterList({});
    const entries = list.data?.ipfilters ?? [];
    expect(entries.map((f) => f.IpAddress)).toEqual([
      '192.0.2.7',
      '192.0.2.1-192.0.2.9',
      '198.51.100.0/24',
    ]);
    await raw.DeleteIpfilterByEdmId({ Id: entries[0]?.Id as string });
    expect((await raw.GetIpfilterList({})).data?.ipfilters).toHaveLength(2);
    expect(await providerCode(raw.AddIpfilter({ IpAddress: '300.1.1.1' }))).toBe(
      'InvalidParameter',
    );
  });
});

describe('sender callback URL', () => {
  it('is set per sender address and read back; an unknown sender is not found', async () => {
    const MailFrom = 'noreply@mail.example.com';
    expect(await raw.GetMailAddressMsgCallBackUrl({ MailFrom })).toMatchObject({
      NotifyUrlStatus: '0',
    });
    await raw.UpdateMailAddressMsgCallBackUrl({
      MailFrom,
      NotifyUrl: 'https://hooks.example.com/dm',
    });
    expect(await raw.GetMailAddressMsgCallBackUrl({ MailFrom })).toMatchObject({
      NotifyUrl: 'https://hooks.example.com/dm',
      NotifyUrlStatus: '1',
    });
    expect(
      await providerCode(raw.GetMailAddressMsgCallBackUrl({ MailFrom: 'nobody@nowhere.example' })),
    ).toBe('InvalidMailAddress.NotFound');
  });
});
