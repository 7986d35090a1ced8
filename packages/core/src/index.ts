export type { Capabilities, RateLimit } from './capabilities/capabilities.js';
export { checkMessage } from './capabilities/check.js';
export { checkBatch } from './capabilities/check-batch.js';
export type { Delivery, Issue, MailErrorCode, MailErrorInit } from './errors.js';
export { invalidInput, isMailError, MAIL_ERROR_CODES, MailError, unsupported } from './errors.js';
export type { Groups, UploadOptions, UploadProgress, UploadResult } from './mailer/groups.js';
export type { CallOptions, Mailer, MailerOptions, SendManyOptions } from './mailer/mailer.js';
export { createMailer } from './mailer/mailer.js';
export type { Settled, Source } from './mailer/send-many.js';
export { collect } from './mailer/send-many.js';
export { formatAddress, parseAddress } from './message/address.js';
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
export {
  normalizeBatch,
  normalizeGroupInput,
  normalizeMessage,
  normalizeRecipient,
} from './message/validate.js';
export type {
  AdapterFactory,
  ConfigValue,
  CredentialEnv,
  Credentials,
  CredentialsSource,
  TransportConfig,
} from './provider/config.js';
export {
  credentialsSchema,
  fromConfig,
  parseConfig,
  resolveCredentials,
  transportConfigShape,
  urlQuery,
} from './provider/config.js';
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
} from './provider/provider.js';
export { defineProvider } from './provider/provider.js';
export { assertSecureEndpoint, isLoopbackHost } from './run/endpoint.js';
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
export type { HttpClient, HttpClientOptions } from './run/http.js';
export { createHttpClient } from './run/http.js';
export { parseJson } from './run/json.js';
export type { RateLimitOverrides } from './run/rate-limit.js';
export { describeRequest, REDACTED, redactError, redactSecrets } from './run/redact.js';
