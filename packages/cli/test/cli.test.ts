/**
 * The built `mailbridge` bin against the emulator (issue 20, "Done when"): a send in both
 * output modes, each failure class with its exit code, a batch scheduled natively on Tencent
 * SES, `--help` with examples on every command, and the emulator command.
 */
import type { Emulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, type Running, run, spawnBin, start, tencentEmulator, until } from './run.js';

const KEY = { id: 'AKIDclitest', secret: 'cli-secret-do-not-print-0123456789' };
let emu: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  const started = await tencentEmulator(KEY);
  emu = started.emu;
  env = { ...started.env, MAIL_FROM: 'Shop <noreply@mail.example.com>' };
});
afterAll(async () => {
  await emu?.close();
});
beforeEach(() => emu.clearFaults());

const WELCOME = ['--template', '100001', '--data', '{"name":"Ann"}', '--subject', 'Welcome'];

describe('mailbridge send', () => {
  it('sends and prints the message id and attempts (human and --json)', async () => {
    const human = await run(['send', '--to', 'ann@example.com', ...WELCOME], env);
    expect(human.code).toBe(0);
    const last = emu.outbox.at(-1);
    expect(last?.to).toBe('ann@example.com');
    expect(last?.html).toBe('<p>Hello Ann</p>');
    expect(human.stdout).toContain(`message id ${last?.messageId}`);
    expect(human.stdout).toContain('1 attempt');

    const ran = await run(['--json', 'send', '--to', 'bob@example.com', ...WELCOME], env);
    expect(ran.code).toBe(0);
    const out = json(ran);
    expect(out).toMatchObject({ ok: true, provider: 'tencent-ses', attempts: 1 });
    expect(out.messageId).toBe(emu.outbox.at(-1)?.messageId);
  });

  it('exits 2 for invalid input, before any request', async () => {
    const before = emu.requestCount();
    const bad = await run(['--json', 'send', '--to', 'not-an-address', ...WELCOME], env);
    expect(bad.code).toBe(2);
    expect(json(bad)).toMatchObject({ ok: false, exitCode: 2, error: { code: 'invalid_input' } });
    const noBody = await run(['send', '--to', 'a@example.com', '--subject', 'x'], env);
    expect(noBody.code).toBe(2);
    expect(noBody.stderr).toContain('--html FILE, --text TEXT or --template ID');
    const badData = await run(
      ['send', '--to', 'a@example.com', '--template', '1', '--data', '[1'],
      env,
    );
    expect(badData.code).toBe(2);
    const unknownFlag = await run(['send', '--to', 'a@example.com', '--bogus'], env);
    expect(unknownFlag.code).toBe(2);
    const noProvider = await run(['send', '--to', 'a@example.com', '--text', 'x'], {
      MAIL_FROM: 'a@b.example',
    });
    expect(noProvider.code).toBe(2);
    expect(noProvider.stderr).toContain('MAIL_URL');
    expect(emu.requestCount()).toBe(before);
  });

  it('with --json, a flag commander refuses is one JSON document on stdout too', async () => {
    for (const args of [
      ['--json', 'send', '--to', 'a@example.com', '--bogus'],
      ['send', '--subject', 'x', '--json'],
      ['--json', 'nosuchcommand'],
    ]) {
      const ran = await run(args, env);
      expect(ran.code, args.join(' ')).toBe(2);
      expect(json(ran), args.join(' ')).toMatchObject({
        ok: false,
        exitCode: 2,
        error: { code: 'invalid_input', message: expect.stringMatching(/^(unknown|required)/) },
      });
    }
  });

  it('exits 3 when the provider certainly did not send it, printing code and delivery', async () => {
    const wrong = { ...env, TENCENTCLOUD_SECRET_KEY: 'wrong-secret-0123456789abcdef' };
    const ran = await run(['--json', 'send', '--to', 'ann@example.com', ...WELCOME], wrong);
    expect(ran.code).toBe(3);
    const out = json(ran);
    expect(out).toMatchObject({
      ok: false,
      exitCode: 3,
      error: { code: 'auth', delivery: 'not_sent' },
    });
    const human = await run(['send', '--to', 'ann@example.com', ...WELCOME], wrong);
    expect(human.code).toBe(3);
    expect(human.stderr).toMatch(/delivery: not_sent/);
    expect(human.stderr).toMatch(/provider code: AuthFailure/);
    for (const text of [ran.stdout, ran.stderr, human.stdout, human.stderr]) {
      expect(text).not.toContain('wrong-secret');
      expect(text).not.toContain(KEY.secret);
    }
  });

  it('exits 4 when the message may have been sent (answer lost after execution)', async () => {
    emu.inject({ provider: 'tencent-ses', action: 'SendEmail', fault: { kind: 'drop' } });
    const copies = emu.outbox.length;
    const ran = await run(['--json', 'send', '--to', 'lost@example.com', ...WELCOME], env);
    expect(ran.code).toBe(4);
    expect(json(ran)).toMatchObject({ ok: false, exitCode: 4, error: { delivery: 'unknown' } });
    // It was in fact executed: exactly why the exit code must not say "not sent".
    expect(emu.outbox.length).toBe(copies + 1);
  });
});

