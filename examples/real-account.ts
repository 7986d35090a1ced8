/**
 * Send one real message through your own account. Credentials come from the providers'
 * official environment variables (`TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY`, or
 * `ALIBABA_CLOUD_ACCESS_KEY_ID` / `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, each with its optional
 * session token), the sender and recipient from `MAILBRIDGE_FROM` and `MAILBRIDGE_TO`, and,
 * because Tencent accounts are template-only by default, an approved template from
 * `MAILBRIDGE_TEMPLATE_ID` (with `MAILBRIDGE_TEMPLATE_DATA` as a JSON object). `MAILBRIDGE_REGION`
 * overrides the default region and `MAILBRIDGE_ENDPOINT` the endpoint (the tests point it at the
 * emulator). When something is missing it prints what it needs and exits 0 without sending
 * anything, so it is safe to run anywhere.
 *
 * Run: `TENCENTCLOUD_SECRET_ID=… TENCENTCLOUD_SECRET_KEY=… MAILBRIDGE_FROM=noreply@your.domain \
 *       MAILBRIDGE_TO=you@example.com MAILBRIDGE_TEMPLATE_ID=12345 node --import tsx examples/real-account.ts`
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, fromConfig, isMailError, type MessageInput } from '@mailbridge/core';
import { tencentSes } from '@mailbridge/tencent-ses';

const env = process.env;
const tencent = Boolean(env.TENCENTCLOUD_SECRET_ID && env.TENCENTCLOUD_SECRET_KEY);
const aliyun = Boolean(env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);

/** What is missing for a real send, as lines to print; empty when everything is there. */
function missing(): string[] {
  const needs: string[] = [];
  if (!tencent && !aliyun) {
    needs.push(
      'credentials: TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY (Tencent Cloud SES)',
      '         or: ALIBABA_CLOUD_ACCESS_KEY_ID + ALIBABA_CLOUD_ACCESS_KEY_SECRET (DirectMail)',
    );
  }
  if (!env.MAILBRIDGE_FROM) needs.push('MAILBRIDGE_FROM: a sender address verified in the console');
  if (!env.MAILBRIDGE_TO) needs.push('MAILBRIDGE_TO: where to send the test message');
  if (tencent && !env.MAILBRIDGE_TEMPLATE_ID) {
    needs.push(
      'MAILBRIDGE_TEMPLATE_ID: an approved Tencent SES template id (accounts are template-only)',
    );
  }
  return needs;
}

const needs = missing();
if (needs.length > 0) {
  console.log('real-account: not sending; this example needs:');
  for (const line of needs) console.log(`  ${line}`);
  console.log(
    'optional: MAILBRIDGE_REGION, MAILBRIDGE_TEMPLATE_DATA (JSON object), *_SESSION_TOKEN',
  );
} else {
  const config = {
    provider: tencent ? 'tencent-ses' : 'aliyun-dm',
    region: env.MAILBRIDGE_REGION ?? (tencent ? 'ap-guangzhou' : 'cn-hangzhou'),
    ...(env.MAILBRIDGE_ENDPOINT ? { endpoint: env.MAILBRIDGE_ENDPOINT } : {}),
  };
  const mailer = createMailer(fromConfig(config, [aliyunDm, tencentSes]));
  const base = {
    from: env.MAILBRIDGE_FROM ?? '',
    to: env.MAILBRIDGE_TO ?? '',
    subject: 'mailbridge test',
  };
  const message: MessageInput = tencent
    ? {
        ...base,
        template: {
          id: Number(env.MAILBRIDGE_TEMPLATE_ID),
          data: JSON.parse(env.MAILBRIDGE_TEMPLATE_DATA ?? '{}') as Record<string, string>,
        },
      }
    : { ...base, text: 'Sent by examples/real-account.ts of mailbridge.' };
  try {
    const result = await mailer.send(message);
    console.log(
      `${result.provider}: sent ${result.messageId} (request ${result.requestId ?? '-'})`,
    );
  } catch (error) {
    if (!isMailError(error)) throw error;
    console.error(
      `${error.provider ?? config.provider}: ${error.code} (${error.delivery}): ${error.message}`,
    );
    process.exitCode = 1;
  } finally {
    await mailer.close();
  }
}
