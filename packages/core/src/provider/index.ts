/**
 * `@mailbridge/core/provider`: the adapter kit. What an adapter author needs and an
 * application does not: the provider contract and `defineProvider`, config parsing with issues
 * that name the key, zod issues as mailbridge `Issue`s, provider options parsed once per send,
 * credentials from config, env or a function, transport settings, the https/loopback endpoint
 * rule, precise JSON, the resource and status contracts, the event-body readers adapters parse
 * webhooks with, and the schedule-rule helpers a scheduler or a native-schedule adapter uses.
 * The README section "Writing an adapter" walks through it.
 */

export { checkMessage } from '../capabilities/check.js';
export { checkBatch } from '../capabilities/check-batch.js';
export type { Issue, MailErrorInit } from '../errors.js';
export { invalidInput, isMailError, MailError, unsupported } from '../errors.js';
export { eventError } from '../events/event.js';
export type { EventFields } from '../events/fields.js';
export { eventFields, parseEventBody } from '../events/fields.js';
export type { ProviderStatus, ResolvedStatusQuery } from '../events/status.js';
export { prepareBatch, prepareMessage } from '../mailer/prepare.js';
export { lineProblem, textProblem } from '../message/text.js';
export {
  normalizeBatch,
  normalizeGroupInput,
  normalizeMessage,
  normalizeRecipient,
} from '../message/validate.js';
export type {
  ProviderDomains,
  ProviderResources,
  ProviderSenders,
  ProviderStats,
  ProviderSuppressionList,
  ProviderTemplates,
} from '../resources/contract.js';
export type { EndpointCheck } from '../run/endpoint.js';
export {
  checkEndpoint,
  endpointOrigin,
  isLoopbackHost,
} from '../run/endpoint.js';
export { emit } from '../run/hooks.js';
export { parseJson } from '../run/json.js';
export { describeRequest, REDACTED, redactError, redactSecrets } from '../run/redact.js';
export type { NativeTask, NativeTasks } from '../schedule/native.js';
export {
  intervalHours,
  intervalMs,
  isCronRule,
  isEveryRule,
  normalizeRule,
} from '../schedule/rule.js';
export { outcomeOfError } from '../schedule/runner.js';
export type { ActionSchema, ActionSchemaError } from './action-schema.js';
export type {
  AdapterFactory,
  CredentialEnv,
  Credentials,
  CredentialsSource,
  TransportConfig,
} from './config.js';
export { resolveCredentials, transportOf, urlQuery } from './config.js';
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
export { untypedParamsIssues } from './untyped-params.js';
