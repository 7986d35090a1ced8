/**
 * `mailbridge batch`: a provider-side send of a stored template to a stored group, now or at
 * `--at`, optionally every `--every` days (`--times` firings).
 */
import type { BatchInput } from '@mailbridge/core';
import type { Command } from 'commander';
import { action, examples } from '../context.js';
import { UsageError } from '../exit.js';
import { withMailer } from '../provider.js';
import { parseTime, TIME_FORM } from '../time.js';
import { positive } from './groups.js';

/** Add `batch` to the program. */
export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('send a stored template to a stored group (provider-side), now or scheduled')
    .requiredOption('--group <id>', 'group id (Tencent) or name (DirectMail)')
    .requiredOption('--template <id>', 'template id (Tencent) or name (DirectMail)')
    .option('--from <address>', 'sender (default: $MAIL_FROM)')
    .option('--subject <text>', 'subject')
    .option('--at <time>', `send at this time instead of now: ${TIME_FORM}`)
    .option('--every <days>', 'repeat every N days (needs --at)')
    .option('--times <n>', 'with --every: how many firings')
    .addHelpText(
      'after',
      examples(
        'mailbridge batch --group 12 --template 100001 --subject "Hello"',
        'mailbridge batch --group 12 --template 100001 --at 2030-01-01T08:00:00Z',
        'mailbridge batch --group 12 --template 100002 --at 2030-01-01T08:00:00Z --every 7 --times 4',
      ),
    )
    .action(
      action(async (out, globals, _args, flags) => {
        const batch = batchOf(flags);
        const result = await withMailer(globals.url, (mailer) => mailer.sendBatch(batch));
        const at = batch.schedule && 'at' in batch.schedule ? batch.schedule.at : undefined;
        const when = at ? ` scheduled for ${at.toISOString()}` : '';
        out.result(
          { ...result },
          `batch ${result.batchId} accepted${when} (${result.provider}, ${result.attempts} attempt(s))`,
        );
      }),
    );
}

function batchOf(flags: Record<string, unknown>): BatchInput {
  const from = (flags.from as string | undefined) ?? process.env.MAIL_FROM;
  if (!from) throw new UsageError('--from is required (or set MAIL_FROM)');
  const at = flags.at === undefined ? undefined : parseTime(flags.at as string, '--at');
  if (flags.every !== undefined && at === undefined) throw new UsageError('--every needs --at');
  if (flags.times !== undefined && flags.every === undefined)
    throw new UsageError('--times goes with --every');
  const every = flags.every === undefined ? undefined : positive(flags.every as string, '--every');
  const times = flags.times === undefined ? undefined : positive(flags.times as string, '--times');
  const schedule =
    at === undefined
      ? undefined
      : every === undefined
        ? { at }
        : { at, every: { days: every }, ...(times === undefined ? {} : { times }) };
  return {
    from,
    group: flags.group as string,
    // As typed: a numeric string is a Tencent id, and "007" stays a DirectMail name.
    template: { id: flags.template as string },
    ...(flags.subject === undefined ? {} : { subject: flags.subject as string }),
    ...(schedule === undefined ? {} : { schedule }),
  };
}
