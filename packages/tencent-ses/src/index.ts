/**
 * `@mailbridge/tencent-ses`: the Tencent Cloud SES adapter (API 2020-10-02, TC3-HMAC-SHA256).
 * `tencentSes(config)` for `createMailer`, `createTencentSesClient` for the typed raw client,
 * `getDeliveryStatus` for GetSendEmailStatus, and the data behind them (actions, error table,
 * capabilities) for tooling and docs.
 */
export type { ActionSpec } from './action.js';
export type { ActionInput, ActionOutput, TencentSesAction } from './actions.js';
export { TENCENT_SES_ACTION_NAMES, TENCENT_SES_ACTIONS as actions } from './actions.js';
export type { CallOptions, TencentSesCall, UntypedOutput } from './call.js';
export { capabilities, tencentSesCapabilities } from './capabilities.js';
export type { RawCallOptions, TencentSesClient } from './client.js';
export type { TencentSesConfig, TencentSesRegion, TencentSesSite } from './config.js';
export { API_VERSION, TENCENT_SES_REGIONS } from './config.js';
export type { ErrorClass } from './errors.js';
export { classifyTencentError as classifyError, TENCENT_SES_ERRORS as errors } from './errors.js';
export { EVENT_KINDS, parseEvents } from './events.js';
export type { TencentSesSendOptions, UnsubscribeLanguage } from './options.js';
export { UNSUBSCRIBE_LANGUAGES } from './options.js';
export type { TencentSesProvider } from './provider.js';
export { tencentSes } from './provider.js';
export type {
  Checksum,
  ChecksumConstructor,
  Tc3Signature,
  Tc3Signer,
  Tc3SignInput,
} from './signer.js';
export { createTc3Signer, NodeSha256, TC3_SERVICE } from './signer.js';
export type { TencentSesClientOptions } from './standalone.js';
export { createTencentSesClient } from './standalone.js';
export type { DeliveryState, DeliveryStatus, StatusQuery } from './status.js';
export { deliveryState, getDeliveryStatus } from './status.js';
export { providerSuppression } from './suppression.js';
export { CHINA_STANDARD_TIME_OFFSET_MS, formatChinaTime } from './time.js';
