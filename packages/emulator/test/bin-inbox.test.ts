/**
 * The bin's workbench side: `--version`, the per-request line on stderr (and `--quiet`), the
 * inbox URL, and the endpoint it advertises for clients in other containers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { clientEndpoints } from '../src/inbox/endpoint.js';
import { sendBody, tcOk } from './helpers/tencent-sign.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

interface Line {
  tencentEndpoint: string;
  inbox: string;
  mailUrls: Record<string, string>;
}

function start(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const line = new Promise<Line>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line; stderr: ${err}`)), 15_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(JSON.parse(out.slice(0, out.indexOf('\n'))) as Line);
      }
    });
  });
  return { child, line, stderr: () => err };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const KEY = { id: 'AKIDlog', secret: 'log-secret-0123456789' };

function emuOf(line: Line) {
  const url = new URL(line.tencentEndpoint);
  return { port: Number(url.port), host: url.host, credentials: { tencent: [KEY], aliyun: [] } };
}

describe('mailbridge-emulator bin (workbench)', () => {
  it('--version prints the package version', async () => {
    const child = spawn(process.execPath, [BIN, '--version'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    await new Promise((r) => child.on('close', r));
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(out.trim()).toBe(pkg.version);
  });

  it('logs one line per provider request on stderr, names the inbox, and never prints the signature', async () => {
    const run = start(['--port', '0', '--tencent-key', `${KEY.id}:${KEY.secret}`]);
    const line = await run.line;
    expect(line.inbox).toBe(`${line.tencentEndpoint}/`);
    expect(line.mailUrls['tencent-ses']).toBe(
      `tencent-ses://ap-guangzhou?endpoint=${line.tencentEndpoint}`,
    );
    await tcOk(
      emuOf(line),
      'SendEmail',
      sendBody({ Destination: ['a@example.com', 'b@example.com'] }),
    );
    await until(() => run.stderr().includes('SendEmail'), 'the log line');
    expect(run.stderr()).toContain(`inbox at ${line.inbox}`);
    expect(run.stderr()).toMatch(/\d\d:\d\d:\d\d tencent-ses SendEmail 200 2 rcpt \d+ ms\n/);
    expect(run.stderr()).not.toContain(KEY.secret);
  });

  it('--quiet logs no request lines', async () => {
    const run = start(['--port', '0', '--quiet', '--tencent-key', `${KEY.id}:${KEY.secret}`]);
    const line = await run.line;
    await tcOk(emuOf(line), 'SendEmail', sendBody());
    await new Promise((r) => setTimeout(r, 300));
    expect(run.stderr()).not.toContain('SendEmail');
  });

  it('--public-url is the advertised endpoint, with the adapters’ opt-in for plain http', async () => {
    const run = start(['--port', '0', '--public-url', 'http://emulator:8025']);
    const line = await run.line;
    expect(line.tencentEndpoint).toBe('http://emulator:8025');
    expect(line.inbox).toBe('http://emulator:8025/');
    expect(line.mailUrls['tencent-ses']).toBe(
      'tencent-ses://ap-guangzhou?endpoint=http://emulator:8025&insecure=1',
    );
    expect(line.mailUrls['aliyun-dm']).toBe(
      'aliyun-dm://cn-hangzhou?endpoint=http://emulator:8025&insecure=1',
    );
  });

  it('bound to a wildcard address, advertises a reachable address instead of 0.0.0.0', () => {
    const client = clientEndpoints('0.0.0.0', 'http://0.0.0.0:8025');
    expect(client.endpoint).not.toContain('0.0.0.0');
    expect(client.endpoint).toMatch(/^http:\/\/[^/]+:8025$/);
    expect(
      clientEndpoints('127.0.0.1', 'http://127.0.0.1:8025').mailUrls['tencent-ses'],
    ).not.toContain('insecure');
  });
});
