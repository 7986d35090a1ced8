/**
 * DirectMail attachments over SMTP (issue 21): the adapter's SMTP path (nodemailer) against the
 * emulator's SMTP endpoint (smtp-server + mailparser), on real loopback sockets. Bytes arrive
 * intact; each failure stage maps to the `delivery` a caller can rely on.
 */
import { randomBytes } from 'node:crypto';
import { type AliyunDmConfig, aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type MailerOptions, type MessageInput } from '@mailbridge/core';
import { type Emulator, type OutboxEntry, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';

const KEY = { id: 'LTAIsmtp', secret: 'smtp-test-secret-0123456789' };
const SENDER = 'noreply@mail.example.com';
const PASSWORD = 'emulator-smtp-password';

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [KEY] });
});
afterAll(async () => {
  await emu?.close();
});
beforeEach(() => {
  emu.clearFaults();
  emu.clearOutbox();
});

function mailer(
  smtp: Partial<NonNullable<AliyunDmConfig['smtp']>> = {},
  options: MailerOptions = {},
) {
  return createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: KEY,
      smtp: {
        host: emu.smtp.host,
        port: emu.smtp.port,
        credentials: { user: SENDER, password: PASSWORD },
        ...smtp,
      },
    }),
    { retry: { minDelayMs: 1, maxDelayMs: 5 }, ...options },
  );
}

// Every byte value, in a random order: a binary file that any text mangling would change.
const binary = Uint8Array.from(randomBytes(256 * 64)).map((_, i) => (i * 151) % 256);
const csv = 'id,name\n1,Ann\n2,Bob ✓\n';

function message(extra: Partial<MessageInput> = {}): MessageInput {
  const body = extra.template ? {} : { html: '<p>Invoice attached</p>', text: 'Invoice attached' };
  return {
    from: `Shop <${SENDER}>`,
    to: 'a@example.com',
    bcc: 'audit@example.com',
    subject: 'Your invoice',
    ...body,
    attachments: [
      { filename: 'invoice.bin', content: binary, contentType: 'application/octet-stream' },
      { filename: 'rows.csv', content: csv, contentType: 'text/csv' },
    ],
    ...extra,
  };
}

const smtpCopies = (): OutboxEntry[] => emu.outbox.filter((m) => m.action === 'SMTP');

describe('a DirectMail send with attachments goes over SMTP', () => {
  it('arrives in the emulator outbox with both attachments byte for byte', async () => {
    const result = await mailer().send(message());
    const copies = smtpCopies();
    expect(copies.map((c) => c.to).sort()).toEqual(['a@example.com', 'audit@example.com']);
    // The EnvId from DirectMail's reply to the message is the neutral messageId.
    expect(result).toMatchObject({ provider: 'aliyun-dm', messageId: copies[0]?.messageId });
    expect(result.attempts).toBe(1);
    const [copy] = copies;
    expect(copy).toMatchObject({ from: SENDER, fromName: 'Shop', subject: 'Your invoice' });
    expect(copy?.html).toContain('Invoice attached');
    const files = copy?.attachments ?? [];
    expect(files.map((f) => [f.name, f.contentType])).toEqual([
      ['invoice.bin', 'application/octet-stream'],
      ['rows.csv', 'text/csv'],
    ]);
    expect(Buffer.from(files[0]?.content ?? '', 'base64').equals(Buffer.from(binary))).toBe(true);
    expect(Buffer.from(files[1]?.content ?? '', 'base64').toString('utf8')).toBe(csv);
    // The Bcc recipient got its copy without being named in the headers the others see.
    expect(copies.find((c) => c.to === 'audit@example.com')?.bcc).toEqual(['audit@example.com']);
  });

  it('shows the copy, with its attachments, on the admin outbox API', async () => {
    await mailer().send(message());
    const res = await fetch(`${emu.url}/__emulator/outbox`);
    const { outbox } = (await res.json()) as { outbox: OutboxEntry[] };
    const names = outbox.filter((m) => m.action === 'SMTP')[0]?.attachments?.map((a) => a.name);
    expect(names).toEqual(['invoice.bin', 'rows.csv']);
  });

  it('sends a message without attachments over HTTP as before', async () => {
    await mailer().send({ from: SENDER, to: 'a@example.com', subject: 'Hi', text: 'Hello' });
    expect(emu.outbox.map((m) => m.action)).toEqual(['SingleSendMail']);
  });
});

