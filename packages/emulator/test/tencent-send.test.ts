import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { b64, sendBody, tc, tcOk } from './helpers/tencent-sign.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: { tencent: { senders: ['news@mail.example.com'] } } });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

describe('Tencent SendEmail', () => {
  it('renders the template per recipient and records one copy per To/Cc/Bcc address', async () => {
    const r = await tcOk(
      emu,
      'SendEmail',
      sendBody({
        Destination: ['a@example.com', 'b@example.com'],
        Cc: ['c@example.com'],
        Bcc: ['d@example.com'],
        ReplyToAddresses: 'help@example.com',
      }),
    );
    expect(r.MessageId).toMatch(/^qcloudses-30-\d{10}-date-\d{14}-[A-Za-z0-9]{12}$/);
    expect(r.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emu.outbox.map((e) => e.to)).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
      'd@example.com',
    ]);
    const first = emu.outbox[0]!;
    expect(first).toMatchObject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      from: 'noreply@mail.example.com',
      fromName: 'Shop',
      subject: 'Welcome Ann',
      html: '<p>Hello Ann</p>',
      text: 'Hello Ann',
      templateId: '100001',
      cc: ['c@example.com'],
      bcc: ['d@example.com'],
      replyTo: 'help@example.com',
      messageId: r.MessageId,
      requestId: r.RequestId,
    });
    expect(emu.requests['tencent-ses'].SendEmail).toBe(1);
  });

  it('embeds the UTC+8 emulator date in the MessageId and answers GetSendEmailStatus from the outbox', async () => {
    emu.setTime(Date.UTC(2030, 0, 1, 17, 30, 0)); // 2030-01-02 01:30:00 in UTC+8
    const r = await tcOk(emu, 'SendEmail', sendBody());
    expect(r.MessageId).toContain('-date-20300102013000-');
    const status = await tcOk(emu, 'GetSendEmailStatus', {
      RequestDate: '2030-01-02',
      Offset: 0,
      Limit: 10,
      MessageId: r.MessageId,
    });
    expect(status.EmailStatusList).toEqual([
      expect.objectContaining({
        MessageId: r.MessageId,
        ToEmailAddress: 'ann@example.com',
        FromEmailAddress: 'noreply@mail.example.com',
        SendStatus: 0,
        DeliverStatus: 1,
      }),
    ]);
    const otherDay = await tcOk(emu, 'GetSendEmailStatus', {
      RequestDate: '2030-01-01',
      Offset: 0,
      Limit: 10,
    });
    expect(otherDay.EmailStatusList).toEqual([]);
    emu.setTime(Date.now());
  });

  it('accepts Simple bodies only when the seed allows it', async () => {
    const simple = sendBody({
      Template: undefined,
      Simple: { Html: b64('<b>hi</b>'), Text: b64('hi') },
    });
    const refused = await tc(emu, 'SendEmail', simple);
    expect(refused.Error?.Code).toBe('FailedOperation.WithOutPermission');
    emu.seed({ tencent: { allowSimple: true } });
    await tcOk(emu, 'SendEmail', simple);
    expect(emu.outbox.at(-1)).toMatchObject({ html: '<b>hi</b>', text: 'hi' });
  });

  it('records attachments by name and decoded size', async () => {
    await tcOk(
      emu,
      'SendEmail',
      sendBody({ Attachments: [{ FileName: 'a.txt', Content: b64('hello') }] }),
    );
    expect(emu.outbox[0]?.attachments).toEqual([{ name: 'a.txt', size: 5 }]);
  });

  it('lists identities and sender addresses from the seed', async () => {
    const ids = await tcOk(emu, 'ListEmailIdentities', {});
    expect(ids.EmailIdentities).toEqual([
      expect.objectContaining({
        IdentityName: 'mail.example.com',
        IdentityType: 'DOMAIN',
        SendingEnabled: true,
      }),
    ]);
    const senders = await tcOk(emu, 'ListEmailAddress', {});
    expect(
      (senders.EmailSenders as { EmailAddress: string }[]).map((s) => s.EmailAddress).sort(),
    ).toEqual(['news@mail.example.com', 'noreply@mail.example.com']);
  });
});
