import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, tcOk } from './helpers/tencent-sign.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

interface StartLine {
  aliyunEndpoint: string;
  tencentEndpoint: string;
  smtp: { host: string; port: number };
  credentials: {
    aliyun: { id: string; secret: string }[];
    tencent: { id: string; secret: string }[];
  };
}

/** Spawn the bin and resolve with its first stdout line (10 s at most). */
function start(
  args: string[],
): Promise<{ child: ChildProcess; line: StartLine; stdout: () => string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start line within 10 s; stderr: ${err}`)),
      10_000,
    );
    child.on('exit', (code) => reject(new Error(`exited ${code} before its start line: ${err}`)));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve({ child, line: JSON.parse(out.slice(0, nl)) as StartLine, stdout: () => out });
      }
    });
  });
}

/** Run the bin with `args` until it exits on its own: its exit code and its stderr. */
async function refused(args: readonly string[]): Promise<{ code: number | null; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  return { code: await exitOf(child), err };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no exit within 5 s')), 5_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe('mailbridge-emulator bin', () => {
  it('starts with the given keys and seed, prints one JSON line, serves, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mb-emu-'));
    const seed = join(dir, 'seed.json');
    writeFileSync(
      seed,
      JSON.stringify({
        tencent: { templates: [{ id: 424242, name: 'from-file', text: 'Hi {{name}}' }] },
      }),
    );
    const key = { id: 'AKIDbinkey', secret: 'binsecret' };
    const { child, line, stdout } = await start([
      '--port',
      '0',
      '--tencent-key',
      `${key.id}:${key.secret}`,
      '--tencent-key',
      'AKIDsecond:two',
      '--seed',
      seed,
    ]);
    expect(line.tencentEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(line.aliyunEndpoint).toBe(line.tencentEndpoint);
    // DirectMail's SMTP endpoint listens on a port of its own on the same host.
    expect(line.smtp.host).toBe('127.0.0.1');
    expect(line.smtp.port).toBeGreaterThan(0);
    expect(line.credentials.tencent).toEqual([key, { id: 'AKIDsecond', secret: 'two' }]);
    expect(line.credentials.aliyun).toHaveLength(1);
    const url = new URL(line.tencentEndpoint);
    const emu = {
      port: Number(url.port),
      host: url.host,
      credentials: { tencent: [key], aliyun: [] },
    };
    const list = await tcOk(emu, 'ListEmailTemplates', { Offset: 0, Limit: 10 });
    expect((list.TemplatesMetadata as { TemplateID: number }[]).map((t) => t.TemplateID)).toContain(
      424242,
    );
    // The bin's emulator clock follows real time (ticked every second).
    const clockAt = async () => {
      const res = await rawRequest(emu, 'GET', '/__emulator/clock', {});
      return (JSON.parse(res.text) as { time: number }).time;
    };
    const before = await clockAt();
    await new Promise((r) => setTimeout(r, 1300));
    expect(await clockAt()).toBeGreaterThan(before);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(stdout().trim().split('\n')).toHaveLength(1);
  });

  it('makes a random key pair per provider without --*-key flags, and stops on SIGINT', async () => {
    const { child, line } = await start([]);
    expect(line.credentials.tencent[0]?.id).toMatch(/^AKID/);
    expect(line.credentials.aliyun[0]?.id).toMatch(/^LTAI/);
    child.kill('SIGINT');
    expect(await exitOf(child)).toBe(0);
  });

  it.each([
    [['--tencent-key', 'no-colon']],
    // A port that is not digits: Number() would bind any free port ("") or 8080 ("0x1f90").
    [['--port', '']],
    [['--port', '0x1f90']],
    [['--port', '8e3']],
    // Not an http(s) origin: no URL, a scheme-less host:port (origin "null"), a path dropped.
    [['--public-url', 'not a url']],
    [['--public-url', 'emulator:8025']],
    [['--public-url', 'http://emulator:8025/api']],
  ])('refuses a bad flag (%j) with exit code 2 and the usage', async (args) => {
    const { code, err } = await refused([...args]);
    expect(code).toBe(2);
    expect(err).toContain('Usage: mailbridge-emulator');
    expect(err).toContain(args[0]);
  });

  it.each([
    ['{"senders": []}', 'unknown key senders'],
    ['{"tencent": {"templates": "x"}}', 'templates must be an array'],
  ])(
    'refuses a seed of the wrong shape (%s) with exit code 2, as a seed that is not JSON',
    async (json, why) => {
      const seed = join(mkdtempSync(join(tmpdir(), 'mb-emu-')), 'seed.json');
      writeFileSync(seed, json);
      const { code, err } = await refused(['--seed', seed]);
      expect(code).toBe(2);
      expect(err).toContain(why);
      expect(err).toContain('Usage: mailbridge-emulator');
    },
  );

  it('reads a seed file saved with a byte order mark and CRLF line endings', async () => {
    const seed = join(mkdtempSync(join(tmpdir(), 'mb-emu-')), 'seed.json');
    const json = JSON.stringify({
      tencent: { templates: [{ id: 515151, name: 'bom', text: 'x' }] },
    });
    writeFileSync(seed, `\ufeff${json.replace('{"templates"', '{\r\n"templates"')}\r\n`);
    const { child, line } = await start(['--seed', seed]);
    const res = await fetch(`${line.tencentEndpoint}/__emulator/templates`);
    const body = (await res.json()) as { 'tencent-ses': { id: number }[] };
    expect(body['tencent-ses'].map((t) => t.id)).toContain(515151);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });

  it.each([
    ['a secret pasted without its id', 'mb-secret-value-0123'],
    ['an empty id', ':mb-secret-value-0123'],
  ])(
    'refuses a key flag holding %s, naming the flag and printing no part of it',
    async (_what, value) => {
      const { code, err } = await refused(['--aliyun-key', value]);
      expect(code).toBe(2);
      expect(err.split('\n')[0]).toContain('--aliyun-key must be ID:SECRET');
      expect(err).not.toContain('mb-secr');
      expect(err).not.toContain(':mb-se');
    },
  );
});
