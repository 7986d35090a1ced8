/**
 * `mailbridge emulator`: run the local emulator of both providers and print its inbox URL and
 * the MAIL_URL to use. It accepts the keys in the official environment variables when they are
 * set (so the other commands in the same shell just work), else the documented demo keys.
 * Key values are never printed.
 */
import type { Emulator } from '@mailbridge/emulator';
import type { Command } from 'commander';
import { action, examples } from '../context.js';
import { UsageError } from '../exit.js';

/** Demo keys, public by design: an emulator holds no real account. */
export const DEMO_KEYS = {
  tencent: { id: 'AKIDmailbridgedemo', secret: 'mailbridge-demo-secret' },
  aliyun: { id: 'LTAImailbridgedemo', secret: 'mailbridge-demo-secret' },
} as const;

/** Add `emulator` to the program. */
export function registerEmulator(program: Command): void {
  program
    .command('emulator')
    .description('run the local emulator of DirectMail and Tencent SES; prints the inbox URL')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--port <port>', 'port (0 = any free port)', '8025')
    .option(
      '--public-url <url>',
      'the endpoint to print for clients, e.g. http://emulator:8025 in docker compose',
    )
    .option('--quiet', 'no per-request log line')
    .addHelpText(
      'after',
      `\nKeys: TENCENTCLOUD_SECRET_ID/KEY and ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET when set, else the
demo keys ${DEMO_KEYS.tencent.id} / ${DEMO_KEYS.aliyun.id} with secret "${DEMO_KEYS.tencent.secret}".
${examples(
  'mailbridge emulator',
  'mailbridge emulator --port 0 --json   # one JSON line: inbox, endpoint, MAIL_URLs',
  'mailbridge emulator --host 0.0.0.0 --public-url http://emulator:8025   # in docker compose',
  'TENCENTCLOUD_SECRET_ID=AKIDmailbridgedemo TENCENTCLOUD_SECRET_KEY=mailbridge-demo-secret \\\n      MAIL_URL="tencent-ses://ap-guangzhou?endpoint=http://127.0.0.1:8025" mailbridge status',
)}`,
    )
    .action(
      action(async (out, _globals, _args, flags) => {
        // Digits only: Number() reads "" and " " as 0 (any free port), "0x1f90" and "8e3" too.
        const port = /^\d{1,5}$/.test(String(flags.port)) ? Number(flags.port) : Number.NaN;
        if (!Number.isInteger(port) || port < 0 || port > 65_535) {
          throw new UsageError(`--port must be 0-65535, got ${String(flags.port)}`);
        }
        // Loaded only here: the other commands do not pay for the emulator's import.
        const { clientEndpoints, followRealTime, formatRequestLine, publicOrigin, startEmulator } =
          await import('@mailbridge/emulator');
        const publicUrl = flags.publicUrl as string | undefined;
        // The emulator's own check of the bin's --public-url, refused before anything listens.
        if (publicUrl !== undefined) usage(() => publicOrigin(publicUrl));
        const emu = await startEmulator({ host: flags.host as string, port, ...keysFromEnv() });
        if (flags.quiet !== true) {
          // The emulator bin's line, so both commands log a request alike.
          emu.onRequest((r) => process.stderr.write(`${formatRequestLine(r)}\n`));
        }
        // What a client can reach, as the emulator's own bin prints it: --public-url's origin, else
        // bound to 0.0.0.0, this machine's external address (with the adapters' insecure=1
        // opt-in), never 0.0.0.0.
        const { endpoint, inbox, mailUrls } = clientEndpoints(
          flags.host as string,
          emu.url,
          publicUrl,
        );
        out.result(
          { inbox, endpoint, mailUrls },
          `inbox:    ${inbox}\nendpoint: ${endpoint}\nMAIL_URL=${mailUrls['tencent-ses']}\nMAIL_URL=${mailUrls['aliyun-dm']}`,
        );
        await runUntilSignal(emu, followRealTime(emu));
      }),
    );
}

/** Run a check whose TypeError is the user's input to fix (exit 2). */
function usage(check: () => unknown): void {
  try {
    check();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function keysFromEnv() {
  const env = process.env;
  const tencent =
    env.TENCENTCLOUD_SECRET_ID && env.TENCENTCLOUD_SECRET_KEY
      ? { id: env.TENCENTCLOUD_SECRET_ID, secret: env.TENCENTCLOUD_SECRET_KEY }
      : DEMO_KEYS.tencent;
  const aliyun =
    env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET
      ? { id: env.ALIBABA_CLOUD_ACCESS_KEY_ID, secret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET }
      : DEMO_KEYS.aliyun;
  return { tencentKeys: [tencent], aliyunKeys: [aliyun] };
}

/** Serve until SIGINT/SIGTERM, then stop the clock that follows real time and close. */
function runUntilSignal(emu: Emulator, stopClock: () => void): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      stopClock();
      void emu.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
