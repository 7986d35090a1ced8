/**
 * The `mailbridge` program on commander (the most used Node CLI library, no dependencies,
 * typed, with subcommands and per-command help): global flags, the commands, and parse errors
 * turned into exit code 2 instead of commander's default 1.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerBatch } from './commands/batch.js';
import { registerEmulator } from './commands/emulator.js';
import { registerGroups } from './commands/groups.js';
import { registerSend } from './commands/send.js';
import { registerStatus } from './commands/status.js';
import { examples } from './context.js';

/** The version of this package (read once from package.json). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Build the program; `run` in cli.ts parses argv with it. */
export function createProgram(): Command {
  const program = new Command('mailbridge')
    .description('Send mail through Alibaba Cloud DirectMail or Tencent Cloud SES from a terminal.')
    .version(version(), '-v, --version')
    .option('--json', 'print one JSON document on stdout (for scripts)')
    .option('--url <url>', 'provider URL, e.g. tencent-ses://ap-guangzhou (default: $MAIL_URL)')
    .showHelpAfterError()
    .exitOverride()
    .addHelpText(
      'after',
      `\nProvider: --url, else MAIL_URL, else the provider whose official credential variables are
set (TENCENTCLOUD_SECRET_ID/KEY, ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET). Credentials are read from
those variables and never printed.

Exit codes: 0 ok, 1 other error, 2 invalid input (nothing sent), 3 not sent, 4 delivery unknown.
${examples(
  'mailbridge emulator',
  'mailbridge send --to ann@example.com --subject Welcome --template 100001 --data \'{"name":"Ann"}\'',
  'mailbridge groups upload 12 customers.csv',
  'mailbridge batch --group 12 --template 100001 --at 2030-01-01T08:00:00Z',
)}`,
    );
  registerSend(program);
  registerGroups(program);
  registerBatch(program);
  registerStatus(program);
  registerEmulator(program);
  return program;
}
