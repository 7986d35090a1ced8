/**
 * Choose the provider by configuration, not code. `sendReceipt` below is the application: it
 * builds its mailer from one value that comes from outside, a URL such as
 * `tencent-ses://ap-guangzhou` or `aliyun-dm://cn-hangzhou` (query keys are config keys, e.g.
 * `?timeoutMs=5000`), resolved by `fromConfig` against the adapters that are installed.
 * Credentials never go in the URL: they come from each provider's official environment
 * variables. With `MAIL_URL` set (and those variables), the program sends through that
 * provider; without it, it starts the emulator and runs the same function against both.
 *
 * Run: `node --import tsx examples/swap-by-config.ts`
 * or:  `MAIL_URL='tencent-ses://ap-guangzhou?endpoint=http://127.0.0.1:8025&allowRawContent=true' \
 *       TENCENTCLOUD_SECRET_ID=… TENCENTCLOUD_SECRET_KEY=… node --import tsx examples/swap-by-config.ts`
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, fromConfig } from '@mailbridge/core';
import { startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';

/** The application code: nothing in it names a provider. */
async function sendReceipt(url: string, to: string): Promise<void> {
  const mailer = createMailer(fromConfig(url, [aliyunDm, tencentSes]));
  try {
    const result = await mailer.send({
      from: process.env.MAILBRIDGE_FROM ?? 'Shop <noreply@mail.example.com>',
      to,
      subject: 'Your receipt',
      html: '<p>Thank you for your order.</p>',
      text: 'Thank you for your order.',
    });
    console.log(`${mailer.provider}: sent ${result.messageId}`);
  } finally {
    await mailer.close();
  }
}

const configured = process.env.MAIL_URL;
if (configured) {
  console.log(`MAIL_URL=${configured}`);
  await sendReceipt(configured, process.env.MAILBRIDGE_TO ?? 'ann@example.com');
} else {
  // The emulator's Tencent account may send raw html/text (real accounts are template-only
  // until Tencent grants it), so the same message suits both providers.
  const emu = await startEmulator({ seed: { tencent: { allowSimple: true } } });
  const [tencentKey] = emu.credentials.tencent;
  const [aliyunKey] = emu.credentials.aliyun;
  if (!tencentKey || !aliyunKey) throw new Error('the emulator made no keys');
  process.env.TENCENTCLOUD_SECRET_ID = tencentKey.id;
  process.env.TENCENTCLOUD_SECRET_KEY = tencentKey.secret;
  process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = aliyunKey.id;
  process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = aliyunKey.secret;
  delete process.env.TENCENTCLOUD_SESSION_TOKEN;
  delete process.env.ALIBABA_CLOUD_SECURITY_TOKEN;
  try {
    for (const url of [
      `tencent-ses://ap-guangzhou?endpoint=${emu.url}&allowRawContent=true`,
      `aliyun-dm://cn-hangzhou?endpoint=${emu.url}`,
    ]) {
      console.log(`MAIL_URL=${url}`);
      await sendReceipt(url, 'ann@example.com');
    }
  } finally {
    await emu.close();
  }
}
