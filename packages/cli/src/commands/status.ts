/**
 * `mailbridge status`: is the provider reachable and are the credentials accepted? One
 * authenticated read (the first page of groups). With a message id, the delivery status of that
 * message, where the installed core offers `mailer.status` (delivery events).
 */
import type { Mailer } from '@mailbridge/core';
import type { Command } from 'commander';
import { action, examples } from '../context.js';
import { UsageError } from '../exit.js';
import { providerOf, withMailer } from '../provider.js';

type StatusQuery = (id: string) => Promise<unknown>;

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
            status: await queryStatus(m)(messageId),
          }));
          out.result({ provider, messageId, status }, `${messageId}: ${JSON.stringify(status)}`);
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
      }),
    );
}

function queryStatus(mailer: Mailer): StatusQuery {
  const status = (mailer as unknown as { status?: StatusQuery }).status;
  if (typeof status !== 'function') {
    throw new UsageError(
      'the status of one message needs a core with delivery events (mailer.status)',
    );
  }
  return status.bind(mailer);
}
