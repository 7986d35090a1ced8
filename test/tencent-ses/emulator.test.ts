/**
 * @mailbridge/tencent-ses against the emulator: the wire format (CJK and emoji, template data,
 * attachments, raw content), scheduling that fires on the emulator clock, ambiguous and
 * throttled sends, and signing for service `ses` behind a custom host. Groups at the provider's
 * limits: groups.test.ts; the raw client and delivery status: raw-client.test.ts.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMailer, type MailerOptions } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { type TencentSesConfig, tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ seed: { tencent: { allowSimple: true } } });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const FAST = { minDelayMs: 1, maxDelayMs: 5 };
const key = () => emu.credentials.tencent[0] as { id: string; secret: string };
const mailer = (config: Partial<TencentSesConfig> = {}, options: MailerOptions = {}) =>
  createMailer(
    tencentSes({
      region: 'ap-guangzhou',
      endpoint: emu.tencentEndpoint,
      credentials: { ...key() },
      ...config,
    }),
    { retry: FAST, ...options },
  );
const copies = () => emu.outbox.filter((m) => m.provider === 'tencent-ses');
const sends = () => emu.requests['tencent-ses'].SendEmail ?? 0;

describe('wire format', () => {
  it('sends CJK and emoji subjects, template data and attachments', async () => {
    const m = mailer();
    const result = await m.send({
      from: '商店 Shop 😀 <noreply@mail.example.com>',
      to: ['ann@example.com', 'bo@example.com'],
      cc: 'cc@example.com',
      replyTo: 'help@example.com',
      subject: '欢迎 Welcome 😀 — 验证码',
      template: { id: 100001, data: { name: '安 Ann 😀' } },
      attachments: [
        { filename: '发票.txt', content: '发票 😀 invoice' },
        { filename: 'data.bin', content: new Uint8Array([0, 1, 2, 255]) },
      ],
      providerOptions: { 'tencent-ses': { unsubscribe: 'zh-CN', triggerType: 'transactional' } },
    });
    expect(result).toMatchObject({ provider: 'tencent-ses', attempts: 1 });
    expect(result.messageId).toMatch(/^qcloudses-/);
    const [first] = copies();
    // One copy per recipient: both `to` addresses and the `cc`.
    expect(
      copies()
        .map((c) => c.to)
        .sort(),
    ).toEqual(['ann@example.com', 'bo@example.com', 'cc@example.com']);
    expect(first).toMatchObject({
      from: 'noreply@mail.example.com',
      fromName: '商店 Shop 😀',
      subject: '欢迎 Welcome 😀 — 验证码',
      replyTo: 'help@example.com',
      attachments: [
        { name: '发票.txt', size: Buffer.byteLength('发票 😀 invoice') },
        { name: 'data.bin', size: 4 },
      ],
    });
    expect(first?.html).toContain('安 Ann 😀');
    await m.close();
  });

  it('sends a 255-character file name counted in code points, from the mailer and the raw client', async () => {
    // 255 characters (the Attachment FileName limit), 506 UTF-16 units: an emoji is one character.
    const filename = `${'😀'.repeat(251)}.txt`;
    const m = mailer();
    await m.send({ ...welcome('a@example.com'), attachments: [{ filename, content: 'x' }] });
    await m.raw.SendEmail({
      FromEmailAddress: 'noreply@mail.example.com',
      Destination: ['b@example.com'],
      Subject: 'Welcome',
      Template: { TemplateID: 100001, TemplateData: '{"name":"Bo"}' },
      Attachments: [{ FileName: filename, Content: 'eA==' }],
    });
    expect(copies().map((c) => c.attachments?.[0]?.name)).toEqual([filename, filename]);
    await m.close();
  });

  it('refuses a line break or NUL in a header option (header injection), naming it, before any request', async () => {
    const m = mailer();
    for (const [key, value] of [
      ['smtpMessageId', '<a@mail.example.com>\r\nBcc: x@evil.example'],
      ['headerFrom', 'Shop <noreply@mail.example.com>\nBcc: x@evil.example'],
      ['headerFrom', 'Shop\0 <noreply@mail.example.com>'],
    ] as const) {
      const error = await failure(
        m.send({
          ...welcome('a@example.com'),
          providerOptions: { 'tencent-ses': { [key]: value } },
        }),
      );
      expect(error).toMatchObject({ code: 'invalid_input', delivery: 'not_sent' });
      expect(error.issues?.[0]?.path).toEqual(['providerOptions', 'tencent-ses', key]);
      expect(error.issues?.[0]?.message).toContain('header injection');
    }
    expect(sends()).toBe(0);
    await m.close();
  });

  it('sends template data over 800 bytes (that bound is for group rows only)', async () => {
    const m = mailer();
    const name = '名'.repeat(400); // 1,200 bytes of UTF-8
    await m.send({ ...welcome('long@example.com'), template: { id: 100001, data: { name } } });
    expect(copies()[0]?.html).toContain(name);
    await m.close();
  });

  it('sends raw html and text when the account is allowed Simple', async () => {
    const m = mailer({ allowRawContent: true });
    await m.send({
      from: 'noreply@mail.example.com',
      to: 'a@example.com',
      subject: '原始',
      html: '<p>你好 😀</p>',
      text: '你好 😀',
    });
    expect(copies()[0]).toMatchObject({ html: '<p>你好 😀</p>', text: '你好 😀' });
    await m.close();
  });

  it('refuses raw content before any request when the account is template-only', async () => {
    const m = mailer();
    const error = await failure(
      m.send({
        from: 'noreply@mail.example.com',
        to: 'a@example.com',
        subject: 'x',
        html: '<p>x</p>',
      }),
    );
    expect(error.code).toBe('unsupported');
    expect(sends()).toBe(0);
    await m.close();
  });

  it('signs for service ses behind a custom endpoint host', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const proxy = await forwardTo(emu.port, seen);
    const port = (proxy.address() as AddressInfo).port;
    const m = mailer({ endpoint: `http://localhost:${port}` });
    await m.send({
      from: 'noreply@mail.example.com',
      to: 'a@example.com',
      subject: 'via proxy',
      template: { id: 100001, data: { name: 'A' } },
    });
    expect(seen[0]?.host).toBe(`localhost:${port}`);
    // The official SDK would sign for "localhost" (the host's first label).
    expect(seen[0]?.authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=[^/]+\/\d{4}-\d{2}-\d{2}\/ses\/tc3_request, /,
    );
    expect(copies()).toHaveLength(1);
    await m.close();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it('reports clock skew as such', async () => {
    emu.setAuthSkew(10 * 60 * 1000);
    try {
      const error = await failure(mailer({ retries: 0 }).send(welcome('a@example.com')));
      expect(error).toMatchObject({
        code: 'auth',
        providerCode: 'AuthFailure.SignatureExpire',
        delivery: 'not_sent',
      });
      expect(error.message).toMatch(/clock skew/);
    } finally {
      emu.setAuthSkew(0);
    }
  });
});

const welcome = (to: string) => ({
  from: 'noreply@mail.example.com',
  to,
  subject: 'Welcome',
  template: { id: 100001, data: { name: 'Ann' } },
});

describe('ambiguous and throttled sends', () => {
  it('a connection dropped after SendEmail was processed: one copy, delivery unknown, no retry', async () => {
    emu.inject({ provider: 'tencent-ses', action: 'SendEmail', fault: { kind: 'drop' } });
    const error = await failure(mailer().send(welcome('drop@example.com')));
    expect(error.delivery).toBe('unknown');
    expect(error.attempts).toBe(1);
    expect(copies()).toHaveLength(1);
    expect(sends()).toBe(1);
  });

  it('throttling injected twice is retried and delivered once', async () => {
    emu.inject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      count: 2,
      fault: { kind: 'error', code: 'RequestLimitExceeded' },
    });
    const result = await mailer().send(welcome('throttled@example.com'));
    expect(result.attempts).toBe(3);
    expect(copies()).toHaveLength(1);
    expect(sends()).toBe(3);
  });

  it('throttling in a non-200 body is read by its code: retried and delivered once', async () => {
    emu.inject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      count: 2,
      fault: { kind: 'error', code: 'RequestLimitExceeded.UinLimitExceeded', status: 503 },
    });
    const result = await mailer().send(welcome('throttled503@example.com'));
    expect(result.attempts).toBe(3);
    expect(copies()).toHaveLength(1);
  });

  it('an InternalError in a non-200 body is read, delivery unknown, and the send is not retried', async () => {
    emu.inject({
      provider: 'tencent-ses',
      action: 'SendEmail',
      fault: { kind: 'error', code: 'InternalError', status: 500 },
    });
    const error = await failure(mailer().send(welcome('ise@example.com')));
    expect(error).toMatchObject({
      providerCode: 'InternalError',
      httpStatus: 500,
      delivery: 'unknown',
      attempts: 1,
    });
    expect(sends()).toBe(1);
  });

  it('an HTML error page is provider_unavailable, never a SyntaxError', async () => {
    emu.inject({
      provider: 'tencent-ses',
      action: 'ListEmailAddress',
      count: 5,
      fault: { kind: 'html', status: 502 },
    });
    const error = await failure(mailer({ retries: 1 }).raw.ListEmailAddress());
    expect(error).toMatchObject({ code: 'provider_unavailable', delivery: 'unknown' });
  });
});

describe('batches on the emulator clock', () => {
  it('timed and recurring batches fire when the clock advances, and ListSendTasks shows them', async () => {
    const m = mailer({}, { now: () => emu.now() });
    const group = await m.groups.create({ name: '定时 group' });
    await m.groups.addRecipients(group.id, ['t1@example.com', 't2@example.com']);
    const hour = 3_600_000;
    const timed = await m.sendBatch({
      from: 'Shop <noreply@mail.example.com>',
      group: group.id,
      template: { id: 100001 },
      subject: '定时 😀',
      schedule: { at: new Date(emu.now() + hour) },
      providerOptions: { 'tencent-ses': { templateData: { name: 'T' } } },
    });
    const recurring = await m.sendBatch({
      from: 'noreply@mail.example.com',
      group: group.id,
      template: { id: 100001 },
      subject: '循环',
      schedule: { at: new Date(emu.now() + 2 * hour), every: { days: 1 } },
      providerOptions: { 'tencent-ses': { templateData: { name: 'R' } } },
    });
    expect(timed.scheduled).toBe(true);
    expect(copies()).toHaveLength(0);
    emu.advance(hour + 1000);
    expect(copies().map((c) => c.subject)).toEqual(['定时 😀', '定时 😀']);
    emu.advance(hour);
    expect(copies().filter((c) => c.subject === '循环')).toHaveLength(2);
    emu.advance(24 * hour);
    expect(copies().filter((c) => c.subject === '循环')).toHaveLength(4);
    // The emulator checks signatures against the real clock (as Tencent does), so read with a
    // mailer on the default clock.
    const reader = mailer();
    const tasks = await reader.raw.ListSendTasks({ Offset: 0, Limit: 100 });
    await reader.close();
    const byId = new Map((tasks.Data ?? []).map((t) => [String(t.TaskId), t]));
    expect(byId.get(String(timed.batchId))).toMatchObject({
      TaskType: 2,
      ReceiverId: Number(group.id),
    });
    expect(byId.get(String(recurring.batchId))).toMatchObject({
      TaskType: 3,
      CycleParam: { IntervalTime: 24 },
    });
    await m.close();
  });

  it('refuses an `at` in the past before any request', async () => {
    const m = mailer();
    const error = await failure(
      m.sendBatch({
        from: 'noreply@mail.example.com',
        group: '1',
        template: { id: 100001 },
        subject: 's',
        schedule: { at: new Date(Date.now() - 60_000) },
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(emu.requests['tencent-ses'].BatchSendEmail ?? 0).toBe(0);
    await m.close();
  });

  it('refuses a "__proto__" key in the batch templateData before any request, rather than drop it', async () => {
    const m = mailer();
    // JSON.parse makes "__proto__" an own key, as data read from a file or a request would.
    const templateData = JSON.parse('{"__proto__": "x", "name": "Ann"}') as Record<string, string>;
    const error = await failure(
      m.sendBatch({
        from: 'noreply@mail.example.com',
        group: '1',
        template: { id: 100001 },
        subject: 's',
        providerOptions: { 'tencent-ses': { templateData } },
      }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]?.path).toEqual([
      'providerOptions',
      'tencent-ses',
      'templateData',
      '__proto__',
    ]);
    expect(emu.requests['tencent-ses'].BatchSendEmail ?? 0).toBe(0);
    await m.close();
  });
});

/** A loopback forwarder that records request headers: a "custom endpoint host". */
async function forwardTo(port: number, seen: IncomingHttpHeaders[]): Promise<Server> {
  const server = createServer((req, res) => {
    seen.push(req.headers);
    const upstream = httpRequest(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
