/**
 * The raw client on its own, for programs that only need DirectMail actions: the same typed
 * client as `mailer.raw`, running through an `execute` function (the core's pipeline).
 */
import type { Execute } from '@mailbridge/core';
import { type AliyunDmClient, clientContext, createRawClient } from './client.js';
import { type AliyunDmConfig, resolveConfig } from './config.js';

/**
 * Create the typed DirectMail client over `execute` (e.g. `createMailer(aliyunDm(c)).raw` is the
 * same client with the mailer's executor).
 */
export function createAliyunDmClient(config: AliyunDmConfig, execute: Execute): AliyunDmClient {
  return createRawClient(clientContext(resolveConfig(config)), execute);
}
