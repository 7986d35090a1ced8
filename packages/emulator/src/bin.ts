/**
 * `mailbridge-emulator`: run the emulator from a shell. Prints exactly one JSON line on stdout
 * (endpoints and accepted keys) once it listens, then serves until SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EmulatorOptions, EmulatorSeed } from './api.js';
import { parseKeyFlag } from './credentials.js';
import { clientEndpoints, publicOrigin } from './inbox/endpoint.js';
import { formatRequestLine } from './inbox/index.js';
import { followRealTime } from './real-time.js';

const USAGE = `Usage: mailbridge-emulator [options]
  --host HOST                interface to bind (default 127.0.0.1)
  --port PORT                port to bind (default 0 = any free port)
  --aliyun-key ID:SECRET     DirectMail AccessKey to accept (repeatable; default: one random)
  --tencent-key ID:SECRET    Tencent SES SecretId/SecretKey to accept (repeatable; default: one random)
  --seed FILE                JSON {"aliyun": {...}, "tencent": {...}} added to the default seed
  --no-default-seed          start without the default senders and templates
  --public-url URL           the endpoint to print for clients (default: this machine's first
                             external IPv4 address when --host is 0.0.0.0)
  --quiet                    no per-request log line on stderr
  --version                  print the version
  -h, --help                 show this help

The inbox page is served at / on the same port. Each provider request is logged on stderr:
  08:00:01 tencent-ses SendEmail 200 1 rcpt 3 ms`;

/** Flags that are not emulator options. */
interface BinFlags {
  readonly quiet: boolean;
  readonly publicUrl?: string;
}

function readOptions(argv: readonly string[]): EmulatorOptions & BinFlags {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      'aliyun-key': { type: 'string', multiple: true },
      'tencent-key': { type: 'string', multiple: true },
      seed: { type: 'string' },
      'no-default-seed': { type: 'boolean', default: false },
      'public-url': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      version: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.version) {
    process.stdout.write(`${readVersion()}\n`);
    process.exit(0);
  }
  // Digits only: Number() reads "" (an unset shell variable) as 0, "0x1f90" and "8e3" as ports.
  const port = /^\d{1,5}$/.test(String(values.port)) ? Number(values.port) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  }
  // Checked with the flags, so a bad value exits 2 with the usage before anything listens.
  if (values['public-url'] !== undefined) publicOrigin(values['public-url']);
  const aliyun = values['aliyun-key']?.map((v) => parseKeyFlag(v, '--aliyun-key'));
  const tencent = values['tencent-key']?.map((v) => parseKeyFlag(v, '--tencent-key'));
  return {
    host: values.host,
    port,
    defaultSeed: !values['no-default-seed'],
    quiet: values.quiet,
    ...(values['public-url'] === undefined ? {} : { publicUrl: values['public-url'] }),
    ...(aliyun === undefined ? {} : { aliyunKeys: aliyun }),
    ...(tencent === undefined ? {} : { tencentKeys: tencent }),
    ...(values.seed === undefined ? {} : { seed: readSeed(values.seed) }),
  };
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String((pkg as { version?: unknown }).version);
}

function readSeed(file: string): EmulatorSeed {
  try {
    // Windows editors save UTF-8 with a byte order mark, which JSON.parse refuses.
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as EmulatorSeed;
  } catch (error) {
    throw new Error(`--seed ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A refused flag (or seed): the reason and the usage, exit 2. */
function refuse(error: unknown): never {
  process.stderr.write(
    `mailbridge-emulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  let options: EmulatorOptions & BinFlags;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    refuse(error);
  }
  // Loaded after the flags are read: --help, --version and a bad flag answer without the server.
  const { startEmulator } = await import('./server.js');
  // The bin's own flags are not emulator options (startEmulator refuses unknown keys).
  const { quiet: _quiet, publicUrl: _publicUrl, ...emulatorOptions } = options;
  // startEmulator checks the seed's content (a TypeError naming the entry) before it listens:
  // as much the input's fault as a file that is not JSON. A port in use is not (exit 1).
  const emu = await startEmulator(emulatorOptions).catch((error: unknown) =>
    error instanceof TypeError ? refuse(error) : Promise.reject(error),
  );
  // Scheduled batches fire when they are due; POST /__emulator/clock still jumps the clock.
  const stopClock = followRealTime(emu);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopClock();
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Handlers first: whoever reads the start line may signal at once.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!options.quiet) {
    emu.onRequest((record) => process.stderr.write(`${formatRequestLine(record)}\n`));
  }
  const client = clientEndpoints(options.host ?? '127.0.0.1', emu.url, options.publicUrl);
  const line = {
    aliyunEndpoint: client.endpoint,
    tencentEndpoint: client.endpoint,
    inbox: client.inbox,
    // DirectMail's SMTP interface (attachments): plain SMTP + AUTH as a seeded sender.
    smtp: { host: emu.smtp.host, port: emu.smtp.port },
    mailUrls: client.mailUrls,
    credentials: emu.credentials,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  process.stderr.write(`mailbridge-emulator: inbox at ${client.inbox}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `mailbridge-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