describe('mailbridge batch', () => {
  it('schedules a Tencent batch natively; the emulator fires it when its clock passes --at', async () => {
    const created = json(await run(['--json', 'groups', 'create', 'cli-batch'], env));
    const id = String((created.group as { id: string }).id);
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync(`${(await import('node:os')).tmpdir()}/mb-cli-`);
    const file = `${dir}/few.jsonl`;
    writeFileSync(
      file,
      ['carol', 'dave', 'erin']
        .map((n) => JSON.stringify({ address: `${n}@example.com`, data: { name: n } }))
        .join('\n'),
    );
    const up = await run(['--json', 'groups', 'upload', id, file], env);
    expect(up.code).toBe(0);
    expect(json(up)).toMatchObject({ rows: 3, resumedFrom: 0 });

    const at = new Date(emu.now() + 2 * 60 * 60 * 1000).toISOString();
    const ran = await run(
      [
        '--json',
        'batch',
        '--group',
        id,
        '--template',
        '100001',
        '--subject',
        'Batch hi',
        '--at',
        at,
      ],
      env,
    );
    expect(ran.code).toBe(0);
    const out = json(ran);
    expect(out).toMatchObject({ ok: true, scheduled: true, provider: 'tencent-ses' });
    expect(emu.outbox.filter((m) => m.subject === 'Batch hi')).toHaveLength(0);
    emu.advance(3 * 60 * 60 * 1000);
    const fired = emu.outbox.filter((m) => m.subject === 'Batch hi');
    expect(fired.map((m) => m.to).sort()).toEqual([
      'carol@example.com',
      'dave@example.com',
      'erin@example.com',
    ]);
    expect(fired[0]?.taskId).toBe(String(out.batchId));

    const bad = await run(['batch', '--group', id, '--template', '100001', '--every', '7'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--every needs --at');
  });
});

describe('help, version, status and the emulator command', () => {
  it('has --help with examples on every command', async () => {
    const commands = [
      [],
      ['send'],
      ['groups'],
      ['groups', 'create'],
      ['groups', 'list'],
      ['groups', 'show'],
      ['groups', 'upload'],
      ['groups', 'remove'],
      ['groups', 'delete'],
      ['batch'],
      ['status'],
      ['emulator'],
    ];
    for (const command of commands) {
      const ran = await run([...command, '--help']);
      expect(ran.code, command.join(' ')).toBe(0);
      expect(ran.stdout, command.join(' ')).toContain('Examples:');
    }
    const version = await run(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('status: reachable with good keys (exit 0), auth failure otherwise (exit 3)', async () => {
    const ok = await run(['--json', 'status'], env);
    expect(ok.code).toBe(0);
    expect(json(ok)).toMatchObject({
      provider: 'tencent-ses',
      reachable: true,
      credentials: 'accepted',
    });
    const bad = await run(['status'], { ...env, TENCENTCLOUD_SECRET_KEY: 'nope-0123456789abcdef' });
    expect(bad.code).toBe(3);
  });

  it('status: a provider URL that is no URL is invalid input (exit 2), as for send', async () => {
    for (const url of ['garbage', 'aliyun-dm://LTAIabc:url-secret-0123@cn hangzhou']) {
      const sent = await run(
        ['--json', '--url', url, 'send', '--to', 'a@example.com', '--text', 'x'],
        env,
      );
      const ran = await run(['--json', '--url', url, 'status'], env);
      expect(ran.code).toBe(2);
      const out = json(ran) as { error: { code: string; message: string } };
      expect(out.error.code).toBe('invalid_input');
      expect(out.error.message).toBe((json(sent) as { error: { message: string } }).error.message);
      expect(ran.stdout + ran.stderr).not.toContain('url-secret-0123');
    }
  });

  it.each(['', ' ', '0x1f90', '8e3', '80.5', '-1', '65536'])(
    'emulator: refuses --port %j with exit 2, naming it, and starts nothing',
    async (port) => {
      const ran = await run(['emulator', '--port', port, '--quiet'], {}, 10_000);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain('--port must be 0-65535');
      expect(ran.stdout).toBe('');
    },
  );

  it.each(['not a url', 'emulator:8025', 'ftp://emulator:8025', 'http://emulator:8025/api'])(
    'emulator: refuses --public-url %j with exit 2, naming it, and starts nothing',
    async (url) => {
      const ran = await run(
        ['emulator', '--port', '0', '--public-url', url, '--quiet'],
        {},
        10_000,
      );
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain(`--public-url must be an http(s) origin`);
      expect(ran.stderr).toContain(url);
      expect(ran.stdout).toBe('');
    },
  );

  it('emulator --public-url: prints the endpoints under that URL (the bin’s meaning)', async () => {
    const running = start([
      '--json',
      'emulator',
      '--port',
      '0',
      '--public-url',
      'http://emulator:8025',
      '--quiet',
    ]);
    try {
      await until(() => running.output().stdout.includes('\n'), 20_000, 'the emulator start line');
      expect(JSON.parse(running.output().stdout.trim())).toEqual({
        ok: true,
        endpoint: 'http://emulator:8025',
        inbox: 'http://emulator:8025/',
        mailUrls: {
          'tencent-ses': 'tencent-ses://ap-guangzhou?endpoint=http://emulator:8025&insecure=1',
          'aliyun-dm': 'aliyun-dm://cn-hangzhou?endpoint=http://emulator:8025&insecure=1',
        },
      });
    } finally {
      running.child.kill('SIGTERM');
      await running.done;
    }
  });

  it('emulator: starts, prints the inbox URL, serves the page, stops on SIGTERM', async () => {
    const running = start(['--json', 'emulator', '--port', '0', '--quiet']);
    await until(() => running.output().stdout.includes('\n'), 20_000, 'the emulator start line');
    const line = JSON.parse(running.output().stdout.trim()) as {
      inbox: string;
      mailUrls: Record<string, string>;
    };
    expect(line.inbox).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(line.inbox);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('mailbridge emulator');
    expect(line.mailUrls['tencent-ses']).toContain('endpoint=http://127.0.0.1:');
    running.child.kill('SIGTERM');
    const done = await running.done;
    expect(done.code).toBe(0);
    expect(done.stdout + done.stderr).not.toContain('mailbridge-demo-secret');
  });

  it('emulator: logs each request with the emulator bin’s line (formatRequestLine)', async () => {
    // The same unsigned Tencent request to `mailbridge emulator` and to `mailbridge-emulator`:
    // both answer AuthFailure, and both log it on stderr. Time and latency aside, one line.
    const request = (endpoint: string) =>
      fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tc-action': 'SendEmail' },
        body: '{}',
      });
    const lineOf = async (running: Running, endpoint: string) => {
      await request(endpoint);
      await until(() => /ms\n/.test(running.output().stderr), 10_000, 'the request log line');
      const line = running
        .output()
        .stderr.split('\n')
        .find((l) => l.endsWith(' ms')) as string;
      return line.replace(/^\d\d:\d\d:\d\d /, 'HH:MM:SS ').replace(/ \d+ ms$/, ' N ms');
    };
    const cli = start(['--json', 'emulator', '--port', '0']);
    const bin = spawnBin(['--port', '0']);
    try {
      await until(() => cli.output().stdout.includes('\n'), 20_000, 'the CLI start line');
      await until(() => bin.output().stdout.includes('\n'), 20_000, 'the bin start line');
      const fromCli = await lineOf(
        cli,
        (json({ ...cli.output(), code: 0 }) as { endpoint: string }).endpoint,
      );
      const fromBin = await lineOf(
        bin,
        (json({ ...bin.output(), code: 0 }) as { tencentEndpoint: string }).tencentEndpoint,
      );
      expect(fromBin).toMatch(/^HH:MM:SS tencent-ses SendEmail 200 AuthFailure\S* 0 rcpt N ms$/);
      expect(fromCli).toBe(fromBin);
    } finally {
      cli.child.kill('SIGTERM');
      bin.child.kill('SIGTERM');
      await Promise.all([cli.done, bin.done]);
    }
  });

  it('emulator --host 0.0.0.0: prints an endpoint a client can use, and send goes through it', async () => {
    const running = start(['--json', 'emulator', '--host', '0.0.0.0', '--port', '0', '--quiet']);
    try {
      await until(() => running.output().stdout.includes('\n'), 20_000, 'the emulator start line');
      const line = JSON.parse(running.output().stdout.trim()) as {
        endpoint: string;
        inbox: string;
        mailUrls: Record<string, string>;
      };
      for (const printed of [line.endpoint, line.inbox, ...Object.values(line.mailUrls)]) {
        expect(printed).not.toContain('0.0.0.0');
      }
      const demo = {
        TENCENTCLOUD_SECRET_ID: 'AKIDmailbridgedemo',
        TENCENTCLOUD_SECRET_KEY: 'mailbridge-demo-secret',
        MAIL_FROM: 'noreply@mail.example.com',
      };
      const url = line.mailUrls['tencent-ses'] as string;
      expect(url).toContain(`endpoint=${line.endpoint}`);
      const sent = await run(
        ['--json', '--url', url, 'send', '--to', 'ann@example.com', ...WELCOME],
        demo,
      );
      expect(sent.stderr).toBe('');
      expect(sent.code).toBe(0);
      expect(json(sent)).toMatchObject({ ok: true, provider: 'tencent-ses', attempts: 1 });
    } finally {
      running.child.kill('SIGTERM');
      await running.done;
    }
  });
});
