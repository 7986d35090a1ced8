/**
 * The adapter through the core's mailer against the emulator: retries, the nonce replay,
 * streamed group uploads, and redaction (issue 4, "Done when").
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type MailError, type MailerOptions } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import type { Agent, Dispatcher } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure as mailError } from '../helpers/failure.js';
import { deadOrigin, RefusingAgent } from '../helpers/refusing-agent.js';

const SECRET = 'mailer-secret-0123456789abcdef';

/** Records every request body and URL it dispatches (the injected transport, not a mock). */
class RecordingAgent extends RefusingAgent {
  readonly sent: string[] = [];
  override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): boolean {
    this.sent.push(`${options.path} ${typeof options.body === 'string' ? options.body : ''}`);
    return super.dispatch(options, handler);
  }
}

let emu: Emulator;
let agent: RecordingAgent;
const seen: unknown[] = [];
const errors: MailError[] = [];

beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [{ id: 'LTAImailer', secret: SECRET }] });
  agent = new RecordingAgent(await deadOrigin());
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
});
beforeEach(() => emu.clearFaults());

function mailer(options: MailerOptions = {}) {
  const hooks = {
    onRequest: (e: unknown) => seen.push(e),
    onResponse: (e: unknown) => seen.push(e),
    onRetry: (e: unknown) => seen.push(e),
    onError: (e: unknown) => seen.push(e),
  };
  return createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAImailer', secret: SECRET },
    }),
    {
      dispatcher: agent as unknown as Agent,
      hooks,
      retry: { minDelayMs: 1, maxDelayMs: 5 },
      ...options,
    },
  );
}

async function failure(promise: Promise<unknown>): Promise<MailError> {
  const error = await mailError(promise);
  errors.push(error);
  return error;
}

let n = 0;
const to = () => `mailer-${++n}-${Date.now()}@example.com`;
const copies = (address: string) => emu.outbox.filter((m) => m.to === address).length;
const message = (address: string) => ({
  from: 'Shop <noreply@mail.example.com>',
  to: address,
  subject: "测试 😀 !'()*~+%&=",
  html: "<p>你好 😀 !'()*~+%&=</p>",
  text: "你好 😀 !'()*~+%&=",
});

describe('sends through the mailer', () => {
  it('delivers once, with the EnvId as a string message id', async () => {
    const address = to();
    const result = await mailer().send(message(address));
    expect(result).toMatchObject({ provider: 'aliyun-dm', attempts: 1 });
    expect(result.messageId).toMatch(/^\d{16,}$/);
    expect(copies(address)).toBe(1);
    expect(emu.outbox.find((m) => m.to === address)?.subject).toBe("测试 😀 !'()*~+%&=");
  });

  it('a connection dropped after processing: one copy, delivery unknown, the replay refused', async () => {
    const address = to();
    const before = agent.sent.length;
    emu.inject({ provider: 'aliyun-dm', action: 'SingleSendMail', fault: { kind: 'drop' } });
    const error = await failure(mailer().send(message(address)));
    expect(error.delivery).toBe('unknown');
    expect(error.retryable).toBe(false);
    expect(error.providerCode).toBe('SignatureNonceUsed');
    expect(error.attempts).toBe(2);
    expect(copies(address)).toBe(1);
    // The replay is byte-identical: same nonce, same signature.
    const [first, replay] = agent.sent.slice(before);
    expect(replay).toBe(first);
  });

  it('a replay refused for its age (InvalidTimeStamp.Expired) still reports delivery unknown', async () => {
    const address = to();
    // Signed 2.5 s inside the 15-minute window: the first copy is accepted (and its answer
    // dropped); the replay, 5 s later, is past the window and refused before its nonce is read.
    const m = mailer({
      now: () => Date.now() - 15 * 60_000 + 2_500,
      retry: { minDelayMs: 5_000, maxDelayMs: 5_000 },
    });
    emu.inject({ provider: 'aliyun-dm', action: 'SingleSendMail', fault: { kind: 'drop' } });
    const error = await failure(m.send(message(address)));
    expect(error).toMatchObject({
      delivery: 'unknown',
      retryable: false,
      providerCode: 'InvalidTimeStamp.Expired',
      attempts: 2,
    });
    expect(copies(address)).toBe(1);
  });

  it('a reset before processing: retried, delivered once', async () => {
    const address = to();
    emu.inject({ provider: 'aliyun-dm', action: 'SingleSendMail', fault: { kind: 'reset' } });
    const result = await mailer().send(message(address));
    expect(result.attempts).toBe(2);
    expect(copies(address)).toBe(1);
  });

  it('a refused connection: retried with a fresh nonce and timestamp, delivered once', async () => {
    const address = to();
    const before = agent.sent.length;
    agent.refuseNext();
    const result = await mailer().send(message(address));
    expect(result.attempts).toBe(2);
    expect(copies(address)).toBe(1);
    const nonces = agent.sent
      .slice(before)
      .map((line) => new URLSearchParams(line.split(' ')[1]).get('SignatureNonce'));
    expect(nonces).toHaveLength(2);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('throttling is retried and honoured; InvalidSendMail.Spam is not', async () => {
    const address = to();
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SingleSendMail',
      count: 2,
      fault: { kind: 'error', code: 'Throttling.User', status: 400 },
    });
    expect((await mailer().send(message(address))).attempts).toBe(3);
    const spam = to();
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SingleSendMail',
      fault: { kind: 'error', code: 'InvalidSendMail.Spam', status: 400 },
    });
    const error = await failure(mailer().send(message(spam)));
    expect(error).toMatchObject({
      code: 'rejected',
      retryable: false,
      delivery: 'not_sent',
      attempts: 1,
    });
    expect(copies(spam)).toBe(0);
  });

  it('cc is unsupported before any request', async () => {
    const before = emu.requestCount({ provider: 'aliyun-dm', action: 'SingleSendMail' });
    const error = await failure(mailer().send({ ...message(to()), cc: 'c@example.com' }));
    expect(error.code).toBe('unsupported');
    expect(emu.requestCount({ provider: 'aliyun-dm', action: 'SingleSendMail' })).toBe(before);
  });
});

