/**
 * Where undici cannot run (an ESM bundle, Bun) the mailer sends with fetch, whose Headers
 * reject an invalid value by quoting it: a credential with a stray control character (an STS
 * token read with a line break inside, a key id pasted with one) must not come back in the
 * error's cause chain, which `util.inspect` (console.log, every logger) prints.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../packaging/helpers.js';

const TOKEN = 'STS-token-secret-value-0123\u0000tail';

/** One send with the given credentials; prints the error as a logger would. */
const PROGRAM = `
import { inspect } from 'node:util';
import { createMailer } from '@mailbridge/core';
import { tencentSes } from '@mailbridge/tencent-ses';
const env = process.env;
const credentials = JSON.parse(env.CREDENTIALS);
const mailer = createMailer(
  tencentSes({ region: 'ap-guangzhou', endpoint: env.ENDPOINT, credentials }),
  { retry: { retries: 0 } },
);
try {
  await mailer.send({ from: 'noreply@mail.example.com', to: 'a@example.com', subject: 'x',
    template: { id: 100001, data: { name: 'Ann' } } });
  console.log('sent');
} catch (error) {
  console.log(inspect(error, { depth: 10 }));
} finally {
  await mailer.close();
}
`;

let emu: Emulator;
let out = '';
let bundle = '';
beforeAll(async () => {
  emu = await startEmulator();
  out = await mkdtemp(join(tmpdir(), 'mailbridge-fetch-redaction-'));
  bundle = join(out, 'send.mjs');
  await build({
    stdin: { contents: PROGRAM, resolveDir: join(REPO_ROOT, 'test'), loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundle,
    logLevel: 'error',
  });
});
afterAll(async () => {
  await emu?.close();
  if (out !== '') await rm(out, { recursive: true, force: true });
});

const printed = async (credentials: object): Promise<string> => {
  const env = { ...process.env, ENDPOINT: emu.url, CREDENTIALS: JSON.stringify(credentials) };
  const { stdout } = await promisify(execFile)(process.execPath, [bundle], { env, cwd: out });
  return stdout;
};

it('an invalid STS token is not quoted in the printed error', async () => {
  const key = emu.credentials.tencent[0]!;
  const text = await printed({ id: key.id, secret: key.secret, token: TOKEN });
  expect(text).toContain('MailError');
  expect(text).not.toContain('STS-token-secret-value');
});

it('an invalid key id does not bring the signed Authorization header into the printed error', async () => {
  const key = emu.credentials.tencent[0]!;
  const text = await printed({ id: `${key.id}\u0000`, secret: key.secret });
  expect(text).toContain('MailError');
  expect(text).not.toMatch(/Signature=[0-9a-f]{16}/);
  expect(text).not.toContain(key.id);
});
