/**
 * The raw client on its own, for programs that only need DirectMail actions: the same typed
 * client as `mailer.raw`, running through the core's pipeline (rate limits, retries, hooks,
 * redaction), or through an `execute` function of the caller's. Same shape as the Tencent
 * adapter's `createTencentSesClient`.
 */
import { createMailer, type MailerOptions } from '@mailbridge/core';
import type { Execute } from '@mailbridge/core/provider';
import { type AliyunDmClient, clientContext, createRawClient } from './client.js';
import { type AliyunDmConfig, resolveConfig } from './config.js';
import { aliyunDm } from './provider.js';

/** Options of `createAliyunDmClient`. */
export interface AliyunDmClientOptions {
  /**
   * Runs each operation; default: a mailer's pipeline (`createMailer(provider, mailer).raw`:
   * rate limits, retries, hooks, the undici pool).
   */
  readonly execute?: Execute;
  /** Options of that default mailer. */
  readonly mailer?: MailerOptions;
}

/**
 * Create the typed DirectMail client. By default calls run through a mailer's pipeline,
 * exactly as `createMailer(aliyunDm(config), options.mailer).raw`; with `execute`, through
 * that function (one `Operation` per call: build, send, parse). `close()` releases the
 * sockets of the default pipeline (a no-op with your own `execute`).
 *
 * @example
 * ```ts
 * import { createAliyunDmClient } from '@mailbridge/aliyun-dm';
 *
 * const dm = createAliyunDmClient({ region: 'ap-southeast-1' }, { mailer: { timeoutMs: 5000 } });
 * const { DailyQuota, RemainFreeQuota } = await dm.DescAccountSummary({});
 * await dm.close();
 * ```
 */
export function createAliyunDmClient(
  config: AliyunDmConfig,
  options: AliyunDmClientOptions = {},
): AliyunDmClient & { close(): Promise<void> } {
  if (options.execute) {
    const client = createRawClient(clientContext(resolveConfig(config)), options.execute);
    return { ...client, close: async () => {} };
  }
  const mailer = createMailer(aliyunDm(config), options.mailer);
  return { ...mailer.raw, close: () => mailer.close() };
}