describe('batches and groups', () => {
  it('a scheduled batch with no scheduler configured names the option, with no request', async () => {
    const before = emu.requestCount({ provider: 'aliyun-dm', action: 'BatchSendMail' });
    const error = await failure(
      mailer().sendBatch({
        from: 'batch@mail.example.com',
        group: 'g',
        template: { id: 'welcome' },
        schedule: { at: new Date(Date.now() + 60_000) },
      }),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toMatch(/createMailer\(provider, \{ scheduler \}\)/);
    expect(emu.requestCount({ provider: 'aliyun-dm', action: 'BatchSendMail' })).toBe(before);
  });

  it('uploads 10,000 recipients (a full list) from an async generator in 20 calls, with progress', async () => {
    const m = mailer({ rateLimits: false });
    const name = `big${Date.now() % 1_000_000}`;
    await m.groups.create({ name });
    const calls = () => emu.requestCount({ provider: 'aliyun-dm', action: 'SaveReceiverDetail' });
    const before = calls();
    const progress: number[] = [];
    async function* recipients() {
      for (let i = 0; i < 10_000; i++)
        yield { address: `r${i}@example.com`, data: { UserName: `用户${i}` } };
    }
    const result = await m.groups.addRecipients(name, recipients(), {
      onProgress: (p) => progress.push(p.added),
    });
    expect(result).toEqual({ added: 10_000, calls: 20 });
    expect(calls() - before).toBe(20);
    expect(progress).toHaveLength(20);
    expect(progress.at(-1)).toBe(10_000);
    const state = emu.state()['aliyun-dm'] as { receivers: { name: string; members: unknown[] }[] };
    expect(state.receivers.find((r) => r.name === name)?.members).toHaveLength(10_000);
  });

  it('an upload chunk cut by a reset is replayed identically and the upload completes', async () => {
    const m = mailer({ rateLimits: false });
    const name = `rst${Date.now() % 1_000_000}`;
    await m.groups.create({ name });
    const before = agent.sent.length;
    emu.inject({ provider: 'aliyun-dm', action: 'SaveReceiverDetail', fault: { kind: 'reset' } });
    const result = await m.groups.addRecipients(
      name,
      Array.from({ length: 3 }, (_, i) => `reset${i}@example.com`),
    );
    expect(result).toEqual({ added: 3, calls: 1 });
    const [first, replay] = agent.sent.slice(before);
    expect(replay).toBe(first);
    const state = emu.state()['aliyun-dm'] as { receivers: { name: string; members: unknown[] }[] };
    expect(state.receivers.find((r) => r.name === name)?.members).toHaveLength(3);
  });

  it('an upload chunk whose answer was lost: the replay is refused, reported as unknown', async () => {
    const m = mailer({ rateLimits: false });
    const name = `drp${Date.now() % 1_000_000}`;
    await m.groups.create({ name });
    emu.inject({ provider: 'aliyun-dm', action: 'SaveReceiverDetail', fault: { kind: 'drop' } });
    const error = await failure(m.groups.addRecipients(name, ['drop@example.com']));
    expect(error).toMatchObject({ delivery: 'unknown', providerCode: 'SignatureNonceUsed' });
    const state = emu.state()['aliyun-dm'] as { receivers: { name: string; members: unknown[] }[] };
    expect(state.receivers.find((r) => r.name === name)?.members).toHaveLength(1);
  });

  it('create, upload, list, batch send, remove, delete', async () => {
    const m = mailer();
    const name = `grp${Date.now() % 1_000_000}`;
    const group = await m.groups.create({ name, description: '测试' });
    expect(group.id).toBe(name);
    const members = [to(), to()];
    await m.groups.addRecipients(
      group.id,
      members.map((address) => ({ address, data: { UserName: 'Ann' } })),
    );
    const listed: string[] = [];
    for await (const g of m.groups.list()) listed.push(g.id);
    expect(listed).toContain(name);
    const inGroup: string[] = [];
    for await (const r of m.groups.listRecipients(name)) inGroup.push(r.address);
    expect(inGroup.sort()).toEqual([...members].sort());
    await m.groups.removeRecipients(name, [members[0] as string]);
    const after: string[] = [];
    for await (const r of m.groups.listRecipients(name)) after.push(r.address);
    expect(after).toEqual([members[1]]);
    const batch = await m.sendBatch({
      from: 'batch@mail.example.com',
      group: name,
      template: { id: 'welcome' },
      tags: ['demo'],
    });
    expect(batch.batchId).toMatch(/^\d+$/);
    expect(emu.outbox.find((e) => e.to === members[1])?.subject).toBe('Welcome Ann');
  });

  it('a group created elsewhere is found by name through QueryReceiverByParam', async () => {
    const name = `ext${Date.now() % 1_000_000}`;
    emu.seed({ aliyun: { receivers: [{ name, members: [{ email: 'ext@example.com' }] }] } });
    const found: string[] = [];
    for await (const r of mailer().groups.listRecipients(name)) found.push(r.address);
    expect(found).toEqual(['ext@example.com']);
    const missing = await failure(mailer().groups.delete('no-such-list'));
    expect(missing.code).toBe('not_found');
  });

  it('the raw client runs through the same pipeline', async () => {
    const raw = mailer().raw;
    const summary = await raw.DescAccountSummary({});
    expect(typeof summary.RequestId).toBe('string');
    const error = await failure(raw.QueryReceiverDetail({ ReceiverId: 'nope' }));
    expect(error.code).toBe('not_found');
  });
});

afterAll(() => {
  // No secret and no signature in any error or hook payload.
  const signatures = agent.sent.flatMap((line) => {
    const value = new URLSearchParams(line.split(' ')[1]).get('Signature');
    return value ? [value] : [];
  });
  expect(signatures.length).toBeGreaterThan(10);
  expect(seen.length).toBeGreaterThan(10);
  expect(errors.length).toBeGreaterThan(3);
  const texts = [
    ...errors.flatMap((e) => [e.message, e.stack ?? '', JSON.stringify(e)]),
    ...seen.map((p) => JSON.stringify(p)),
  ];
  for (const text of texts) {
    expect(text.includes(SECRET), `secret leaked: ${text.slice(0, 200)}`).toBe(false);
    for (const signature of signatures) {
      expect(text.includes(signature), `signature leaked: ${text.slice(0, 200)}`).toBe(false);
      expect(
        text.includes(encodeURIComponent(signature)),
        `signature leaked: ${text.slice(0, 200)}`,
      ).toBe(false);
    }
  }
});

describe('two mailers over one provider', () => {
  it("keep group-name lookups in the pipeline of the mailer that asked (B closed, A's still work)", async () => {
    const name = `shared-${Date.now()}`;
    // Created through another provider object, so the shared one has not seen this name.
    const other = mailer();
    await other.groups.create({ name });
    await other.close();

    const provider = aliyunDm({
      region: 'cn-hangzhou',
      endpoint: emu.aliyunEndpoint,
      credentials: { id: 'LTAImailer', secret: SECRET },
    });
    const actions = { a: [] as string[], b: [] as string[] };
    const hooksOf = (list: string[]) => ({
      onRequest: (e: { action: string }) => {
        list.push(e.action);
      },
    });
    const a = createMailer(provider, { hooks: hooksOf(actions.a) });
    const b = createMailer(provider, { hooks: hooksOf(actions.b) });
    // B is the mailer created last (and the last to build a raw client): it must not own A's calls.
    await b.raw.QueryReceiverByParam({ PageSize: 10 });
    await b.close();

    const result = await a.groups.addRecipients(name, ['one@example.com']);
    expect(result.added).toBe(1);
    expect(actions.a).toEqual(['QueryReceiverByParam', 'SaveReceiverDetail']);
    expect(actions.b).toEqual(['QueryReceiverByParam']);
    await a.close();
  });
});
