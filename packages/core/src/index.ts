export { formatAddress, parseAddress } from './address.js';
export type { Capabilities, RateLimit } from './capabilities.js';
export { checkBatch, checkMessage } from './check.js';
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
export { assertSecureEndpoint, isLoopbackHost } from './endpoint.js';
export type { Delivery, Issue, MailErrorCode, MailErrorInit } from './errors.js';
export { invalidInput, isMailError, MAIL_ERROR_CODES, MailError, unsupported } from './errors.js';
export type { RetryOptions } from './executor.js';
export type { Groups, UploadOptions, UploadProgress, UploadResult } from './groups.js';
export type {
  ErrorEvent,
  HookBase,
  Hooks,
  RedactedRequest,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from './hooks.js';
export type { HttpClient, HttpClientOptions } from './http.js';
export { createHttpClient } from './http.js';
export { parseJson } from './json.js';
export type { CallOptions, Mailer, MailerOptions, SendManyOptions } from './mailer.js';
export { createMailer } from './mailer.js';
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
export type { RateLimitOverrides } from './rate-limit.js';
export { describeRequest, REDACTED, redactError, redactSecrets } from './redact.js';
export type {
  Job,
  JobFilter,
  JobInput,
  JobPayload,
  JobRun,
  JobRunner,
  JobState,
  Occurrence,
  ReplayPin,
  RunOutcome,
  Scheduler,
  SchedulerHooks,
} from './schedule/contract.js';
export { FINAL_JOB_STATES } from './schedule/contract.js';
export type { NativeTask, NativeTasks } from './schedule/native.js';
export { NATIVE_PREFIX } from './schedule/native.js';
export type { AtRule, CronRule, EveryRule, Interval, ScheduleRule } from './schedule/rule.js';
export {
  intervalHours,
  intervalMs,
  isCronRule,
  isEveryRule,
  normalizeRule,
} from './schedule/rule.js';
export type {
  ScheduledResult,
  ScheduleEntry,
  ScheduleSendOptions,
  Schedules,
} from './schedule/view.js';
export type { Settled, Source } from './send-many.js';
export { collect } from './send-many.js';
export {
  normalizeBatch,
  normalizeGroupInput,
  normalizeMessage,
  normalizeRecipient,
} from './validate.js';
