/**
 * `@mailbridge/aliyun-dm`: Alibaba Cloud DirectMail behind the mailbridge neutral API.
 *
 * @example
 * ```ts
 * import { createMailer } from '@mailbridge/core';
 * import { aliyunDm } from '@mailbridge/aliyun-dm';
 *
 * const mailer = createMailer(aliyunDm({ region: 'cn-hangzhou' }));
 * await mailer.send({ from: 'noreply@mail.example.com', to: 'a@example.com', subject: 'Hi', text: 'Hello' });
 * ```
 */
export type { AliyunDmAction, AliyunDmRequest, AliyunDmResponse } from './actions.js';
export { ACTIONS as actions } from './actions.js';
export type { AliyunDmCall, CallOptions } from './call.js';
export { capabilities, RATE_LIMITS } from './capabilities.js';
export type { AliyunDmClient, RawCallOptions } from './client.js';
export type { AliyunDmConfig, AliyunDmRegion } from './config.js';
export { REGION_HOSTS as ALIYUN_DM_REGIONS } from './config.js';
export { percentEncode } from './encode.js';
export type { ErrorClass } from './errors.js';
export { classifyCode as classifyError, ERROR_TABLE as errors } from './errors.js';
export type { ParseEventsOptions } from './events.js';
export { EVENT_KINDS, parseEvents } from './events.js';
export type { AliyunDmSendOptions } from './options.js';
export type { AliyunDmProvider } from './provider.js';
export { aliyunDm } from './provider.js';
export type { SignatureVersion, SignedRequest, Signer, SignInput } from './signer.js';
export { rpcSignature, signerV1, signerV3 } from './signer.js';
export type { AliyunDmSmtpConfig, SmtpCredentials, SmtpCredentialsSource } from './smtp/config.js';
export { SMTP_HOSTS } from './smtp/config.js';
export { SMTP_REPLY_TABLE } from './smtp/errors.js';
export type { AliyunDmClientOptions } from './standalone.js';
export { createAliyunDmClient } from './standalone.js';
export { providerSuppression } from './suppression.js';
export { EVENT_REGION_ZONES } from './time.js';
