/**
 * Unit-test your own mail code without a network or an emulator. `createTestingProvider` from
 * `@mailbridge/core/testing` is an in-memory provider with an outbox and injectable faults; it
 * runs the real pipeline (validation, capability checks, signing per attempt, retries, hooks),
 * only HTTP is replaced. Give it the capabilities of the provider you deploy to (here: no `cc`)
 * and the test fails the way production would. This file runs its checks with `node:assert`
 * so it can be executed directly; in a project the same lines sit in vitest or node:test cases.
 *
 * Run: `node --import tsx examples/unit-testing-with-the-testing-provider.ts`
 */
import assert from 'node:assert/strict';
import { createMailer, isMailError, type Mailer } from '@mailbridge/core';
import {
  assertNothingSent,
  assertSent,
  createTestingProvider,
  waitForMessage,
} from '@mailbridge/core/testing';

/** The application code under test: it only sees a `Mailer`. */
async function sendPasswordReset(mailer: Mailer, user: { email: string; name: string }) {
  return mailer.send({
    from: 'Shop <noreply@example.com>',
    to: user.email,
    subject: 'Reset your password',
    text: `Hello ${user.name}, follow the link to reset your password.`,
  });
}

// 1. The message goes out once, with what the application put in it.
const testing = createTestingProvider();
const mailer = createMailer(testing, { retry: { minDelayMs: 1, maxDelayMs: 5 } });
await sendPasswordReset(mailer, { email: 'ann@example.com', name: 'Ann' });
const [sent] = assertSent(testing, { to: 'ann@example.com', subject: /reset/i }, { times: 1 });
assert.match(sent?.text ?? '', /Hello Ann/);
console.log('ok: one reset mail to ann@example.com');

// 1b. Code that sends in the background: wait for the message instead of sleeping.
setTimeout(() => void sendPasswordReset(mailer, { email: 'dee@example.com', name: 'Dee' }), 20);
await waitForMessage(testing, { to: 'dee@example.com' }, { timeoutMs: 2_000 });
console.log('ok: background reset mail to dee@example.com arrived');

// 2. A throttled provider is retried and still delivers exactly once.
testing.reset();
testing.inject({ action: 'send', count: 2, kind: 'error', code: 'rate_limited', retryable: true });
const result = await sendPasswordReset(mailer, { email: 'bo@example.com', name: 'Bo' });
assert.equal(result.attempts, 3);
assert.equal(testing.outbox.length, 1);
console.log(`ok: throttled twice, delivered once after ${result.attempts} attempts`);

// 3. An ambiguous failure surfaces as delivery 'unknown', so the app can avoid a duplicate.
testing.reset();
testing.inject({ action: 'send', kind: 'drop' });
const dropped = await sendPasswordReset(mailer, { email: 'cy@example.com', name: 'Cy' }).then(
  () => undefined,
  (error: unknown) => error,
);
assert.ok(isMailError(dropped) && dropped.delivery === 'unknown');
console.log(`ok: dropped connection reported as ${dropped.code}, delivery ${dropped.delivery}`);

// 4. Capabilities like the deployed provider's: a cc is refused before anything is sent.
const noCc = createTestingProvider({
  capabilities: {
    recipients: { to: 100, cc: 0, bcc: 2, toVisibleToEachOther: false, bccMayOverlapTo: false },
  },
});
const strict = createMailer(noCc);
await assert.rejects(
  strict.send({
    from: 'a@example.com',
    to: 'b@example.com',
    cc: 'c@example.com',
    subject: 's',
    text: 't',
  }),
  (error: unknown) => isMailError(error) && error.code === 'unsupported',
);
assertNothingSent(noCc);
console.log('ok: cc refused as unsupported, nothing sent');

await mailer.close();
await strict.close();
