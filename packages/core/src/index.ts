export type { Capabilities, RateLimit } from './capabilities.js';
export type {
  AdapterFactory,
  ConfigValue,
  CredentialEnv,
  Credentials,
  CredentialsSource,
  TransportConfig,
} from './config.js';
export {
  credentialsSchema,
  fromConfig,
  parseConfig,
  resolveCredentials,
  transportConfigShape,
  urlQuery,
} from './config.js';
export type { Delivery, Issue, MailErrorCode, MailErrorInit } from './errors.js';
export { invalidInput, isMailError, MAIL_ERROR_CODES, MailError, unsupported } from './errors.js';
export type {
  ErrorEvent,
  HookBase,
  Hooks,
  RedactedRequest,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from './hooks.js';
export { parseJson } from './json.js';
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
} from './message.js';
export type {
  AttemptContext,
  BatchReceipt,
  BatchResult,
  Execute,
  Group,
  GroupInput,
  HttpRequest,
  HttpResponse,
  Operation,
  OperationKind,
  Page,
  Provider,
  ProviderGroups,
  SendReceipt,
  SendResult,
} from './provider.js';
export { defineProvider } from './provider.js';
export type { RateLimiter, RateLimitOverrides } from './rate-limit.js';
export { createRateLimiter } from './rate-limit.js';
