/**
 * Send one message. A mailer is `createMailer(adapter(config))`; here the adapter is Tencent
 * Cloud SES pointed at the emulator this program starts, with the emulator's generated key
 * (against the real service, leave out `endpoint` and `credentials`: the key then comes from
 * `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY`). Tencent accounts are template-only by
 * default, so the message names a stored template by its numeric id and fills its `{{name}}`.
 * The result carries the provider's message id and how many attempts the send took.
 *
 * Run: `node --import tsx examples/send-one.ts`
 */
import { createMailer } from '@mailbridge/core';
import { startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';

const emu = await startEmulator();
const [key] = emu.credentials.tencent;
if (!key) throw new Error('the emulator made no Tencent key');

const mailer = createMailer(
  tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: key }),
);
try {
  const result = await mailer.send({
    from: 'Shop <noreply@mail.example.com>',
    to: 'ann@example.com',
    subject: 'Welcome',
    template: { id: 100001, data: { name: 'Ann' } },
  });
  console.log(`sent: ${result.messageId} (${result.provider}, ${result.attempts} attempt)`);
  for (const copy of emu.outbox) console.log(`delivered to ${copy.to}: ${copy.html ?? ''}`);
} finally {
  await mailer.close();
  await emu.close();
}
