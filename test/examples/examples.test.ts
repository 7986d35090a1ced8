/**
 * Every example and the demo, run as a user runs them (`node --import tsx examples/<name>.ts`)
 * in a child process from the repository root: each must exit 0 within its time bound and print
 * the lines that show it did what its header says. Provider credentials and MAILBRIDGE_*
 * variables of the calling shell are removed, so no example can reach a real account.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '@mailbridge/emulator';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT_MS = 45_000;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without credentials or MAILBRIDGE_* settings, plus `extra`. */
function cleanEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(TENCENTCLOUD_|ALIBABA_CLOUD_|MAILBRIDGE_)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Run `examples/<name>.ts` with tsx; resolves with the exit code and output, never rejects. */
function run(name: string, args: readonly string[] = [], env = cleanEnv()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `examples/${name}.ts`, ...args],
      { cwd: ROOT, env, timeout: TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Assert a clean exit, showing stderr when it was not. */
function expectSuccess(result: Run): string {
  expect(result.code, result.stderr || result.stdout).toBe(0);
  return result.stdout;
}

describe('the demo', () => {
  it('runs both providers from one config value each and every step behaves', async () => {
    const out = expectSuccess(await run('demo'));
    expect(out).toMatch(/inbox: http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(
      /config: MAIL_URL=tencent-ses:\/\/ap-guangzhou\?endpoint=http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(out).toMatch(
      /config: MAIL_URL=aliyun-dm:\/\/cn-hangzhou\?endpoint=http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(out.match(/sendMany: 300\/300/g)).toHaveLength(2);
    expect(out.match(/sendMany x300 +ok 300 sent, 0 failed/g)).toHaveLength(2);
    expect(out).toMatch(/send, RequestLimitExceeded once +ok retried once .* 2\n/);
    expect(out).toMatch(/send, Throttling\.User once +ok retried once .* 2\n/);
    expect(out.match(/send, bad address +error invalid_input, not_sent/g)).toHaveLength(2);
    expect(out).toMatch(/sendBatch, timed \+1h +ok scheduled +task \d+/);
    expect(out).toMatch(/sendBatch, daily from \+2h +ok scheduled +task \d+/);
    // DirectMail has no scheduling: the embedded scheduler holds and fires its batches.
    expect(out).toMatch(/sendBatch, timed \+1h +ok scheduled +job …[0-9a-f-]+/);
    expect(out).toMatch(/sendBatch, daily from \+2h +ok scheduled +job …[0-9a-f-]+/);
    expect(out.match(/emulator clock \+26h +15 scheduled copies delivered/g)).toHaveLength(2);
    expect(out).toContain('outbox: 322 copies delivered (SendEmail 302, BatchSendEmail 20)');
    expect(out).toContain('outbox: 322 copies delivered (SingleSendMail 302, BatchSendMail 20)');
    expect(out).not.toContain('!!');
    expect(out).toMatch(/all steps behaved as expected in \d+\.\ds/);
    expect(out).toMatch(
      /send, tencent-ses throttled +ok tencent-ses not_sent, sent by aliyun-dm: 1 copy/,
    );
    expect(out).toMatch(/send, tencent-ses dropped +error network, unknown, aliyun-dm not called/);
  });

  it('--provider tencent-ses runs Tencent only', async () => {
    const out = expectSuccess(await run('demo', ['--provider', 'tencent-ses']));
    expect(out).toContain('MAIL_URL=tencent-ses://');
    expect(out).not.toContain('aliyun-dm');
    expect(out).toContain('all steps behaved as expected');
  });

  it('-- --provider aliyun-dm (as `pnpm demo -- --provider aliyun-dm` passes it) runs DirectMail only', async () => {
    const out = expectSuccess(await run('demo', ['--', '--provider', 'aliyun-dm']));
    expect(out).toContain('MAIL_URL=aliyun-dm://');
    expect(out).not.toContain('tencent-ses');
    expect(out).toContain('all steps behaved as expected');
  });

  it('an unknown --provider exits 2 naming the choices', async () => {
    const result = await run('demo', ['--provider', 'smtp']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown --provider smtp; use one of: tencent-ses, aliyun-dm');
  });

  it.each([
    [['--keep-open'], "Unknown option '--keep-open'"],
    [['--provider'], "Option '--provider <value>' argument missing"],
  ])(
    'a mistyped flag (%j) exits 2 with one line naming it, not a stack trace',
    async (args, says) => {
      const result = await run('demo', args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(says);
      expect(result.stderr).toContain('--provider tencent-ses|aliyun-dm');
      expect(result.stderr).not.toContain('    at ');
    },
  );
});

/** Every program this file runs; the first test checks examples/ holds no other. */
const COVERED = [
  'demo',
  'send-one',
  'swap-by-config',
  'groups-and-batch',
  'scheduled-and-recurring',
  'errors-and-retries',
  'unit-testing-with-the-testing-provider',
  'real-account',
  'receive-events',
  'failover',
];

describe('examples/', () => {
  it('every program in examples/ is run by this file', () => {
    const programs = readdirSync(`${ROOT}examples`)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3));
    expect(programs.sort()).toEqual([...COVERED].sort());
  });

  it("receive-events receives both providers' events, suppresses the bounce and refuses the next send", async () => {
    const out = expectSuccess(await run('receive-events'));
    expect(out).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+ /m);
    expect(out).toContain('event tencent-ses delivered ann@example.com');
    expect(out).toContain('event tencent-ses bounced(hard) bounce@example.com');
    expect(out).toContain('event aliyun-dm delivered bob@example.com');
    expect(out).toContain('suppressed: bounce@example.com (hard_bounce)');
    expect(out).toContain('status tencent-ses ann@example.com: delivered');
    expect(out).toContain('status aliyun-dm bob@example.com: delivered');
    expect(out).toContain('next send to bounce@example.com: invalid_recipient, not_sent');
  });

  it('send-one sends one template message', async () => {
    const out = expectSuccess(await run('send-one'));
    expect(out).toMatch(/^sent: qcloudses-\S+ \(tencent-ses, 1 attempt\)$/m);
    expect(out).toContain('delivered to ann@example.com: <p>Hello Ann</p>');
  });

  it('swap-by-config runs the same function on both providers without MAIL_URL', async () => {
    const out = expectSuccess(await run('swap-by-config'));
    expect(out).toMatch(/^tencent-ses: sent qcloudses-\S+$/m);
    expect(out).toMatch(/^aliyun-dm: sent \d+$/m);
  });

  it('swap-by-config sends through the provider MAIL_URL names, with env credentials', async () => {
    const emu = await startEmulator();
    try {
      const [key] = emu.credentials.aliyun;
      if (!key) throw new Error('no key');
      const env = cleanEnv({
        MAIL_URL: `aliyun-dm://cn-hangzhou?endpoint=${emu.url}`,
        MAILBRIDGE_TO: 'configured@example.com',
        ALIBABA_CLOUD_ACCESS_KEY_ID: key.id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.secret,
      });
      const out = expectSuccess(await run('swap-by-config', [], env));
      expect(out).toMatch(/^aliyun-dm: sent \d+$/m);
      expect(out).not.toContain('tencent-ses:');
      expect(emu.outbox.map((m) => [m.provider, m.to])).toEqual([
        ['aliyun-dm', 'configured@example.com'],
      ]);
    } finally {
      await emu.close();
    }
  });

  it('groups-and-batch uploads in provider-sized chunks and batch-sends to every member', async () => {
    const out = expectSuccess(await run('groups-and-batch'));
    expect(out).toContain('added 1200 recipients in 3 calls');
    expect(out).toContain('first members: customer-1@example.com, customer-2@example.com');
    expect(out).toMatch(/batch \d+: 1200 copies delivered/);
    expect(out).toContain('first copy: "Welcome Customer 1" to customer-1@example.com');
  });

  it('scheduled-and-recurring fires tasks on the emulator clock; DirectMail refuses', async () => {
    const out = expectSuccess(await run('scheduled-and-recurring'));
    expect(out).toMatch(/timed task \d+ at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC\+8\)/);
    expect(out).toContain('clock +1h: timed 2 copies, recurring 0 copies');
    expect(out).toContain('clock +1h: timed 2 copies, recurring 2 copies');
    expect(out).toContain('clock +24h: timed 2 copies, recurring 4 copies');
    expect(out).toContain('DirectMail: unsupported: aliyun-dm does not support schedule');
  });

  it('errors-and-retries shows not_sent retries, unknown delivery, invalid_input, unsupported', async () => {
    const out = expectSuccess(await run('errors-and-retries'));
    expect(out).toContain('sent after 3 attempts; copies: 1');
    expect(out).toMatch(/"code":"network","retryable":true,"delivery":"unknown","attempts":1/);
    expect(out).toContain('not retried; copies actually delivered: 1');
    expect(out).toContain('(identical replay)');
    expect(out).toMatch(/"delivery":"unknown","attempts":2,"providerCode":"SignatureNonceUsed"/);
    expect(out).toContain('copies delivered: 1 (never two)');
    expect(out).toContain('issue at to.1: invalid email address');
    expect(out).toMatch(/"code":"unsupported".*\n {2}aliyun-dm does not support cc/);
  });

  it('failover moves on only after not_sent, remembers a spent quota, spreads by weight', async () => {
    const out = expectSuccess(await run('failover'));
    expect(out).toContain('normal day: sent by tencent-ses (tencent-ses)');
    expect(out).toMatch(
      /Tencent quota spent: sent by dm-hangzhou; tencent-ses failed: quota_exceeded/,
    );
    expect(out).toMatch(
      /next send: tencent-ses skipped \(daily quota spent until \S+T16:00:00\.000Z\)/,
    );
    expect(out).toContain(
      'connection dropped after processing: network, delivery unknown; copies: 1',
    );
    expect(out).toContain('round-robin 3:1 over 40 sends: hangzhou 30, singapore 10');
  });

  it('unit-testing-with-the-testing-provider passes its own assertions', async () => {
    const out = expectSuccess(await run('unit-testing-with-the-testing-provider'));
    expect(out.match(/^ok: /gm)).toHaveLength(5);
  });

  it('real-account without credentials says what it needs and sends nothing', async () => {
    const out = expectSuccess(await run('real-account'));
    expect(out).toContain('real-account: not sending; this example needs:');
    expect(out).toContain('TENCENTCLOUD_SECRET_ID + TENCENTCLOUD_SECRET_KEY');
    expect(out).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID + ALIBABA_CLOUD_ACCESS_KEY_SECRET');
    expect(out).toContain('MAILBRIDGE_FROM');
  });

  it('real-account sends when everything is configured (pointed at the emulator)', async () => {
    const emu = await startEmulator();
    try {
      const [tencentKey] = emu.credentials.tencent;
      const [aliyunKey] = emu.credentials.aliyun;
      if (!tencentKey || !aliyunKey) throw new Error('no keys');
      const common = {
        MAILBRIDGE_ENDPOINT: emu.url,
        MAILBRIDGE_FROM: 'noreply@mail.example.com',
        MAILBRIDGE_TO: 'me@example.com',
      };
      const tencent = cleanEnv({
        ...common,
        TENCENTCLOUD_SECRET_ID: tencentKey.id,
        TENCENTCLOUD_SECRET_KEY: tencentKey.secret,
        MAILBRIDGE_TEMPLATE_ID: '100001',
        MAILBRIDGE_TEMPLATE_DATA: '{"name":"Me"}',
      });
      expect(expectSuccess(await run('real-account', [], tencent))).toMatch(
        /^tencent-ses: sent qcloudses-\S+ \(request \S+\)$/m,
      );
      const aliyun = cleanEnv({
        ...common,
        ALIBABA_CLOUD_ACCESS_KEY_ID: aliyunKey.id,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: aliyunKey.secret,
      });
      expect(expectSuccess(await run('real-account', [], aliyun))).toMatch(
        /^aliyun-dm: sent \d+ \(request \S+\)$/m,
      );
      expect(emu.outbox.map((m) => [m.provider, m.to, m.html ?? m.text])).toEqual([
        ['tencent-ses', 'me@example.com', '<p>Hello Me</p>'],
        ['aliyun-dm', 'me@example.com', 'Sent by examples/real-account.ts of mailbridge.'],
      ]);
    } finally {
      await emu.close();
    }
  });

  it('real-account with Tencent keys but no template asks for MAILBRIDGE_TEMPLATE_ID', async () => {
    const env = cleanEnv({
      TENCENTCLOUD_SECRET_ID: 'AKIDexample',
      TENCENTCLOUD_SECRET_KEY: 'example',
      MAILBRIDGE_FROM: 'noreply@example.com',
      MAILBRIDGE_TO: 'you@example.com',
    });
    const out = expectSuccess(await run('real-account', [], env));
    expect(out).toContain('MAILBRIDGE_TEMPLATE_ID: an approved Tencent SES template id');
    expect(out).not.toContain('credentials:');
    expect(out).not.toContain('example\n');
  });
});
