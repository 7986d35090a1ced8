/**
 * `mailbridge send`: one message through the configured provider. Prints the message id and
 * attempts; on failure the error code and whether the message may have been sent.
 */
import { readFileSync } from 'node:fs';
import type { MessageInput } from '@mailbridge/core';
import type { Command } from 'commander';
import { action, examples } from '../context.js';
import { UsageError } from '../exit.js';
import { withMailer } from '../provider.js';

interface SendFlags {
  readonly from?: string;
  readonly to: string[];
  readonly cc?: string[];
  readonly bcc?: string[];
  readonly replyTo?: string;
  readonly subject?: string;
  readonly html?: string;
  readonly text?: string;
  readonly template?: string;
  readonly data?: string;
}

/** Add `send` to the program. */
export function registerSend(program: Command): void {
  program
    .command('send')
    .description('send one message')
    .requiredOption('--to <address...>', 'recipient(s)')
    .option('--from <address>', 'sender, "Name <addr>" allowed (default: $MAIL_FROM)')
    .option('--cc <address...>', 'carbon copy')
    .option('--bcc <address...>', 'blind carbon copy')
    .option('--reply-to <address>', 'reply-to address')
    .option('--subject <text>', 'subject')
    .option('--html <file>', 'HTML body read from a file')
    .option('--text <text>', 'plain-text body')
    .option('--template <id>', 'stored template (Tencent: numeric id; DirectMail: name)')
    .option('--data <json>', 'template variables as a JSON object')
    .addHelpText(
      'after',
      examples(
        `mailbridge send --to ann@example.com --subject Welcome --template 100001 --data '{"name":"Ann"}'`,
        'mailbridge send --url aliyun-dm://cn-hangzhou --from noreply@mail.example.com --to bob@example.com --subject Hi --html body.html',
        'mailbridge send --json --to ann@example.com --subject Hi --text "Hello" | jq .messageId',
      ),
    )
    .action(
      action(async (out, globals, _args, flags) => {
        const message = messageOf(flags as unknown as SendFlags);
        const result = await withMailer(globals.url, (mailer) => mailer.send(message));
        out.result(
          { ...result },
          `sent: message id ${result.messageId} (${result.provider}, ${result.attempts} attempt${result.attempts === 1 ? '' : 's'})`,
        );
      }),
    );
}

function messageOf(flags: SendFlags): MessageInput {
  const from = flags.from ?? process.env.MAIL_FROM;
  if (from === undefined || from === '')
    throw new UsageError('--from is required (or set MAIL_FROM)');
  const bodies = [flags.html, flags.text, flags.template].filter((b) => b !== undefined).length;
  if (bodies === 0) throw new UsageError('pass one of --html FILE, --text TEXT or --template ID');
  if (flags.data !== undefined && flags.template === undefined) {
    throw new UsageError('--data goes with --template');
  }
  return {
    from,
    to: flags.to,
    ...(flags.cc ? { cc: flags.cc } : {}),
    ...(flags.bcc ? { bcc: flags.bcc } : {}),
    ...(flags.replyTo ? { replyTo: flags.replyTo } : {}),
    ...(flags.subject === undefined ? {} : { subject: flags.subject }),
    ...(flags.html === undefined ? {} : { html: readBody(flags.html) }),
    ...(flags.text === undefined ? {} : { text: flags.text }),
    ...(flags.template === undefined
      ? {}
      : { template: { id: flags.template, data: parseData(flags.data) } }),
  } as MessageInput;
}

function readBody(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--html: cannot read ${file}`);
  }
}

/**
 * The `--data` object as written: the core checks its values (strings, numbers, booleans) and
 * names the one it refuses, rather than a nested object going out as "[object Object]".
 */
function parseData(value: string | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    throw new UsageError('--data must be a JSON object, e.g. \'{"name":"Ann"}\'');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError('--data must be a JSON object, e.g. \'{"name":"Ann"}\'');
  }
  return data as Record<string, unknown>;
}
