/**
 * The error model in five cases. Every failure is a `MailError` with a `code`, `retryable` and
 * `delivery`: `not_sent` means the provider certainly did not accept the message (retrying is
 * safe, and the mailer already did so for throttling), `unknown` means it may have gone out
 * (sending again may duplicate it, so the mailer does not blindly retry). DirectMail refuses a
 * reused signature nonce, so after a dropped connection the mailer replays the identical
 * signed request: the refusal proves the first copy arrived, and the send is reported as
 * `unknown` with exactly one copy delivered. Bad input is `invalid_input` with `issues`, and a
 * field the provider cannot honour is `unsupported`; both fail before any request.
 *
 * Run: `node --import tsx examples/errors-and-retries.ts`
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import {
  createMailer,
  isMailError,
  type MailError,
  type MessageInput,
  type RetryEvent,
} from '@mailbridge/core';
import { startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';

const emu = await startEmulator();
const [tencentKey] = emu.credentials.tencent;
const [aliyunKey] = emu.credentials.aliyun;
if (!tencentKey || !aliyunKey) throw new Error('the emulator made no keys');

const retry = { minDelayMs: 50, maxDelayMs: 200 };
const hooks = {
  onRetry: (e: RetryEvent) =>
    console.log(
      `  retry after attempt ${e.attempt} of ${e.action}: ${e.error.code}${e.replay ? ' (identical replay)' : ''}`,
    ),
};
const tencent = createMailer(
  tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: tencentKey }),
  { retry, hooks },
);
const directMail = createMailer(
  aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: aliyunKey }),
  { retry, hooks },
);
const welcome = (to: string): MessageInput => ({
  from: 'noreply@mail.example.com',
  to,
  subject: 'Welcome',
  template: { id: 100001, data: { name: 'Ann' } },
});
const copiesTo = (to: string) => emu.outbox.filter((m) => m.to === to).length;

/** Run a send that should fail and print its error's fields. */
async function expectFailure(title: string, send: () => Promise<unknown>): Promise<MailError> {
  console.log(title);
  try {
    await send();
  } catch (error) {
    if (!isMailError(error)) throw error;
    const { code, retryable, delivery, attempts, providerCode } = error;
    console.log(
      `  MailError ${JSON.stringify({ code, retryable, delivery, attempts, providerCode })}`,
    );
    console.log(`  ${error.message}`);
    return error;
  }
  throw new Error(`${title}: expected a MailError`);
}

try {
  console.log('1. Throttled twice (not_sent): retried, delivered once');
  emu.inject({
    provider: 'tencent-ses',
    action: 'SendEmail',
    count: 2,
    fault: { kind: 'error', code: 'RequestLimitExceeded' },
  });
  const sent = await tencent.send(welcome('throttled@example.com'));
  console.log(
    `  sent after ${sent.attempts} attempts; copies: ${copiesTo('throttled@example.com')}`,
  );

  emu.inject({ provider: 'tencent-ses', action: 'SendEmail', fault: { kind: 'drop' } });
  await expectFailure('2. Tencent: connection dropped after the send was processed (unknown)', () =>
    tencent.send(welcome('dropped@example.com')),
  );
  console.log(`  not retried; copies actually delivered: ${copiesTo('dropped@example.com')}`);

  emu.inject({ provider: 'aliyun-dm', action: 'SingleSendMail', fault: { kind: 'drop' } });
  await expectFailure('3. DirectMail: dropped, then the identical request replayed (unknown)', () =>
    directMail.send({
      from: 'noreply@mail.example.com',
      to: 'replayed@example.com',
      subject: 'Receipt',
      text: 'Thank you',
    }),
  );
  console.log(`  copies delivered: ${copiesTo('replayed@example.com')} (never two)`);

  const bad = await expectFailure('4. Bad input (invalid_input, before any request)', () =>
    tencent.send({ ...welcome('ann@example.com'), to: ['ann@example.com', 'not-an-address'] }),
  );
  for (const issue of bad.issues)
    console.log(`  issue at ${issue.path.join('.')}: ${issue.message}`);

  await expectFailure('5. A field DirectMail cannot honour (unsupported, before any request)', () =>
    directMail.send({
      from: 'noreply@mail.example.com',
      to: 'ann@example.com',
      cc: 'bo@example.com',
      subject: 'Hi',
      text: 'Hello',
    }),
  );
} finally {
  await tencent.close();
  await directMail.close();
  await emu.close();
}
