/**
 * The emulator's DirectMail SMTP endpoint, spoken to with nodemailer's SMTP client on loopback:
 * AUTH against the seeded sender addresses and SMTP passwords, the documented limits (15 MB,
 * 100 attachments; 100 RCPTs), and the outbox copies it records.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../src/index.js';
import { startEmulator } from '../src/index.js';

const USER = 'noreply@mail.example.com';
const PASSWORD = 'emulator-smtp-password';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    seed: {
      aliyun: {
        senders: [
          { address: 'ops@mail.example.com', type: 'trigger', smtpPassword: 'ops-pw' },
          { address: 'cold@mail.example.com', type: 'trigger', smtpPassword: 'c', frozen: true },
        ],
      },
    },
  });
});
afterAll(async () => {
  await emu?.close();
});
beforeEach(() => {
  emu.clearOutbox();
  emu.clearFaults();
});

interface Outcome {
  readonly response?: string;
  readonly responseCode?: number;
  readonly command?: string;
}

/** One session: AUTH, MAIL, RCPT…, DATA; the final reply or the refusal. */
function session(
  auth: { user: string; pass: string },
  from: string,
  to: readonly string[],
  raw: Buffer | string,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const c = new SMTPConnection({ host: emu.smtp.host, port: emu.smtp.port, ignoreTLS: true });
    const done = (outcome: Outcome) => {
      c.close();
      resolve(outcome);
    };
    const refused = (e: { responseCode?: number | undefined; command?: string | undefined }) =>
      done({
        ...(e.responseCode === undefined ? {} : { responseCode: e.responseCode }),
        ...(e.command === undefined ? {} : { command: e.command }),
      });
    c.on('error', () => undefined);
    c.connect((e) => {
      if (e) return refused(e);
      c.login(auth, (loginError) => {
        if (loginError) return refused(loginError);
        c.send({ from, to: [...to] }, raw, (sendError, info) =>
          sendError ? refused(sendError) : done({ response: info.response }),
        );
      });
    });
  });
}

async function mime(attachments: number, bytes = 16): Promise<Buffer> {
  return new MailComposer({
    from: USER,
    to: 'a@example.com',
    subject: 'Files',
    text: 'see attached',
    headers: { 'X-Trace': 'abc' },
    attachments: Array.from({ length: attachments }, (_, i) => ({
      filename: `f${i}.bin`,
      content: Buffer.alloc(bytes, i),
    })),
  })
    .compile()
    .build();
}

