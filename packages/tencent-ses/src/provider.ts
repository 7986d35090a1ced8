/**
 * The adapter: `tencentSes(config)` builds the core `Provider` (neutral operations as
 * Operations, the typed raw client, capabilities from the config), and is an `AdapterFactory`
 * (`.id`, `.fromUrl`) so `fromConfig('tencent-ses://ap-guangzhou', [tencentSes])` works.
 */
import type { Provider } from '@mailbridge/core';
import { type AdapterFactory, defineProvider, type Execute } from '@mailbridge/core/provider';
import type { ActionOutput } from './actions.js';
import { tencentSesCapabilities } from './capabilities.js';
import {
  createRawClient,
  defaultSigner,
  mappedOperation,
  type RequestContext,
  type TencentSesClient,
} from './client.js';
import {
  PROVIDER_ID,
  resolveTencentSesConfig,
  type TencentSesConfig,
  type TencentSesSettings,
  tencentSesConfigFromUrl,
} from './config.js';
import { receiverGroups } from './groups.js';
import { batchParams, sendParams, validateBatch, validateMessage } from './mapping.js';
import { parseOptions } from './options.js';
import { resourceOperations } from './resources.js';
import { sendTasks } from './scheduled-tasks.js';
import type { Tc3Signer } from './signer.js';
import { statusOperation } from './status.js';

/** The Tencent SES provider as the core sees it; `raw` is the typed client. */
export type TencentSesProvider = Provider<'tencent-ses', TencentSesClient> & {
  /** The resolved settings (region, site, origin), for diagnostics. */
  readonly settings: Omit<TencentSesSettings, 'credentials' | 'secrets'>;
};

/** The provider over a config and a signer (the standalone client passes its own). */
export function createProvider(
  config: TencentSesConfig | undefined,
  signer: Tc3Signer = defaultSigner,
): TencentSesProvider {
  const settings = resolveTencentSesConfig(config);
  const context: RequestContext = { settings, signer };
  const { credentials: _credentials, secrets, ...visible } = settings;
  const provider = defineProvider({
    id: PROVIDER_ID,
    capabilities: tencentSesCapabilities(settings),
    options: parseOptions,
    validate: validateMessage,
    validateBatch,
    send: (message) =>
      mappedOperation(
        context,
        'SendEmail',
        sendParams(message),
        (out) => ({
          messageId: out.MessageId,
          ...(out.RequestId ? { requestId: out.RequestId } : {}),
        }),
        plainSendAnswer,
      ),
    sendBatch: (batch) =>
      mappedOperation(context, 'BatchSendEmail', batchParams(batch), (out) => ({
        batchId: String(out.TaskId),
        ...(out.RequestId ? { requestId: out.RequestId } : {}),
      })),
    groups: receiverGroups(context),
    status: (query, cursor) => statusOperation(context, query, cursor),
    resources: resourceOperations(context),
    scheduledTasks: sendTasks(context),
    raw: (execute: Execute) => createRawClient(context, execute),
    secrets: () => secrets,
    origin: settings.origin,
    ...(settings.allowInsecureHttp ? { allowInsecureHttp: true } : {}),
    transport: settings.transport,
  });
  return { ...provider, settings: visible };
}

/**
 * Create the Tencent Cloud SES provider. Credentials come from `config.credentials` or the
 * official `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY` / `TENCENTCLOUD_SESSION_TOKEN`.
 *
 * @example
 * ```ts
 * import { createMailer } from '@mailbridge/core';
 * import { tencentSes } from '@mailbridge/tencent-ses';
 *
 * const mailer = createMailer(tencentSes({ region: 'ap-guangzhou' }));
 * await mailer.send({
 *   from: 'Shop <noreply@mail.example.com>',
 *   to: 'a@example.com',
 *   subject: 'Welcome',
 *   template: { id: 12345, data: { name: 'Ann' } },
 * });
 * ```
 */
export const tencentSes: AdapterFactory<'tencent-ses'> &
  ((config: TencentSesConfig) => TencentSesProvider) = Object.assign(
  (config: TencentSesConfig) => createProvider(config),
  {
    id: PROVIDER_ID,
    fromUrl: tencentSesConfigFromUrl,
  } as const,
);

/**
 * The usual SendEmail answer, exactly `{"MessageId": "…", "RequestId": "…"}` with string values,
 * read without the zod schema to the same output (DirectMail reads its `{RequestId, EnvId}` the
 * same way). Anything else (another key, a null, a number) goes through the schema.
 */
function plainSendAnswer(value: Record<string, unknown>): ActionOutput<'SendEmail'> | undefined {
  const { MessageId, RequestId } = value;
  if (typeof MessageId !== 'string' || typeof RequestId !== 'string') return undefined;
  return Object.keys(value).length === 2 ? { MessageId, RequestId } : undefined;
}
