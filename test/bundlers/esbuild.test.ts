/**
 * What a user who bundles gets: esbuild bundles a small program that imports `@mailbridge/core`
 * and one adapter into one file (ESM, the format that failed with `Dynamic require of
 * "node:assert"`, and CJS), written to a folder with no node_modules, and the bundle alone
 * sends a message to the emulator. The README's "Runtimes and bundlers" section names what
 * this covers.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, run } from '../packaging/helpers.js';

const ADAPTERS = {
  'aliyun-dm': {
    factory: 'aliyunDm',
    config: "{ region: 'cn-hangzhou', endpoint: env.ENDPOINT, credentials }",
    message:
      "{ from: 'Shop <noreply@mail.example.com>', to, subject: 'Bundled', html: '<p>hi</p>' }",
  },
  'tencent-ses': {
    factory: 'tencentSes',
    config: "{ region: 'ap-guangzhou', endpoint: env.ENDPOINT, credentials }",
    message:
      "{ from: 'noreply@mail.example.com', to, subject: 'Bundled', template: { id: 100001, data: { name: 'Ann' } } }",
  },
} as const;

type AdapterName = keyof typeof ADAPTERS;

/** The program a user writes: one send, then close, printing what came back. */
function program(adapter: AdapterName): string {
  const { factory, config, message } = ADAPTERS[adapter];
  return `
import { createMailer, isMailError } from '@mailbridge/core';
import { ${factory} } from '@mailbridge/${adapter}';
const env = process.env;
const credentials = { id: env.KEY_ID, secret: env.KEY_SECRET };
const to = env.TO;
async function main() {
  const mailer = createMailer(${factory}(${config}));
  try {
    const result = await mailer.send(${message});
    console.log(JSON.stringify({ provider: result.provider, messageId: typeof result.messageId }));
  } catch (error) {
    console.log(JSON.stringify({ error: isMailError(error) ? error.code : String(error) }));
  } finally {
    await mailer.close();
  }
}
main();
`;
}

let emu: Emulator;
let out = '';
beforeAll(async () => {
  emu = await startEmulator();
  out = await mkdtemp(join(tmpdir(), 'mailbridge-bundle-'));
});
afterAll(async () => {
  await emu?.close();
  if (out !== '') await rm(out, { recursive: true, force: true });
});

const CASES = (['aliyun-dm', 'tencent-ses'] as const).flatMap((adapter) =>
  (['esm', 'cjs'] as const).map((format) => [adapter, format] as const),
);

describe.each(CASES)('an esbuild bundle of core + %s (%s)', (adapter, format) => {
  it('loads and sends from a folder without node_modules, and leaves the portable hash out', async () => {
    const outfile = join(out, `${adapter}.${format === 'esm' ? 'mjs' : 'cjs'}`);
    await build({
      stdin: { contents: program(adapter), resolveDir: join(REPO_ROOT, 'test'), loader: 'js' },
      bundle: true,
      platform: 'node',
      format,
      target: 'node20',
      outfile,
      logLevel: 'error',
    });
    const bundle = await readFile(outfile, 'utf8');
    expect(bundle).not.toContain('@aws-crypto');
    const key = (adapter === 'aliyun-dm' ? emu.credentials.aliyun : emu.credentials.tencent)[0];
    const to = `bundle-${adapter}-${format}@example.com`;
    const result = await run(process.execPath, [outfile], {
      cwd: out,
      timeoutMs: 30_000,
      env: {
        PATH: process.env['PATH'],
        ENDPOINT: adapter === 'aliyun-dm' ? emu.aliyunEndpoint : emu.tencentEndpoint,
        KEY_ID: key?.id,
        KEY_SECRET: key?.secret,
        TO: to,
      },
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ provider: adapter, messageId: 'string' });
    expect(emu.outbox.filter((m) => m.to === to)).toHaveLength(1);
  });
});
