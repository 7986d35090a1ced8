/**
 * The adapter's requests on the wire, against the emulator (written from the provider documents,
 * not from the adapter): each operation is built, sent with fetch and parsed, one attempt, so
 * these tests show what DirectMail-compatible servers accept, independent of the core's retries.
 */
import { aliyunDm, createAliyunDmClient } from '@mailbridge/aliyun-dm';
import { isMailError, type MailError } from '@mailbridge/core';
import type { AttemptContext, Execute, Operation } from '@mailbridge/core/provider';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const AWKWARD = "测试 😀 !'()*~+%&= 验证码\n#/?:@[]";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    aliyunKeys: [
      { id: 'LTAIwire', secret: 'wire-secret-0123456789' },
      { id: 'STSwire', secret: 'sts-secret-0123456789', token: 'sts-token-abc' },
    ],
  });
});
afterAll(async () => {
  await emu?.close();
});

const ctx = (n = 1): AttemptContext => ({
  attempt: n,
  signal: new AbortController().signal,
  now: Date.now,
  execute: () => Promise.reject(new Error('no pipeline in this unit test')),
});

/** One attempt: build, fetch, parse. */
async function once<T>(op: Operation<T>): Promise<T> {
  const request = await op.build(ctx());
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return op.parse({ status: response.status, headers, body: await response.text() }, ctx());
}
const execute: Execute = (op) => once(op);

function dm(signatureVersion: 'v1' | 'v3', sts = false) {
  const credentials = sts
    ? { id: 'STSwire', secret: 'sts-secret-0123456789', token: 'sts-token-abc' }
    : { id: 'LTAIwire', secret: 'wire-secret-0123456789' };
  return aliyunDm({
    region: 'cn-hangzhou',
    endpoint: emu.aliyunEndpoint,
    credentials,
    signatureVersion,
  });
}

function message(to: string) {
  return {
    from: { address: 'noreply@mail.example.com', name: '小明😀!' },
    to: [{ address: to }],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: AWKWARD,
    html: `<p>${AWKWARD}</p>`,
    text: AWKWARD,
    attachments: [],
    headers: {},
    tags: ['demo'],
    tracking: {},
    providerOptions: {},
  };
}

describe.each(['v1', 'v3'] as const)('signature %s', (version) => {
  it("a send full of CJK, emoji and !'()*~+%&= is accepted byte for byte", async () => {
    const to = `wire-${version}-${Date.now()}@example.com`;
    const receipt = await once(dm(version).send(message(to)));
    expect(receipt.messageId).toMatch(/^\d+$/);
    const copies = emu.outbox.filter((m) => m.to === to);
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({
      subject: AWKWARD,
      html: `<p>${AWKWARD}</p>`,
      text: AWKWARD,
      tag: 'demo',
    });
    // The emulator records FromAlias in `from` ("alias <address>"), not in `fromName`.
    expect(copies[0]?.from).toBe('小明😀! <noreply@mail.example.com>');
    expect(copies[0]?.messageId).toBe(receipt.messageId);
  });

  // v3: exactly the 8 MiB form-body limit. v1: 1 MiB, because the emulator's own v1 verifier
  // percent-encodes byte by byte and needs about 20 s for 8 MiB (the adapter signs in under 1 s;
  // packages/aliyun-dm/test/encode.test.ts bounds that).
  const size = version === 'v3' ? 8 * 1024 * 1024 : 1024 * 1024;
  it(`an html body of ${size} bytes arrives byte for byte`, async () => {
    const to = `big-${version}-${Date.now()}@example.com`;
    const head = `<p>${AWKWARD}`;
    const filler = size - Buffer.byteLength(`${head}</p>`);
    const html = `${head}${'abcdefgh'.repeat(Math.floor(filler / 8))}${'z'.repeat(filler % 8)}</p>`;
    expect(Buffer.byteLength(html)).toBe(size);
    await once(dm(version).send({ ...message(to), html, text: undefined } as never));
    const copy = emu.outbox.find((m) => m.to === to);
    expect(copy?.html?.length).toBe(html.length);
    expect(copy?.html === html).toBe(true);
  });

  it('with an STS token', async () => {
    const to = `sts-${version}-${Date.now()}@example.com`;
    await once(dm(version, true).send(message(to)));
    expect(emu.outbox.filter((m) => m.to === to)).toHaveLength(1);
  });

  it('raw actions round-trip through the emulator', async () => {
    const raw = dm(version).raw(execute);
    const summary = await raw.DescAccountSummary({});
    expect(typeof summary.RequestId).toBe('string');
    const templates = await raw.QueryTemplateByParam({ KeyWord: 'welcome' });
    expect(templates.data?.template?.map((t) => t.TemplateName)).toContain('welcome');
    const senders = await raw.QueryMailAddressByParam({ KeyWord: 'noreply' });
    expect(senders.data?.mailAddress?.[0]?.AccountName).toBe('noreply@mail.example.com');
    const tag = `t${version}${Date.now() % 100000}`;
    const created = await raw.CreateTag({ TagName: tag });
    expect(typeof created.TagId).toBe('string');
    const tags = await raw.QueryTagByParam({ KeyWord: tag });
    expect(tags.data?.tag?.map((t) => t.TagName)).toContain(tag);
  });
});

