/**
 * `@mailbridge/emulator`: local, wire-compatible emulators of Alibaba Cloud DirectMail and
 * Tencent Cloud SES on one loopback port, for tests and demos.
 */
export type { AliyunSeed } from './aliyun/index.js';
export { ALIYUN_DEFAULT_SEED } from './aliyun/index.js';
export type {
  Emulator,
  EmulatorOptions,
  EmulatorSeed,
  RequestCounts,
} from './api.js';
export type {
  EmulatorEvents,
  Engagement,
  EventSelector,
  PushState,
  RecordedEvent,
} from './events/log.js';
export type { EmulatedKind } from './events/outcome.js';
export { type ClientEndpoints, clientEndpoints, publicOrigin } from './inbox/endpoint.js';
export type { RequestListener, RequestRecord } from './inbox/index.js';
export { formatRequestLine } from './inbox/log.js';
export { followRealTime } from './real-time.js';
export { startEmulator } from './server.js';
export type {
  TencentSeed,
  TencentSeedGroup,
  TencentSeedRecipient,
  TencentSeedTemplate,
} from './tencent/seed.js';
export { TENCENT_DEFAULT_SEED } from './tencent/seed.js';
export type { Credential, Fault, FaultRule, OutboxEntry, ProviderId } from './types.js';
