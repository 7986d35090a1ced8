/**
 * `@mailbridge/core`: the user API, as the README documents it. What adapter authors need
 * (the provider contract, config parsing, the checks) is `@mailbridge/core/provider`; the
 * in-memory provider for tests is `@mailbridge/core/testing`.
 */
export type {
  BatchCapabilities,
  Capabilities,
  RateLimit,
  ReferencePattern,
} from './capabilities/capabilities.js';
export type { Delivery, Issue, MailErrorCode, MailErrorInit } from './errors.js';
export { isMailError, MAIL_ERROR_CODES, MailError } from './errors.js';
export type { Groups, UploadOptions, UploadProgress, UploadResult } from './mailer/groups.js';
export type { CallOptions, Mailer, MailerOptions, SendManyOptions } from './mailer/mailer.js';
export { createMailer } from './mailer/mailer.js';
export type { Settled, Source } from './mailer/send-many.js';
export { collect } from './mailer/send-many.js';
export type {
  Address,
  AddressInput,
  AddressListInput,
  Attachment,
  AttachmentInput,
  Batch,
  BatchInput,
  Message,
  MessageInput,
  ProviderOptions,
  ProviderOptionsRegistry,
  Recipient,
  RecipientInput,
  Schedule,
  TemplateRef,
  Tracking,
} from './message/message.js';
export type { ConfigValue } from './provider/config.js';
export { fromConfig } from './provider/config.js';
export type {
  BatchResult,
  Group,
  GroupInput,
  Page,
  Provider,
  SendResult,
} from './provider/provider.js';
export type { RetryOptions } from './run/executor.js';
export type {
  ErrorEvent,
  HookBase,
  Hooks,
  RedactedRequest,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from './run/hooks.js';
export type { RateLimitOverrides } from './run/rate-limit.js';
export { redactError, redactSecrets } from './run/redact.js';
