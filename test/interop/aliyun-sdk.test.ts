/**
 * The official DirectMail SDKs against the emulator, unchanged except endpoint and protocol:
 * `@alicloud/dm20151123` 1.9.0 with its default V3 signing (ACS3-HMAC-SHA256) and with
 * `signatureAlgorithm: 'v2'` (RPC HMAC-SHA1), and the classic `@alicloud/pop-core` 1.8.0.
 * Tampering and byte-identical replays go through a small loopback proxy that records and can
 * rewrite the raw request.
 */
import DmModule, * as dm from '@alicloud/dm20151123';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import PopCore from '@alicloud/pop-core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RecordingProxy, send } from './proxy.js';

// The SDK is CommonJS with `exports.default`; depending on interop the class is one level down.
type DmClientClass = typeof DmModule.default;
const DmClient: DmClientClass =
  (DmModule as unknown as { default?: DmClientClass }).default ??
  (DmModule as unknown as DmClientClass);

let emu: Emulator;
const proxy = new RecordingProxy();
const key = () => emu.credentials.aliyun[0] as { id: string; secret: string };

beforeAll(async () => {
  emu = await startEmulator();
  await proxy.start(emu.port);
});
afterAll(async () => {
  await proxy.close();
  await emu.close();
});
afterEach(() => {
  proxy.rewrite = undefined;
  emu.setAuthSkew(0);
});

/** The error code an SDK call failed with (openapi-core ClientError and POP errors both carry `code`). */
async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  return 'no error';
}

const aliyunOutbox = (action: string) =>
  emu.outbox.filter((e) => e.provider === 'aliyun-dm' && e.action === action);

