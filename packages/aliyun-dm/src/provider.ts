/**
 * The DirectMail provider: the core's `Provider` contract over this folder's pieces, and the
 * `aliyunDm` factory (`AdapterFactory`: `.id` and `.fromUrl`, for `fromConfig`).
 */
import {
  type AdapterFactory,
  type Batch,
  type BatchReceipt,
  defineProvider,
  invalidInput,
  MailError,
  type Message,
  type Operation,
  type Provider,
  type SendReceipt,
} from '@mailbridge/core';
import { ACTIONS } from './actions.js';
import { capabilities } from './capabilities.js';
import {
  type AliyunDmClient,
  type ClientContext,
  clientContext,
  createRawClient,
  dmOperation,
  flattenParams,
  readResponse,
} from './client.js';
import { type AliyunDmConfig, configFromUrl, PROVIDER_ID, resolveConfig } from './config.js';
import { createGroupOperations } from './groups.js';
import { batchParams, sendParams, validateBatch, validateMessage } from './mapping.js';
import { ReceiverIds } from './receiver-ids.js';
import { toIssues } from './schema.js';

/** The DirectMail provider type. */
export type AliyunDmProvider = Provider<typeof PROVIDER_ID, AliyunDmClient>;

/**
 * Create the DirectMail provider. Credentials come from `config.credentials` or the official
 * environment variables (`ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET`,
 * `ALIBABA_CLOUD_SECURITY_TOKEN`); an unknown or bad key throws `invalid_input` naming it.
 *
 * @example
 * ```ts
 * import { createMailer } from '@mailbridge/core';
 * import { aliyunDm } from '@mailbridge/aliyun-dm';
 *
 * const mailer = createMailer(aliyunDm({ region: 'cn-hangzhou' }));
 * const { messageId } = await mailer.send({
 *   from: 'Shop <noreply@mail.example.com>',
 *   to: 'a@example.com',
 *   subject: 'Welcome',
 *   html: '<p>Hello</p>',
 * });
 * ```
 */
export const aliyunDm: AdapterFactory<typeof PROVIDER_ID> &
  ((config?: AliyunDmConfig) => AliyunDmProvider) = Object.assign(
  (config?: AliyunDmConfig) => buildProvider(clientContext(resolveConfig(config))),
  {
    id: PROVIDER_ID as typeof PROVIDER_ID,
    fromUrl: configFromUrl,
  },
);

/** The provider over a client context (tests pin the nonce through the context). */
export function buildProvider(ctx: ClientContext): AliyunDmProvider {
  const ids = new ReceiverIds(ctx);
  return defineProvider({
    id: PROVIDER_ID,
    capabilities,
    validate: validateMessage,
    validateBatch: (batch: Batch) => validateBatch(batch),
    send: (message: Message) =>
      envelopeOperation(ctx, 'SingleSendMail', sendParams(message), (res) => ({
        messageId: res.messageId,
        ...(res.requestId === undefined ? {} : { requestId: res.requestId }),
      })) as Operation<SendReceipt>,
    sendBatch: (batch: Batch) =>
      envelopeOperation(ctx, 'BatchSendMail', batchParams(batch), (res) => ({
        batchId: res.messageId,
        ...(res.requestId === undefined ? {} : { requestId: res.requestId }),
      })) as Operation<BatchReceipt>,
    groups: createGroupOperations(ctx, ids),
    raw(execute) {
      // Kept so a group name this process has not seen can be resolved through the same pipeline.
      ids.execute = execute;
      return createRawClient(ctx, execute);
    },
    secrets: () => [...ctx.seen],
    origin: ctx.config.origin,
    transport: ctx.config.transport,
  });
}

/** A send whose answer is `{EnvId, RequestId}`; the EnvId (above 2^53) stays a string. */
function envelopeOperation<T>(
  ctx: ClientContext,
  action: 'SingleSendMail' | 'BatchSendMail',
  params: unknown,
  receipt: (res: { messageId: string; requestId: string | undefined }) => T,
): Operation<T> {
  const spec = ACTIONS[action];
  const parsed = spec.request.safeParse(params);
  if (!parsed.success) {
    throw invalidInput(toIssues(parsed.error), PROVIDER_ID);
  }
  const wire = flattenParams(parsed.data as Record<string, unknown>);
  return dmOperation(ctx, { action, kind: 'send' }, wire, (body, response) => {
    const res = readResponse(action, 'send', spec.response, body, response.status);
    if (!res.EnvId) {
      // Accepted (2xx) without an id: it went out, so never report it as not sent.
      throw new MailError(`${PROVIDER_ID} accepted ${action} but returned no EnvId`, {
        code: 'unknown',
        delivery: 'unknown',
        provider: PROVIDER_ID,
        action,
        ...(res.RequestId === undefined ? {} : { requestId: res.RequestId }),
      });
    }
    return receipt({ messageId: res.EnvId, requestId: res.RequestId });
  });
}
