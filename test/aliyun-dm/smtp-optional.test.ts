/**
 * nodemailer is an optional peer dependency of @mailbridge/aliyun-dm: a process that cannot
 * resolve it still imports the adapter and sends without attachments, and a send with
 * attachments fails with a clear error naming the package, before any connection.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';

const run = promisify(execFile);
const KEY = { id: 'LTAIoptional', secret: 'optional-secret-0123456789' };

/** A resolve hook that answers for `nodemailer` exactly as Node does for a missing package. */
const HOOK = `export async function resolve(specifier, context, next) {
  if (specifier === 'nodemailer' || specifier.startsWith('nodemailer/')) {
    const error = new Error("Cannot find package '" + specifier + "'");
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;
const REGISTER = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOK)}));`;

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ aliyunKeys: [KEY] });
});
afterAll(async () => {
  await emu?.close();
});

it('without nodemailer: plain sends work, attachments fail clearly and send nothing', async () => {
  const script = fileURLToPath(new URL('./fixtures/no-nodemailer.mjs', import.meta.url));
  const { stdout } = await run(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, script],
    {
      env: {
        ...process.env,
        ENDPOINT: emu.aliyunEndpoint,
        SMTP_PORT: String(emu.smtp.port),
        KEY_ID: KEY.id,
        KEY_SECRET: KEY.secret,
      },
      timeout: 60_000,
    },
  );
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
  expect(result.plain).toMatch(/^\d+$/);
  expect(result.error).toMatchObject({
    code: 'unsupported',
    delivery: 'not_sent',
    retryable: false,
    path: ['attachments'],
  });
  expect(result.error.message).toContain('npm install nodemailer');
  expect(emu.outbox.map((m) => m.action)).toEqual(['SingleSendMail']);
  expect(emu.requestCount({ action: 'SMTP.DATA' })).toBe(0);
});
