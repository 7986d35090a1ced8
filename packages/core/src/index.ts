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
// Delivery events (issue 17): neutral event type and the field reader adapters parse with.
export type { BounceType, MailEvent, MailEventKind } from './events/event.js';
export { MAIL_EVENT_KINDS } from './events/event.js';
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
export type { RecipientStatus, StatusQuery } from './events/status.js';
export type {
  MemorySuppression,
  SuppressionReason,
  SuppressionStore,
} from './events/suppression.js';
export { memorySuppression, suppressFromEvent } from './events/suppression.js';
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
export type { ConfigValue } from './provider/config.js';
export { fromConfig } from './provider/config.js';
export type {
  BatchResult,
  Group,
  GroupInput,
  Page,
  Provider,
  RouteStep,
  SendResult,
} from './provider/provider.js';
export type { ResourceCapabilities } from './resources/contract.js';
export type {
  DailyStats,
  DnsRecord,
  Domain,
  ResourceStatus,
  Sender,
  SenderInput,
  StatsQuery,
  SuppressedAddress,
  Template,
  TemplateInput,
} from './resources/types.js';
export type {
  AccountResources,
  Domains,
  ResourceCallOptions,
  Senders,
  Stats,
  SuppressionList,
  Templates,
} from './resources/view.js';
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
export type { AtRule, CronRule, EveryRule, Interval, ScheduleRule } from './schedule/rule.js';
export type {
  ScheduledResult,
  ScheduleEntry,
  ScheduleSendOptions,
  Schedules,
} from './schedule/view.js';