describe('DirectMail SMTP endpoint', () => {
  it('binds loopback on its own port and accepts a seeded sender with its SMTP password', async () => {
    expect(emu.smtp.host).toBe('127.0.0.1');
    expect(emu.smtp.port).toBeGreaterThan(0);
    expect(emu.smtp.port).not.toBe(emu.port);
    const outcome = await session(
      { user: USER, pass: PASSWORD },
      USER,
      ['a@example.com'],
      await mime(2),
    );
    const envId = /###envid=(\d+)/.exec(outcome.response ?? '')?.[1];
    expect(envId).toMatch(/^\d+$/);
    expect(emu.outbox).toHaveLength(1);
    expect(emu.outbox[0]).toMatchObject({
      provider: 'aliyun-dm',
      action: 'SMTP',
      from: USER,
      to: 'a@example.com',
      subject: 'Files',
      messageId: envId,
      headers: { 'X-Trace': 'abc' },
    });
    expect(emu.outbox[0]?.attachments?.map((a) => [a.name, a.size])).toEqual([
      ['f0.bin', 16],
      ['f1.bin', 16],
    ]);
    expect(emu.requestCount({ provider: 'aliyun-dm', action: 'SMTP.DATA' })).toBe(1);
  });

  it('refuses a wrong password, an unseeded address and a sender without an SMTP password (535)', async () => {
    const raw = await mime(1);
    for (const auth of [
      { user: USER, pass: 'wrong' },
      { user: 'nobody@mail.example.com', pass: PASSWORD },
      { user: 'batch@mail.example.com', pass: 'any' },
    ]) {
      expect((await session(auth, auth.user, ['a@example.com'], raw)).responseCode).toBe(535);
    }
    expect(emu.outbox).toEqual([]);
  });

  it('takes a seeded password; MAIL FROM must be the login; a frozen sender is refused', async () => {
    const raw = await mime(1);
    const ops = { user: 'ops@mail.example.com', pass: 'ops-pw' };
    expect((await session(ops, ops.user, ['a@example.com'], raw)).response).toMatch(/^250/);
    const other = await session(ops, USER, ['a@example.com'], raw);
    expect(other).toMatchObject({ responseCode: 553, command: 'MAIL FROM' });
    const cold = await session(
      { user: 'cold@mail.example.com', pass: 'c' },
      'cold@mail.example.com',
      ['a@example.com'],
      raw,
    );
    expect(cold).toMatchObject({ responseCode: 554, command: 'MAIL FROM' });
  });

  it('refuses the 101st RCPT (556), and a message with 101 attachments (557)', async () => {
    const many = Array.from({ length: 101 }, (_, i) => `r${i}@example.com`);
    const rcpt = await session({ user: USER, pass: PASSWORD }, USER, many, await mime(1));
    // nodemailer goes on with the 100 accepted recipients and reports the 101st as rejected.
    expect(rcpt.response).toMatch(/^250/);
    expect(emu.outbox).toHaveLength(100);
    emu.clearOutbox();
    const files = await session(
      { user: USER, pass: PASSWORD },
      USER,
      ['a@example.com'],
      await mime(101),
    );
    expect(files).toMatchObject({ responseCode: 557, command: 'DATA' });
    expect(emu.outbox).toEqual([]);
  });

  it('answers 557 to a message over 15 MB and stores nothing', async () => {
    const big = await mime(1, 12 * 1024 * 1024); // base64 makes it about 16.4 MB
    const outcome = await session({ user: USER, pass: PASSWORD }, USER, ['a@example.com'], big);
    expect(outcome).toMatchObject({ responseCode: 557, command: 'DATA' });
    expect(emu.outbox).toEqual([]);
  });

  it('faults: a refusal at RCPT, and a drop after the message was stored', async () => {
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SMTP.RCPT',
      fault: { kind: 'status', status: 550 },
    });
    const raw = await mime(1);
    const refused = await session({ user: USER, pass: PASSWORD }, USER, ['a@example.com'], raw);
    expect(refused).toMatchObject({ responseCode: 550, command: 'RCPT TO' });
    emu.inject({ provider: 'aliyun-dm', action: 'SMTP.DATA', fault: { kind: 'drop' } });
    const dropped = await session({ user: USER, pass: PASSWORD }, USER, ['a@example.com'], raw);
    expect(dropped.response).toBeUndefined();
    expect(dropped.responseCode).toBeUndefined();
    expect(emu.outbox).toHaveLength(1);
  });

  it('faults: a drop at MAIL or RCPT cuts the connection, a delay there answers late', async () => {
    const raw = await mime(1);
    for (const action of ['SMTP.MAIL', 'SMTP.RCPT']) {
      emu.inject({ provider: 'aliyun-dm', action, fault: { kind: 'drop' } });
      const cut = await session({ user: USER, pass: PASSWORD }, USER, ['a@example.com'], raw);
      expect(cut.response).toBeUndefined();
      expect(cut.responseCode).toBeUndefined();
    }
    expect(emu.outbox).toEqual([]);
    emu.inject({ provider: 'aliyun-dm', action: 'SMTP.RCPT', fault: { kind: 'delay', ms: 300 } });
    const started = Date.now();
    const late = await session({ user: USER, pass: PASSWORD }, USER, ['a@example.com'], raw);
    expect(late.response).toMatch(/Data Ok/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(emu.outbox).toHaveLength(1);
  });

  it('faults: a reset at DATA cuts the connection before the message is stored', async () => {
    // `reset` is the "certainly not executed" fault (types.ts), as on the HTTP API.
    emu.inject({ provider: 'aliyun-dm', action: 'SMTP.DATA', fault: { kind: 'reset' } });
    const reset = await session(
      { user: USER, pass: PASSWORD },
      USER,
      ['a@example.com'],
      await mime(1),
    );
    expect(reset.response).toBeUndefined();
    expect(reset.responseCode).toBeUndefined();
    expect(emu.outbox).toEqual([]);
  });
});
