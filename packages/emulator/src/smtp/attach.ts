/**
 * The SMTP endpoint hooked to the emulator's core: DirectMail's account (senders, EnvIds), the
 * shared outbox, faults and request counters.
 */
import type { DmSmtpAccount } from '../aliyun/index.js';
import type { Core } from '../core.js';
import type { ProviderModule } from '../types.js';
import { startSmtp } from './server.js';

/** Start DirectMail's SMTP endpoint beside the HTTP server, on the same host. */
export async function startSmtpFor(
  core: Core,
  sleep: (ms: number) => Promise<boolean>,
  host: string,
): Promise<{ host: string; port: number; close(): Promise<void> }> {
  const module = core.modules.find((m) => m.id === 'aliyun-dm') as ProviderModule & DmSmtpAccount;
  const endpoint = await startSmtp(
    {
      account: module,
      ctx: core.ctx,
      faults: core.faults,
      count: (action) => core.count(module, action),
      sleep,
    },
    host,
  );
  return { host, port: endpoint.port, close: endpoint.close };
}
