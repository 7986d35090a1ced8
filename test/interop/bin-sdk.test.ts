/**
 * The `mailbridge-emulator` bin, as a person or a non-JS tool runs it, serving the unchanged
 * official SDKs: it prints one JSON line (endpoints and keys), accepts a `--seed` file, answers
 * `tencentcloud-sdk-nodejs-ses`, `@alicloud/dm20151123` (V3 and v2) and `@alicloud/pop-core`,
 * shows the mail on `GET /__emulator/outbox`, and exits 0 on SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import DmModule, * as dm from '@alicloud/dm20151123';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import PopCore from '@alicloud/pop-core';
import { ses } from 'tencentcloud-sdk-nodejs-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type DmClientClass = typeof DmModule.default;
const DmClient: DmClientClass =
  (DmModule as unknown as { default?: DmClientClass }).default ??
  (DmModule as unknown as DmClientClass);

/** The bin as package.json declares it, from the built dist (as `npx mailbridge-emulator` runs it). */
function binPath(): string {
  const pkgJson = createRequire(import.meta.url).resolve('@mailbridge/emulator/package.json');
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { bin: Record<string, string> };
  const rel = pkg.bin['mailbridge-emulator'];
  if (rel === undefined) throw new Error('package.json declares no mailbridge-emulator bin');
  return join(dirname(pkgJson), rel);
}

interface StartLine {
  aliyunEndpoint: string;
  tencentEndpoint: string;
  credentials: Record<'aliyun' | 'tencent', { id: string; secret: string }[]>;
}

interface OutboxEntry {
  provider: string;
  action: string;
  to: string;
  subject: string;
}

let child: ChildProcess;
let line: StartLine;
let stdout = '';

/** Spawn the bin and wait (10 s at most) for its first stdout line. */
function start(args: readonly string[]): Promise<StartLine> {
  child = spawn(process.execPath, [binPath(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line in 10 s: ${stderr}`)), 10_000);
    child.once('exit', (code) => reject(new Error(`exited ${code} early: ${stderr}`)));
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      const nl = stdout.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(JSON.parse(stdout.slice(0, nl)) as StartLine);
      }
    });
  });
}

beforeAll(async () => {
  const seedFile = join(mkdtempSync(join(tmpdir(), 'mb-bin-sdk-')), 'seed.json');
  writeFileSync(
    seedFile,
    JSON.stringify({
      tencent: {
        templates: [{ id: 300001, name: 'bin', html: '<p>Bin {{who}}</p>', text: 'Bin {{who}}' }],
        groups: [{ id: 900, name: 'bin-group', recipients: ['g1@example.com', 'g2@example.com'] }],
      },
      aliyun: {
        receivers: [
          { name: 'bin-list', alias: 'bin@example.com', members: [{ email: 'l@x.com' }] },
        ],
      },
    }),
  );
  line = await start(['--port', '0', '--aliyun-key', 'LTAIbinsdk:binsecret', '--seed', seedFile]);
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

const hostOf = () => new URL(line.tencentEndpoint).host;

async function outbox(): Promise<OutboxEntry[]> {
  const res = await fetch(`${line.aliyunEndpoint}/__emulator/outbox`);
  return ((await res.json()) as { outbox: OutboxEntry[] }).outbox;
}

describe('mailbridge-emulator bin with the official SDKs', () => {
  it('prints endpoints and keys: the given aliyun key, a generated tencent pair', () => {
    expect(line.aliyunEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(line.tencentEndpoint).toBe(line.aliyunEndpoint);
    expect(line.credentials.aliyun).toEqual([{ id: 'LTAIbinsdk', secret: 'binsecret' }]);
    expect(line.credentials.tencent).toEqual([
      { id: expect.stringMatching(/^AKID/), secret: expect.any(String) },
    ]);
  });

  it('serves tencentcloud-sdk-nodejs-ses: a send and a batch from the seed file', async () => {
    const [key] = line.credentials.tencent;
    const client = new ses.v20201002.Client({
      credential: { secretId: key?.id ?? '', secretKey: key?.secret ?? '' },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: hostOf(), protocol: 'http://', reqTimeout: 10 } },
    });
    const sent = await client.SendEmail({
      FromEmailAddress: 'noreply@mail.example.com',
      Destination: ['t@example.com'],
      Subject: 'bin tencent',
      Template: { TemplateID: 300001, TemplateData: JSON.stringify({ who: 'T' }) },
    });
    expect(sent.MessageId).toMatch(/^qcloudses-/);
    await client.BatchSendEmail({
      FromEmailAddress: 'noreply@mail.example.com',
      ReceiverId: 900,
      Subject: 'bin batch',
      TaskType: 1,
      Template: { TemplateID: 300001, TemplateData: JSON.stringify({ who: 'G' }) },
    });
    const mail = (await outbox()).filter((e) => e.provider === 'tencent-ses');
    expect(mail.map((e) => [e.action, e.to, e.subject])).toEqual([
      ['SendEmail', 't@example.com', 'bin tencent'],
      ['BatchSendEmail', 'g1@example.com', 'bin batch'],
      ['BatchSendEmail', 'g2@example.com', 'bin batch'],
    ]);
  });

  it.each([
    ['V3', undefined],
    ['v2', 'v2'],
  ] as const)('serves @alicloud/dm20151123 (%s signing)', async (label, signatureAlgorithm) => {
    const client = new DmClient(
      new $OpenApiUtil.Config({
        accessKeyId: 'LTAIbinsdk',
        accessKeySecret: 'binsecret',
        endpoint: hostOf(),
        protocol: 'http',
        ...(signatureAlgorithm && { signatureAlgorithm }),
      }),
    );
    const subject = `bin dm ${label}`;
    await client.singleSendMail(
      new dm.SingleSendMailRequest({
        accountName: 'noreply@mail.example.com',
        addressType: 1,
        replyToAddress: false,
        toAddress: 'dm@example.com',
        subject,
        textBody: 'hi',
      }),
    );
    await client.batchSendMail(
      new dm.BatchSendMailRequest({
        accountName: 'batch@mail.example.com',
        addressType: 1,
        templateName: 'welcome',
        receiversName: 'bin-list',
      }),
    );
    const mail = await outbox();
    expect(mail.filter((e) => e.subject === subject).map((e) => e.to)).toEqual(['dm@example.com']);
    expect(mail.filter((e) => e.action === 'BatchSendMail').at(-1)?.to).toBe('l@x.com');
  });

  it('serves @alicloud/pop-core, and refuses it a wrong secret', async () => {
    const pop = (secret: string) =>
      new PopCore({
        accessKeyId: 'LTAIbinsdk',
        accessKeySecret: secret,
        endpoint: line.aliyunEndpoint,
        apiVersion: '2015-11-23',
      });
    const mail = {
      AccountName: 'noreply@mail.example.com',
      AddressType: 1,
      ReplyToAddress: 'false',
      ToAddress: 'pop@example.com',
      Subject: 'bin pop',
      TextBody: 'hi',
    };
    await pop('binsecret').request('SingleSendMail', mail, { method: 'POST' });
    expect((await outbox()).filter((e) => e.subject === 'bin pop')).toHaveLength(1);
    const refused = await pop('wrong')
      .request('SingleSendMail', mail, { method: 'POST' })
      .then(
        () => 'no error',
        (error: unknown) => (error as { code?: string }).code,
      );
    expect(refused).toBe('SignatureDoesNotMatch');
  });

  it('stops cleanly on SIGTERM (exit 0), having printed exactly one line', async () => {
    const exited = new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no exit within 5 s')), 5_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
