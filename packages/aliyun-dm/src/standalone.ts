/**
 * The raw client on its own, for programs that only need DirectMail actions: the same typed
 * client as `mailer.raw`, running through the core's pipeline (rate limits, retries, hooks,
 * redaction), or through an `execute` function of the caller's.
 */
import { createMailer, type MailerOptions } from '@mailbridge/core';
import type { Execute } from '@mailbridge/core/provider';
import { type AliyunDmClient, clientContext, createRawClient } from './client.js';
import { type AliyunDmConfig, resolveConfig } from './config.js';
import { aliyunDm } from './provider.js';

/**
 * Create the typed DirectMail client. With mailer options (or nothing), calls run through a
 * mailer's pipeline, exactly as `createMailer(aliyunDm(config), options).raw`; with an `execute`
 * function, through that function (one `Operation` per call: build, send, parse).
 *
 * @example
 * ```ts
 * import { createAliyunDmClient } from '@mailbridge/aliyun-dm';
 *
 * const dm = createAliyunDmClient({ region: 'ap-southeast-1' }, { timeoutMs: 5000 });
 * const { DailyQuota, RemainFreeQuota } = await dm.DescAccountSummary({});
 * const lists = await dm.QueryReceiverByParam({ KeyWord: 'news', PageSize: 50 });
 * ```
 */
export function createAliyunDmClient(
  config: AliyunDmConfig,
  pipeline: Execute | MailerOptions = {},
): AliyunDmClient {
  if (typeof pipeline === 'function') {
    return createRawClient(clientContext(resolveConfig(config)), pipeline);
  }
  return createMailer(aliyunDm(config), pipeline).raw;
}
