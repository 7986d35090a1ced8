/**
 * Setting a sender's SMTP password through the raw clients (DirectMail ModifyMailAddress,
 * Tencent UpdateEmailSmtpPassWord) sends the password as a request parameter. It is a
 * credential like the AccessKey secret: hook payloads must not show it, nor an error whose
 * message quotes the request back. Against the live emulator with both adapters.
 */
import { inspect } from 'node:util';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailerFor, TARGETS } from './targets.js';

const PASSWORD = 'Xy12Zw34Qr';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const calls = {
  'aliyun-dm': (raw: Record<string, (params: object) => Promise<unknown>>) =>
    raw['ModifyMailAddress']!({ MailAddressId: 1, Password: PASSWORD }),
  'tencent-ses': (raw: Record<string, (params: object) => Promise<unknown>>) =>
    raw['UpdateEmailSmtpPassWord']!({
      EmailAddress: 'noreply@mail.example.com',
      Password: PASSWORD,
    }),
} as const;

for (const target of TARGETS) {
  describe(`${target.id}: an SMTP password set through the raw client`, () => {
    it('is not in any hook payload', async () => {
      const payloads: string[] = [];
      const record = (event: unknown) => void payloads.push(inspect(event, { depth: 10 }));
      const mailer = mailerFor(target, {
        endpoint: emu.url,
        credentials: () => target.key(emu),
        options: { hooks: { onRequest: record, onResponse: record, onError: record } },
      });
      await calls[target.id](mailer.raw as never).catch(() => undefined);
      await mailer.close();
      expect(payloads.length).toBeGreaterThan(0);
      expect(payloads.join('\n')).toContain('[redacted]');
      for (const text of payloads) expect(text).not.toContain(PASSWORD);
    });
  });
}