it('a provider error comes back classified by its Code', async () => {
  const bad = { ...message('x@example.com'), from: { address: 'nobody@mail.example.com' } };
  const error = await once(dm('v1').send(bad)).catch((e: unknown) => e);
  expect(isMailError(error)).toBe(true);
  expect(error as MailError).toMatchObject({
    code: 'not_found',
    providerCode: 'InvalidMailAddress.NotFound',
    delivery: 'not_sent',
  });
  expect((error as MailError).requestId).toBeTruthy();
});

it.each(['v1', 'v3'] as const)(
  '%s: a replayed request is refused as SignatureNonceUsed and recognised as such',
  async (version) => {
    const to = `replay-${version}-${Date.now()}@example.com`;
    const op = dm(version).send(message(to));
    const request = await op.build(ctx());
    const send = () =>
      fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body as string,
      });
    expect((await send()).status).toBe(200);
    const second = await send();
    const error = (() => {
      try {
        op.parse({ status: second.status, headers: {}, body: '' }, ctx());
      } catch (e) {
        return e;
      }
    })();
    expect(isMailError(error)).toBe(true);
    const text = await second.text();
    const replay = (() => {
      try {
        op.parse({ status: second.status, headers: {}, body: text }, ctx());
      } catch (e) {
        return e as MailError;
      }
    })();
    expect(replay?.providerCode).toBe('SignatureNonceUsed');
    expect(op.isReplayRejection?.(replay as MailError)).toBe(true);
    expect(emu.outbox.filter((m) => m.to === to)).toHaveLength(1);
  },
);

it('createAliyunDmClient: the standalone raw client runs through a mailer pipeline', async () => {
  const client = createAliyunDmClient(
    {
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAIwire', secret: 'wire-secret-0123456789' },
    },
    { mailer: { rateLimits: false } },
  );
  const summary = await client.DescAccountSummary({});
  expect(typeof summary.RequestId).toBe('string');
  const error = await client.QueryReceiverDetail({ ReceiverId: 'nope' }).catch((e: unknown) => e);
  expect(error).toMatchObject({ provider: 'aliyun-dm', code: 'not_found', attempts: 1 });
  // Over an execute function of the caller's, one attempt each.
  const direct = createAliyunDmClient(
    {
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAIwire', secret: 'wire-secret-0123456789' },
    },
    { execute },
  );
  const tags = await direct.QueryTagByParam({});
  expect(tags.data?.tag?.map((t) => t.TagName)).toContain('demo');
  await client.close();
  await direct.close();
});
