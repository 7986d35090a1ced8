/**
 * The unchanged official Tencent Cloud SES SDK (tencentcloud-sdk-nodejs-ses 4.1.76) against the
 * emulator: only the endpoint (`127.0.0.1:PORT`) and protocol (`http://`) differ from
 * production. Proves the emulator's TC3 verification and envelopes match the real client.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { ses } from 'tencentcloud-sdk-nodejs-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const Client = ses.v20201002.Client;
type SesClient = InstanceType<typeof Client>;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
  emu.setAuthSkew(0);
});

function client(endpoint = emu.host, secretKey?: string): SesClient {
  const key = emu.credentials.tencent[0]!;
  return new Client({
    credential: { secretId: key.id, secretKey: secretKey ?? key.secret },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint, protocol: 'http://', reqTimeout: 10 } },
  });
}

const welcome = {
  FromEmailAddress: 'Shop <noreply@mail.example.com>',
  Destination: ['ann@example.com'],
  Subject: 'Welcome',
  Template: { TemplateID: 100001, TemplateData: JSON.stringify({ name: 'Ann' }) },
};

/** The SDK's exception carries the provider code; anything else is a test failure. */
async function codeOf(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('official Tencent SES SDK against the emulator', () => {
  it('sends one templated email', async () => {
    const res = await client().SendEmail(welcome);
    expect(res.MessageId).toMatch(/^qcloudses-30-/);
    expect(res.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emu.outbox).toEqual([
      expect.objectContaining({
        to: 'ann@example.com',
        from: 'noreply@mail.example.com',
        fromName: 'Shop',
        html: '<p>Hello Ann</p>',
        messageId: res.MessageId,
      }),
    ]);
    expect(emu.requests['tencent-ses'].SendEmail).toBe(1);
  });

  it('creates a group, uploads recipients with data, and batch-sends to it', async () => {
    const sdk = client();
    const { ReceiverId } = await sdk.CreateReceiver({
      ReceiversName: 'sdk group',
      Desc: 'from the SDK',
    });
    expect(typeof ReceiverId).toBe('number');
    const upload = await sdk.CreateReceiverDetailWithData({
      ReceiverId: ReceiverId!,
      Datas: [
        { Email: 'a@example.com', TemplateData: JSON.stringify({ name: 'A' }) },
        { Email: 'b@example.com', TemplateData: JSON.stringify({ name: 'B' }) },
      ],
    });
    expect(upload.ValidCount).toBe(2);
    // Uploads are asynchronous (docs/providers/tencent-ses.md "Recipient groups"): poll until ReceiversStatus is 3, as a real client must.
    let status: number | undefined;
    for (let i = 0; i < 20 && status !== 3; i++) {
      const list = await sdk.ListReceivers({ Offset: 0, Limit: 10 });
      status = list.Data?.find((g) => g.ReceiverId === ReceiverId)?.ReceiversStatus;
    }
    expect(status).toBe(3);
    const { TaskId } = await sdk.BatchSendEmail({
      FromEmailAddress: 'noreply@mail.example.com',
      ReceiverId: ReceiverId!,
      Subject: 'Hello {{name}}',
      TaskType: 1,
      Template: { TemplateID: 100001, TemplateData: '' },
    });
    expect(emu.outbox.map((e) => [e.to, e.subject, e.taskId])).toEqual([
      ['a@example.com', 'Hello A', String(TaskId)],
      ['b@example.com', 'Hello B', String(TaskId)],
    ]);
    const tasks = await sdk.ListSendTasks({ Offset: 0, Limit: 10 });
    expect(tasks.Data?.[0]).toMatchObject({ TaskId, TaskStatus: 10, SendCount: 2 });
  });

  it('uploads plain addresses with CreateReceiverDetail', async () => {
    const sdk = client();
    const { ReceiverId } = await sdk.CreateReceiver({ ReceiversName: 'plain' });
    const res = await sdk.CreateReceiverDetail({
      ReceiverId: ReceiverId!,
      Emails: ['x@example.com', 'y@example.com'],
    });
    expect(res.TotalCount).toBe(2);
    const details = await sdk.ListReceiverDetails({
      ReceiverId: ReceiverId!,
      Offset: 0,
      Limit: 10,
    });
    expect(details.Data?.map((d) => d.Email)).toEqual(['x@example.com', 'y@example.com']);
  });

  it('surfaces provider errors through the SDK exception', async () => {
    const code = await codeOf(
      client().SendEmail({ ...welcome, Template: { TemplateID: 999, TemplateData: '{}' } }),
    );
    expect(code).toBe('FailedOperation.InvalidTemplateID');
    expect(emu.outbox).toHaveLength(0);
  });

  it('a wrong SecretKey is AuthFailure.SignatureFailure', async () => {
    expect(await codeOf(client(emu.host, 'not-the-secret').SendEmail(welcome))).toBe(
      'AuthFailure.SignatureFailure',
    );
    expect(emu.outbox).toHaveLength(0);
  });

  it('a body changed after signing (one byte, through a proxy) is AuthFailure.SignatureFailure', async () => {
    const proxy = await tamperingProxy(emu.port, (body) =>
      body.replace('ann@example.com', 'anm@example.com'),
    );
    try {
      expect(await codeOf(client(`127.0.0.1:${proxy.port}`).SendEmail(welcome))).toBe(
        'AuthFailure.SignatureFailure',
      );
      expect(proxy.tampered()).toBe(1);
      expect(emu.outbox).toHaveLength(0);
    } finally {
      await proxy.close();
    }
  });

  it('a timestamp 10 minutes off the server clock is AuthFailure.SignatureExpire', async () => {
    emu.setAuthSkew(10 * 60 * 1000);
    expect(await codeOf(client().SendEmail(welcome))).toBe('AuthFailure.SignatureExpire');
    emu.setAuthSkew(-10 * 60 * 1000);
    expect(await codeOf(client().SendEmail(welcome))).toBe('AuthFailure.SignatureExpire');
    emu.setAuthSkew(0);
    await client().SendEmail(welcome);
    expect(emu.outbox).toHaveLength(1);
  });

  it('a timed and a recurring batch fire on the emulator clock and show in ListSendTasks', async () => {
    const sdk = client();
    const { ReceiverId } = await sdk.CreateReceiver({ ReceiversName: 'scheduled' });
    await sdk.CreateReceiverDetail({ ReceiverId: ReceiverId!, Emails: ['s@example.com'] });
    const hour = 3_600_000;
    // BeginTime is written in UTC+8 (China Standard Time), `YYYY-MM-DD HH:mm:ss`.
    const cst = (ms: number) =>
      new Date(ms + 8 * hour).toISOString().slice(0, 19).replace('T', ' ');
    const start = emu.now() + hour;
    const common = {
      FromEmailAddress: 'noreply@mail.example.com',
      ReceiverId: ReceiverId!,
      Template: { TemplateID: 100001, TemplateData: JSON.stringify({ name: 'S' }) },
    };
    const timed = await sdk.BatchSendEmail({
      ...common,
      Subject: 'timed',
      TaskType: 2,
      TimedParam: { BeginTime: cst(start) },
    });
    const cycle = await sdk.BatchSendEmail({
      ...common,
      Subject: 'cycle',
      TaskType: 3,
      CycleParam: { BeginTime: cst(start), IntervalTime: 2 },
    });
    const status = async () => {
      const { Data } = await sdk.ListSendTasks({ Offset: 0, Limit: 10 });
      const of = (id?: number) => Data?.find((t) => t.TaskId === id);
      return [of(timed.TaskId)?.TaskStatus, of(cycle.TaskId)?.TaskStatus];
    };
    expect(await status()).toEqual([1, 1]);
    expect(emu.outbox).toHaveLength(0);
    emu.advance(hour);
    expect(emu.outbox.map((e) => e.subject)).toEqual(['timed', 'cycle']);
    expect(await status()).toEqual([10, 5]);
    emu.advance(4 * hour);
    expect(emu.outbox.map((e) => e.subject)).toEqual(['timed', 'cycle', 'cycle', 'cycle']);
    expect(await status()).toEqual([10, 5]);
  });
});

/** A one-shot forwarding proxy that rewrites the request body (same length) before the emulator. */
async function tamperingProxy(target: number, rewrite: (body: string) => string) {
  let count = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const original = Buffer.concat(chunks).toString('utf8');
      const changed = rewrite(original);
      if (changed !== original) count++;
      const upstream = request(
        {
          host: '127.0.0.1',
          port: target,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, 'content-length': String(Buffer.byteLength(changed)) },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      upstream.end(changed);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    tampered: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
