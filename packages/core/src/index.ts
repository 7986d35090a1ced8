export type { Capabilities, RateLimit } from './capabilities/capabilities.js';
export { checkMessage } from './capabilities/check.js';
export { checkBatch } from './capabilities/check-batch.js';
export type { Delivery, Issue, MailErrorCode, MailErrorInit } from './errors.js';
export { invalidInput, isMailError, MAIL_ERROR_CODES, MailError, unsupported } from './errors.js';
// Delivery events (issue 17): neutral event type and the field reader adapters parse with.
export type { BounceType, MailEvent, MailEventKind } from './events/event.js';
export { eventError, MAIL_EVENT_KINDS } from './events/event.js';
export type { EventFields } from './events/fields.js';
export { eventFields, parseEventBody } from './events/fields.js';
export type { NodeListener } from './events/node.js';
export { toNodeListener } from './events/node.js';
export type { EventReceiver, EventReceiverOptions } from './events/receiver.js';
export { createEventReceiver } from './events/receiver.js';
export type {
  ReconcileOptions,
  ReconcileOutcome,
  Reconciliation,
  StatusSource,
  UnknownSend,
} from './events/reconcile.js';
export { reconcile } from './events/reconcile.js';
export type {
  ProviderStatus,
  RecipientStatus,
  ResolvedStatusQuery,
  StatusQuery,
} from './events/status.js';
export type {
  MemorySuppression,
  SuppressionReason,
  SuppressionStore,
} from './events/suppression.js';
export {
  memorySuppression,
  suppressFromEvent,
  suppressionReason,
} from './events/suppression.js';
export type {
  CompositeOptions,
  CompositeProvider,
  MemberInput,
  WeightedMemberInput,
} from './failover/composite.js';
export { failover, roundRobin } from './failover/composite.js';
export type { BreakerOptions } from './failover/health.js';
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
  BatchMemberValues,
  MemberValues,
  Message,
  MessageInput,
  PerProvider,
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
  RouteStep,
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
