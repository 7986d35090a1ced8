/**
 * `mailbridge status`: is the provider reachable and are the credentials accepted? One
 * authenticated read (the first page of groups). With a message id, the delivery status of that
 * message: `mailer.status({ messageId })`, one row per recipient (README "After the send").
 */
import type { Command } from 'commander';
import { action, examples } from '../context.js';
import { providerOf, withMailer } from '../provider.js';

/** Add `status` to the program. */
export function registerStatus(program: Command): void {
  program
    .command('status [messageId]')
    .description('check the provider and credentials, or the status of one message')
    .addHelpText(
      'after',
      examples(
        'mailbridge status',
        'MAIL_URL=aliyun-dm://cn-hangzhou mailbridge status --json',
        'mailbridge status 0000018d-…',
      ),
    )
    .action(
      action(async (out, globals, [messageId]) => {
        if (messageId !== undefined) {
          const { provider, status } = await withMailer(globals.url, async (m) => ({
            provider: m.provider,
            status: await m.status({ messageId }),
          }));
          const lines = status.map(
            (r) => `${r.recipient}\t${r.kind}\t${r.accepted ? 'accepted' : 'not accepted'}`,
          );
          out.result(
            { provider, messageId, status },
            lines.length > 0 ? lines.join('\n') : `${messageId}: no status yet (ask again later)`,
          );
          return;
        }
        const started = Date.now();
        const { provider, region, groups } = await withMailer(globals.url, async (m) => {
          let n = 0;
          for await (const _ of m.groups.list()) if (++n >= 1) break;
          return { ...providerOf(m, globals.url), groups: n };
        });
        const latencyMs = Date.now() - started;
        out.result(
          {
            provider,
            region,
            reachable: true,
            credentials: 'accepted',
            latencyMs,
            hasGroups: groups > 0,
          },
          `${provider} (${region}): reachable, credentials accepted (${latencyMs} ms)`,
        );
      }, 'reads'),
    );
}
