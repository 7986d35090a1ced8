/**
 * The outbox assertions of `@mailbridge/core/testing` (Laravel `Mail::fake`, Upyo's mock): to
 * whom, how many, nothing sent, waiting for a background send; and `testing://` through
 * `fromConfig`. Failures list what was sent, so the test output explains itself.
 */
import { describe, expect, it } from 'vitest';
import { createMailer, fromConfig } from '../src/index.js';
import { rejectedMailError } from '../src/testing/mail-errors.js';
import {
  assertNothingSent,
  assertNotSent,
  assertSent,
  assertSentCount,
  createTestingProvider,
  sentMessages,
  testing,
  waitForMessage,
} from '../src/testing/testing.js';

const mail = (to: string, subject = 'Welcome') => ({
  from: 'Shop <noreply@example.com>',
  to,
  subject,
  text: 'Hello',
});

describe('testing assertions', () => {
  it('say to whom and how many, and list what was sent when they fail', async () => {
    const provider = createTestingProvider();
    const mailer = createMailer(provider);
    assertNothingSent(provider);
    await mailer.send(mail('ann@example.com'));
    await mailer.send(mail('bob@example.com', 'Receipt 42'));
    expect(assertSent(provider, { to: 'ANN@example.com', subject: /welcome/i })).toHaveLength(1);
    assertSent(provider, { to: 'bob@example.com' }, { times: 1 });
    assertSentCount(provider, 2);
    assertNotSent(provider, { to: 'carol@example.com' });
    expect(sentMessages(provider, (e) => e.subject.startsWith('Receipt'))).toHaveLength(1);
    expect(() => assertSent(provider, { to: 'carol@example.com' })).toThrow(
      /expected a message with to carol@example.com to be sent at least once, found 0; sent \(2\):\n {2}- send to ann@example.com: "Welcome"/,
    );
    expect(() => assertNothingSent(provider)).toThrow(/sent \(2\)/);
    expect(() => assertSentCount(provider, 3)).toThrow(/expected 3 message\(s\) sent, found 2/);
    expect(() => assertNotSent(provider, { to: 'ann@example.com' })).toThrow(/not to be sent/);
    expect(() => assertSent(provider, { to: 'ann@example.com' }, { times: 2 })).toThrow(
      /2 time\(s\), found 1/,
    );
  });

  it('waitForMessage resolves when a background send lands, and times out naming what was sent', async () => {
    const provider = createTestingProvider();
    const mailer = createMailer(provider);
    setTimeout(() => void mailer.send(mail('late@example.com')), 50);
    const entry = await waitForMessage(provider, { to: 'late@example.com' }, { timeoutMs: 5_000 });
    expect(entry.to).toEqual(['late@example.com']);
    await expect(
      waitForMessage(provider, { to: 'never@example.com' }, { timeoutMs: 100 }),
    ).rejects.toThrow(
      /expected a message with to never@example.com to be sent within 100 ms; sent \(1\)/,
    );
  });

  it('refuses a provider that is not a testing provider', () => {
    const fake = { id: 'aliyun-dm' } as Parameters<typeof assertNothingSent>[0];
    expect(() => assertNothingSent(fake)).toThrow(/expected a testing provider/);
  });
});

describe('testing:// through fromConfig', () => {
  it('selects the testing provider by configuration, URL or object', async () => {
    const provider = fromConfig('testing://?id=app-tests', [testing]);
    expect(provider.id).toBe('app-tests');
    await createMailer(provider).send(mail('ann@example.com'));
    assertSent(provider, { to: 'ann@example.com' }, { times: 1 });
    expect(fromConfig({ provider: 'testing', keepOutbox: false }, [testing]).id).toBe('testing');
  });

  it('refuses unknown keys and a host, naming them', async () => {
    const unknown = await rejectedMailError(
      Promise.resolve().then(() => fromConfig('testing://?keepOutbx=1', [testing])),
    );
    expect(unknown.message).toContain("unknown key 'keepOutbx'");
    const host = await rejectedMailError(
      Promise.resolve().then(() => fromConfig('testing://ses', [testing])),
    );
    expect(host.message).toContain('no host');
  });
});

describe('fromConfig without a provider key', () => {
  it('names the missing key, the likely typo and the installed providers', async () => {
    const error = await rejectedMailError(
      Promise.resolve().then(() => fromConfig({ providr: 'testing' } as never, [testing])),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      "mailbridge config: no 'provider' key (unknown key 'providr': did you mean 'provider'?); name one of the installed providers: testing",
    );
    expect(error.issues[0]?.path).toEqual(['provider']);
  });
});