describe.each([
  ['dm20151123 V3 (default signing)', undefined],
  ['dm20151123 v2 (HMAC-SHA1)', 'v2'],
] as const)('%s', (label, signatureAlgorithm) => {
  const client = (o: { secret?: string; viaProxy?: boolean } = {}) =>
    new DmClient(
      new $OpenApiUtil.Config({
        accessKeyId: key().id,
        accessKeySecret: o.secret ?? key().secret,
        endpoint: o.viaProxy ? `127.0.0.1:${proxy.port}` : emu.host,
        protocol: 'http',
        ...(signatureAlgorithm && { signatureAlgorithm }),
      }),
    );
  const tag = signatureAlgorithm ?? 'v3';
  const mail = (subject: string) =>
    new dm.SingleSendMailRequest({
      accountName: 'noreply@mail.example.com',
      addressType: 1,
      replyToAddress: true,
      toAddress: 'a@example.com,b+tag@example.com',
      subject,
      htmlBody: "<p>你好 😀 !'()*~+%&= (there)</p>",
      fromAlias: 'Shop',
    });

  it('sends one message (SingleSendMail) that lands in the outbox', async () => {
    const subject = `single ${label} 测试 !'()*`;
    const res = await client().singleSendMail(mail(subject));
    expect(res.statusCode).toBe(200);
    expect(res.body?.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(res.body?.envId).toBeDefined();
    const copies = emu.outbox.filter((e) => e.subject === subject);
    expect(copies.map((e) => e.to)).toEqual(['a@example.com', 'b+tag@example.com']);
    expect(copies[0]).toMatchObject({
      from: 'Shop <noreply@mail.example.com>',
      replyTo: 'support@mail.example.com',
    });
  });

  it('creates a list, uploads recipients and batch-sends to it', async () => {
    const name = `list-${tag}`;
    const created = await client().createReceiver(
      new dm.CreateReceiverRequest({
        receiversName: name,
        receiversAlias: 'list@example.com',
        desc: 'interop',
      }),
    );
    const receiverId = created.body?.receiverId ?? '';
    expect(receiverId).toMatch(/^[0-9a-f]{32}$/);
    const detail = [
      { e: `ann.${tag}@example.com`, u: 'Ann' },
      { e: `bob.${tag}@example.com`, u: 'Bob' },
    ];
    const saved = await client().saveReceiverDetail(
      new dm.SaveReceiverDetailRequest({ receiverId, detail: JSON.stringify(detail) }),
    );
    expect(saved.body).toMatchObject({ successCount: 2, errorCount: 0 });
    const listed = await client().queryReceiverDetail(
      new dm.QueryReceiverDetailRequest({ receiverId }),
    );
    expect(listed.body?.data?.detail?.map((d) => d.email)).toEqual(detail.map((d) => d.e));
    const sent = await client().batchSendMail(
      new dm.BatchSendMailRequest({
        accountName: 'batch@mail.example.com',
        addressType: 1,
        templateName: 'welcome',
        receiversName: name,
        tagName: 'demo',
      }),
    );
    expect(sent.statusCode).toBe(200);
    const copies = aliyunOutbox('BatchSendMail').filter((e) =>
      e.to.endsWith(`.${tag}@example.com`),
    );
    expect(copies.map((e) => e.subject)).toEqual(['Welcome Ann', 'Welcome Bob']);
    const tasks = await client().queryTaskByParam(
      new dm.QueryTaskByParamRequest({ keyWord: name }),
    );
    expect(tasks.body?.data?.task?.[0]).toMatchObject({ receiversName: name, requestCount: '2' });
  });

  it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
    expect(await codeOf(client({ secret: 'wrong-secret' }).singleSendMail(mail('x')))).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('refuses a parameter tampered with in flight', async () => {
    proxy.rewrite = (body) => body.replace('Subject=tamper-me', 'Subject=tampered!');
    const before = emu.outbox.length;
    expect(await codeOf(client({ viaProxy: true }).singleSendMail(mail('tamper-me')))).toBe(
      'SignatureDoesNotMatch',
    );
    expect(emu.outbox.length).toBe(before);
  });

  it.each([20, -20])('refuses a timestamp %i minutes off the server clock', async (minutes) => {
    emu.setAuthSkew(minutes * 60_000);
    expect(await codeOf(client().descAccountSummary(new dm.DescAccountSummaryRequest({})))).toBe(
      'InvalidTimeStamp.Expired',
    );
  });

  it('refuses a byte-identical replay of an accepted request with SignatureNonceUsed', async () => {
    const subject = `replay ${label}`;
    await client({ viaProxy: true }).singleSendMail(mail(subject));
    const captured = proxy.seen.at(-1);
    if (!captured) throw new Error('the proxy saw no request');
    const replay = await send(emu.port, captured);
    expect(replay.status).toBe(400);
    expect(JSON.parse(replay.body)).toMatchObject({ Code: 'SignatureNonceUsed' });
    expect(emu.outbox.filter((e) => e.subject === subject)).toHaveLength(2);
  });
});

describe('pop-core (RPC HMAC-SHA1, every parameter in the POST body)', () => {
  const client = (o: { secret?: string; viaProxy?: boolean } = {}) =>
    new PopCore({
      accessKeyId: key().id,
      accessKeySecret: o.secret ?? key().secret,
      endpoint: o.viaProxy ? `http://127.0.0.1:${proxy.port}` : emu.url,
      apiVersion: '2015-11-23',
    });
  const post = { method: 'POST' };
  const mail = (subject: string) => ({
    AccountName: 'noreply@mail.example.com',
    AddressType: 1,
    ReplyToAddress: 'false',
    ToAddress: 'pop@example.com',
    Subject: subject,
    HtmlBody: "<p>(pop) *~ 'quoted' 100% + 测试</p>",
  });

  it('sends, creates a list, uploads and batch-sends', async () => {
    const sent = await client().request<{ EnvId: unknown }>(
      'SingleSendMail',
      mail('pop single'),
      post,
    );
    expect(String(sent.EnvId)).toMatch(/^6\d{17}$/);
    expect(emu.outbox.filter((e) => e.subject === 'pop single').map((e) => e.to)).toEqual([
      'pop@example.com',
    ]);
    const created = await client().request<{ ReceiverId: string }>(
      'CreateReceiver',
      { ReceiversName: 'pop-list', ReceiversAlias: 'pop@example.com' },
      post,
    );
    const saved = await client().request<{ SuccessCount: number }>(
      'SaveReceiverDetail',
      {
        ReceiverId: created.ReceiverId,
        Detail: JSON.stringify([{ e: 'carl.pop@example.com', u: 'Carl' }]),
      },
      post,
    );
    expect(saved.SuccessCount).toBe(1);
    await client().request(
      'BatchSendMail',
      {
        AccountName: 'batch@mail.example.com',
        AddressType: 1,
        TemplateName: 'welcome',
        ReceiversName: 'pop-list',
      },
      post,
    );
    expect(
      aliyunOutbox('BatchSendMail')
        .filter((e) => e.to === 'carl.pop@example.com')
        .map((e) => e.subject),
    ).toEqual(['Welcome Carl']);
  });

  it('signs and sends GET (its default: every parameter in the query) as well', async () => {
    await client().request('SingleSendMail', mail('pop get'));
    expect(emu.outbox.filter((e) => e.subject === 'pop get').map((e) => e.to)).toEqual([
      'pop@example.com',
    ]);
    const viaProxy = await client({ viaProxy: true }).request<{
      data: { template: { TemplateName: string }[] };
    }>('QueryTemplateByParam', { KeyWord: 'welcome' });
    expect(viaProxy.data.template.map((t) => t.TemplateName)).toEqual(['welcome']);
    const seen = proxy.seen.at(-1);
    expect(seen?.method).toBe('GET');
    expect(seen?.path).toContain('Signature=');
    expect(seen?.body.length).toBe(0);
  });

  it('refuses a wrong secret and a tampered parameter with SignatureDoesNotMatch', async () => {
    expect(
      await codeOf(client({ secret: 'nope' }).request('SingleSendMail', mail('x'), post)),
    ).toBe('SignatureDoesNotMatch');
    proxy.rewrite = (body) =>
      body.replace('ToAddress=pop%40example.com', 'ToAddress=bad%40example.com');
    expect(
      await codeOf(client({ viaProxy: true }).request('SingleSendMail', mail('y'), post)),
    ).toBe('SignatureDoesNotMatch');
  });

  it('refuses an expired timestamp', async () => {
    emu.setAuthSkew(-20 * 60_000);
    expect(await codeOf(client().request('DescAccountSummary', {}, post))).toBe(
      'InvalidTimeStamp.Expired',
    );
  });

  it('refuses a request repeated with the same nonce and timestamp (byte-identical)', async () => {
    const fixed = {
      SignatureNonce: `pop-replay-${Date.now()}`,
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    const c = client({ viaProxy: true });
    await c.request('SingleSendMail', { ...mail('pop replay'), ...fixed }, post);
    expect(
      await codeOf(c.request('SingleSendMail', { ...mail('pop replay'), ...fixed }, post)),
    ).toBe('SignatureNonceUsed');
    const [first, second] = proxy.seen.slice(-2);
    expect(second?.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true);
    expect(emu.outbox.filter((e) => e.subject === 'pop replay')).toHaveLength(1);
  });
});
