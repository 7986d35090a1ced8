/**
 * The request journal (inbox page, `/__emulator/requests`, the console line) keeps requests
 * "signature redacted". An SMTP password set through the API (Tencent UpdateEmailSmtpPassWord,
 * a JSON body; DirectMail ModifyMailAddress, a form body) is a credential too: it must not be
 * kept either.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Emulator, type RequestRecord, startEmulator } from '../src/index.js';
import { rawRequest, tc } from './helpers/tencent-sign.js';

const PASSWORD = 'Xy12Zw34Qr';

let emu: Emulator;
const seen: RequestRecord[] = [];
beforeAll(async () => {
  emu = await startEmulator();
  emu.onRequest((r) => seen.push(r));
});
afterAll(async () => {
  await emu?.close();
});

it('keeps no SMTP password from a JSON or a form body', async () => {
  await tc(emu, 'UpdateEmailSmtpPassWord', {
    EmailAddress: 'noreply@mail.example.com',
    Password: PASSWORD,
  });
  const form = `Action=ModifyMailAddress&Format=JSON&MailAddressId=1&Password=${PASSWORD}`;
  await rawRequest(
    emu,
    'POST',
    '/',
    { host: emu.host, 'content-type': 'application/x-www-form-urlencoded' },
    form,
  );
  const listed = (await rawRequest(emu, 'GET', '/__emulator/requests', {})).text;
  expect(listed).toContain('UpdateEmailSmtpPassWord');
  expect(listed).toContain('ModifyMailAddress');
  expect(listed).not.toContain(PASSWORD);
  expect(JSON.stringify(seen)).not.toContain(PASSWORD);
  expect(seen).toHaveLength(2);
});
