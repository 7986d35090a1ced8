/**
 * The DirectMail provider: the core's `Provider` contract over this folder's pieces, and the
 * `aliyunDm` factory (`AdapterFactory`: `.id` and `.fromUrl`, for `fromConfig`).
 */
import {
  type Batch,
  MailError,
  type Message,
  type Provider,
  type ReplayPin,
} from '@mailbridge/core';
import {
  type AdapterFactory,
  type BatchReceipt,
  defineProvider,
  type Operation,
  type SendReceipt,
} from '@mailbridge/core/provider';
import { ACTIONS, type AliyunDmRequest } from './actions.js';
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
import { parseOptions } from './options.js';
import { ReceiverIds } from './receiver-ids.js';
import { resourceOperations } from './resources.js';
import { withSmtp } from './smtp/provider.js';
import { statusOperation } from './status.js';

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
  ((config: AliyunDmConfig) => AliyunDmProvider) = Object.assign(
  (config: AliyunDmConfig) => {
    const ctx = clientContext(resolveConfig(config));
    // Messages with attachments go over SMTP (smtp/); everything else is buildProvider's.
    return withSmtp(ctx, buildProvider(ctx));
  },
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
    options: parseOptions,
    validate: validateMessage,
    validateBatch: (batch: Batch) => validateBatch(batch),
    replayPins: true,
    pinKey: async () => (await ctx.config.credentials()).id,
    send: (message: Message, pin?: ReplayPin) =>
      envelopeOperation(
        pin ? { ...ctx, pin } : ctx,
        'SingleSendMail',
        sendParams(message),
        (res) => ({
          messageId: res.messageId,
          ...(res.requestId === undefined ? {} : { requestId: res.requestId }),
        }),
      ) as Operation<SendReceipt>,
    sendBatch: (batch: Batch, pin?: ReplayPin) =>
      envelopeOperation(
        pin ? { ...ctx, pin } : ctx,
        'BatchSendMail',
        batchParams(batch),
        (res) => ({
          batchId: res.messageId,
          ...(res.requestId === undefined ? {} : { requestId: res.requestId }),
        }),
      ) as Operation<BatchReceipt>,
    groups: createGroupOperations(ctx, ids),
    status: (query, cursor) => statusOperation(ctx, query, cursor),
    resources: resourceOperations(ctx),
    raw: (execute) => createRawClient(ctx, execute),
    secrets: () => [...ctx.seen],
    origin: ctx.config.origin,
    ...(ctx.config.allowInsecureHttp ? { allowInsecureHttp: true } : {}),
    transport: ctx.config.transport,
  });
}

/**
 * A send whose answer is `{EnvId, RequestId}`; the EnvId (above 2^53) stays a string.
 *
 * `params` come from `sendParams`/`batchParams` over a message or batch the core validated, so
 * they are not parsed again with the action's request schema (a zod parse per send, for types
 * the mapping guarantees). What that schema checks beyond types (the 30-character batch names)
 * the mapping checks itself, and request-schema.test.ts holds the mapping's output to the
 * schema. The raw client, where callers write the parameters, still validates them
 * (`actionOperation`).
 */
function envelopeOperation<T>(
  ctx: ClientContext,
  action: 'SingleSendMail' | 'BatchSendMail',
  params: AliyunDmRequest<'SingleSendMail'> | AliyunDmRequest<'BatchSendMail'>,
  receipt: (res: { messageId: string; requestId: string | undefined }) => T,
): Operation<T> {
  const spec = ACTIONS[action];
  return dmOperation(ctx, { action, kind: 'send' }, flattenParams(params), (body, response) => {
    const res =
      plainEnvelope(body) ?? readResponse(action, 'send', spec.response, body, response.status);
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

/**
 * The usual answer, exactly `{"RequestId": "…", "EnvId": "…"}` with string values (`parseJson`
 * turns the unquoted EnvId above 2^53 into a string), read without the zod schema, to the same
 * result. Anything else (another key or casing, a number, a null) goes through the schema.
 */
function plainEnvelope(
  body: Record<string, unknown>,
): { EnvId: string; RequestId: string } | undefined {
  const { EnvId, RequestId } = body;
  if (typeof EnvId !== 'string' || typeof RequestId !== 'string') return undefined;
  return Object.keys(body).length === 2 ? { EnvId, RequestId } : undefined;
}