describe('SMTP failures map to a truthful delivery', () => {
  it('a 5xx refusal at RCPT is not_sent and not retried', async () => {
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SMTP.RCPT',
      fault: { kind: 'status', status: 550 },
    });
    const error = await failure(mailer().send(message({ bcc: [] })));
    expect(error).toMatchObject({
      code: 'invalid_recipient',
      delivery: 'not_sent',
      retryable: false,
    });
    expect(error.providerCode).toBe('550');
    expect(error.attempts).toBe(1);
    expect(smtpCopies()).toEqual([]);
  });

  it('a 4xx refusal at RCPT is not_sent and retried into a single delivery', async () => {
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SMTP.RCPT',
      fault: { kind: 'status', status: 451 },
    });
    const result = await mailer().send(message({ bcc: [] }));
    expect(result.attempts).toBe(2);
    expect(smtpCopies()).toHaveLength(1);
  });

  it('a refusal of the message itself (reply to the final dot) is not_sent', async () => {
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SMTP.DATA',
      fault: { kind: 'error', code: 'InvalidSendMail.Spam', status: 554 },
    });
    const error = await failure(mailer().send(message()));
    expect(error).toMatchObject({ code: 'rejected', delivery: 'not_sent', providerCode: '554' });
    expect(smtpCopies()).toEqual([]);
  });

  it('a connection dropped after the dot, before the reply, is unknown and never resent', async () => {
    emu.inject({ provider: 'aliyun-dm', action: 'SMTP.DATA', fault: { kind: 'drop' } });
    const error = await failure(mailer().send(message({ bcc: [] })));
    expect(error).toMatchObject({ code: 'network', delivery: 'unknown' });
    expect(error.attempts).toBe(1);
    // The emulator had accepted it: exactly the case `unknown` exists for.
    expect(smtpCopies()).toHaveLength(1);
  });

  it('no reply to the dot within the timeout is unknown', async () => {
    // Generous: connect, AUTH and the envelope must fit in the timeout on a busy machine.
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SMTP.DATA',
      fault: { kind: 'delay', ms: 30_000 },
    });
    const slow = await failure(mailer({}, { timeoutMs: 3_000 }).send(message({ bcc: [] })));
    expect(slow).toMatchObject({ code: 'timeout', delivery: 'unknown', attempts: 1 });
    expect(smtpCopies()).toHaveLength(1);
  });

  it('an abort while the server holds its reply to the dot is unknown', async () => {
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SMTP.DATA',
      fault: { kind: 'delay', ms: 30_000 },
    });
    const controller = new AbortController();
    const pending = failure(mailer().send(message({ bcc: [] }), { signal: controller.signal }));
    // Abort once the emulator has the message, i.e. after the dot: no timing guess.
    for (let i = 0; i < 1_000 && smtpCopies().length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    controller.abort();
    expect(await pending).toMatchObject({ code: 'aborted', delivery: 'unknown', attempts: 1 });
  });

  it('an abort before anything was sent is not_sent', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(mailer().send(message(), { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
    expect(smtpCopies()).toEqual([]);
  });

  it('one RCPT refused, another accepted: sent to one, so unknown, never resent', async () => {
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SMTP.RCPT',
      fault: { kind: 'status', status: 550 },
    });
    const error = await failure(mailer().send(message()));
    expect(error).toMatchObject({ code: 'invalid_recipient', delivery: 'unknown', attempts: 1 });
    expect(error.message).toContain('a@example.com');
    expect(smtpCopies().map((c) => c.to)).toEqual(['audit@example.com']);
  });

  it('a bad SMTP password is the neutral auth error, without the password in it', async () => {
    const wrong = 'not-the-password-4711';
    const error = await failure(
      mailer({ credentials: { user: SENDER, password: wrong } }).send(message()),
    );
    expect(error).toMatchObject({ code: 'auth', delivery: 'not_sent', retryable: false });
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(wrong);
    expect(smtpCopies()).toEqual([]);
  });

  it('the SMTP password from a credentials function reaches no hook', async () => {
    const events: unknown[] = [];
    const record = (e: unknown) => events.push(e);
    const hooks = { onRequest: record, onResponse: record, onRetry: record, onError: record };
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SMTP.RCPT',
      fault: { kind: 'status', status: 451 },
    });
    const credentials = async () => ({ user: SENDER, password: PASSWORD });
    const result = await mailer({ credentials }, { hooks }).send(message({ bcc: [] }));
    expect(result.attempts).toBe(2);
    // onRequest, onRetry (the 451), onRequest, onResponse: the SMTP attempts are described too.
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(events)).toContain('smtp://');
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('a refused connection is not_sent', async () => {
    const error = await failure(mailer({ port: 1 }, { retry: { retries: 0 } }).send(message()));
    expect(error).toMatchObject({ code: 'network', delivery: 'not_sent' });
  });
});

describe('checks before any connection', () => {
  it('attachments without an smtp config: invalid_input naming smtp', async () => {
    const plain = createMailer(
      aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: KEY }),
    );
    const error = await failure(plain.send(message()));
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect(error.issues?.[0]?.path).toEqual(['smtp']);
  });

  it('a template with attachments is unsupported (SMTP has no stored templates)', async () => {
    const error = await failure(mailer().send(message({ template: { id: 1 } })));
    expect(error).toMatchObject({ code: 'unsupported', delivery: 'not_sent' });
    expect(error.issues?.[0]?.path).toEqual(['template']);
  });

  it('two to recipients with attachments are unsupported: one SMTP message would show each the other', async () => {
    const error = await failure(mailer().send(message({ to: ['a@example.com', 'b@example.com'] })));
    expect(error).toMatchObject({ code: 'unsupported', delivery: 'not_sent' });
    expect(error.issues?.[0]?.path).toEqual(['to']);
    expect(smtpCopies()).toEqual([]);
  });

  it('credentials for another sender: invalid_input naming from', async () => {
    const error = await failure(
      mailer({ credentials: async () => ({ user: 'batch@mail.example.com', password: 'x' }) }).send(
        message(),
      ),
    );
    expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
    expect(error.issues?.[0]?.path).toEqual(['from']);
  });
});

describe('custom headers the message writes itself', () => {
  it.each(['Bcc', 'cc', 'From', 'Subject', 'Content-Type'])(
    'refuses a %s header before connecting: it would add no recipient, or contradict a field',
    async (name) => {
      const m = mailer();
      const error = await failure(m.send(message({ headers: { [name]: 'z@example.com' } })));
      expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['headers', name] }] });
      await new Promise((r) => setTimeout(r, 50));
      expect(smtpCopies()).toEqual([]);
      await m.close();
    },
  );
});
