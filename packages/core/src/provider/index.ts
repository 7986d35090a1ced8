/**
 * `@mailbridge/core/provider`: the adapter kit. What an adapter author needs and an
 * application does not: the provider contract and `defineProvider`, config parsing with issues
 * that name the key, zod issues as mailbridge `Issue`s, provider options parsed once per send,
 * credentials from config, env or a function, transport settings, the https/loopback endpoint
 * rule, and precise JSON. The README section "Writing an adapter" walks through it.
 */

export { z } from 'zod/mini';
export { checkMessage } from '../capabilities/check.js';
export { checkBatch } from '../capabilities/check-batch.js';
export type { Issue, MailErrorInit } from '../errors.js';
export { invalidInput, isMailError, MailError, unsupported } from '../errors.js';
export { prepareBatch, prepareMessage } from '../mailer/prepare.js';
export { toIssues } from '../message/issues.js';
export {
  normalizeBatch,
  normalizeGroupInput,
  normalizeMessage,
  normalizeRecipient,
} from '../message/validate.js';
export { assertSecureEndpoint, endpointOrigin, isLoopbackHost } from '../run/endpoint.js';
export { parseJson } from '../run/json.js';
export { describeRequest, REDACTED, redactError, redactSecrets } from '../run/redact.js';
export type { ActionSchema, ActionSchemaError, DriftedActions } from './action-schema.js';
export type {
  AdapterFactory,
  CredentialEnv,
  Credentials,
  CredentialsSource,
  TransportConfig,
} from './config.js';
export {
  credentialsSchema,
  parseConfig,
  resolveCredentials,
  transportConfigShape,
  transportOf,
  urlQuery,
} from './config.js';
export { optionsParser } from './options.js';
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
