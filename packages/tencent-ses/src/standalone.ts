/**
 * The raw client on its own, for programs that only need SES actions: the same typed client
 * as `mailer.raw`, through a mailer's pipeline or an `execute` function of the caller's. Same
 * shape as the DirectMail adapter's `createAliyunDmClient`.
 */
import { createMailer, type MailerOptions } from '@mailbridge/core';
import type { Execute } from '@mailbridge/core/provider';
import type { TencentSesClient } from './client.js';
import type { TencentSesConfig } from './config.js';
import { createProvider } from './provider.js';
import type { Tc3Signer } from './signer.js';

/** Options of `createTencentSesClient`. */
export interface TencentSesClientOptions {
  /**
   * Runs each operation; default: a mailer's pipeline (`createMailer(provider, mailer).raw`:
   * rate limits, retries, hooks, the undici pool).
   */
  readonly execute?: Execute;
  /** Options of that default mailer. */
  readonly mailer?: MailerOptions;
  /** A signer over another SHA-256 implementation (e.g. node:crypto). */
  readonly signer?: Tc3Signer;
}

/**
 * A standalone typed client for every SES action, without the neutral API. `close()` releases
 * the sockets of the default pipeline (a no-op with your own `execute`).
 *
 * @example
 * ```ts
 * const ses = createTencentSesClient({ region: 'ap-guangzhou' });
 * const { TemplatesMetadata } = await ses.ListEmailTemplates({ Offset: 0, Limit: 100 });
 * await ses.close();
 * ```
 */
export function createTencentSesClient(
  config: TencentSesConfig,
  options: TencentSesClientOptions = {},
): TencentSesClient & { close(): Promise<void> } {
  const provider = createProvider(config, options.signer);
  if (options.execute) return { ...provider.raw(options.execute), close: async () => {} };
  const mailer = createMailer(provider, options.mailer);
  return { ...mailer.raw, close: () => mailer.close() };
}
