/**
 * `mailbridge groups create|list|show|remove|delete` (and `upload`, in upload.ts): the
 * provider's stored recipient groups through the neutral `mailer.groups`.
 */
import type { Command } from 'commander';
import { action, examples } from '../context.js';
import { UsageError } from '../exit.js';
import { withMailer } from '../provider.js';
import { registerUpload } from './upload.js';

/** Rows `show` prints unless `--limit` says otherwise. */
const SHOW_LIMIT = 100;

/** Add `groups` and its subcommands to the program. */
export function registerGroups(program: Command): void {
  const groups = program
    .command('groups')
    .description('manage recipient groups (DirectMail receiver lists, Tencent SES groups)')
    .addHelpText(
      'after',
      examples(
        'mailbridge groups create vip --description "VIP customers"',
        'mailbridge groups list --json',
        'mailbridge groups upload 12 customers.csv',
        'mailbridge groups show 12 --limit 20',
      ),
    );
  groups
    .command('create <name>')
    .description('create a group; prints its id (what batch and the other commands take)')
    .option('--description <text>', 'description')
    .addHelpText('after', examples('mailbridge groups create vip'))
    .action(
      action(async (out, globals, [name], flags) => {
        const description = flags.description as string | undefined;
        const group = await withMailer(globals.url, (m) =>
          m.groups.create({ name: name as string, ...(description ? { description } : {}) }),
        );
        out.result({ group }, `created group ${group.name}: id ${group.id}`);
      }),
    );
  groups
    .command('list')
    .description('list the groups')
    .addHelpText('after', examples('mailbridge groups list', 'mailbridge groups list --json'))
    .action(
      action(async (out, globals) => {
        const list = await withMailer(globals.url, async (m) => {
          const all = [];
          for await (const g of m.groups.list()) all.push(g);
          return all;
        });
        const lines = list.map(
          (g) => `${g.id}\t${g.name}\t${g.count ?? '?'} recipients\t${g.status ?? ''}`,
        );
        out.result({ groups: list }, lines.length > 0 ? lines.join('\n') : '(no groups)');
      }, 'reads'),
    );
  groups
    .command('show <group>')
    .description("list a group's recipients")
    .option('--limit <n>', `at most this many (default ${SHOW_LIMIT})`, String(SHOW_LIMIT))
    .addHelpText(
      'after',
      examples('mailbridge groups show 12', 'mailbridge groups show vip --limit 5 --json'),
    )
    .action(
      action(async (out, globals, [group], flags) => {
        const limit = positive(flags.limit as string, '--limit');
        const recipients = await withMailer(globals.url, async (m) => {
          const rows = [];
          for await (const r of m.groups.listRecipients(group as string)) {
            rows.push(r);
            if (rows.length >= limit) break;
          }
          return rows;
        });
        const lines = recipients.map(
          (r) => `${r.address}${r.data ? `\t${JSON.stringify(r.data)}` : ''}`,
        );
        out.result({ group, recipients }, lines.length > 0 ? lines.join('\n') : '(no recipients)');
      }, 'reads'),
    );
  groups
    .command('remove <group> <address...>')
    .description('remove recipients from a group (where the provider supports it)')
    .addHelpText('after', examples('mailbridge groups remove vip ann@example.com bob@example.com'))
    .action(
      action(async (out, globals, [group, addresses]) => {
        const list = addresses as unknown as string[];
        const { removed } = await withMailer(globals.url, (m) =>
          m.groups.removeRecipients(group as string, list),
        );
        out.result({ group, removed }, `removed ${removed} recipient(s) from ${group}`);
      }),
    );
  groups
    .command('delete <group>')
    .description('delete a group')
    .addHelpText('after', examples('mailbridge groups delete 12'))
    .action(
      action(async (out, globals, [group]) => {
        await withMailer(globals.url, (m) => m.groups.delete(group as string));
        out.result({ group, deleted: true }, `deleted group ${group}`);
      }),
    );
  registerUpload(groups);
}

/** A positive integer flag, or a UsageError naming it. */
export function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${flag} must be a positive integer, got ${value}`);
  return n;
}
