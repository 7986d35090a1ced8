/**
 * The typed raw client: every action of the table in actions.ts as a method, each call an
 * `Operation` run by the core's executor (rate limit, retry, hooks). Requests are POST `/` with
 * a JSON body serialised once, signed with TC3 (docs/providers/tencent-ses.md "HTTP", "TC3-HMAC-SHA256 signing"); errors are
 * read from `Response.Error` in a 200 and in a non-200 body alike (docs/providers/tencent-ses.md "Response envelope").
 */
import { MailError } from '@mailbridge/core';
import {
  type AttemptContext,
  type Execute,
  type HttpRequest,
  type HttpResponse,
  invalidInput,
  type Operation,
  parseJson,
} from '@mailbridge/core/provider';
import { schemaIssues } from '@mailbridge/core/schema';
import {
  type ActionInput,
  type ActionOutput,
  TENCENT_SES_ACTIONS,
  type TencentSesAction,
} from './actions.js';
import { createCall, type TencentSesCall } from './call.js';
import { API_VERSION, PROVIDER_ID, type TencentSesSettings } from './config.js';
import { classifyTencentError, ERROR_HINTS } from './errors.js';
import { checkLimits } from './limits.js';
import { createTc3Signer, type Tc3Signer } from './signer.js';

/** The Content-Type sent and signed, byte for byte (no charset, as the SDK sends it). */
export const CONTENT_TYPE = 'application/json';

/**
 * docs/providers/tencent-ses.md "HTTP": a Tencent Cloud API request is at most 8 MB (RequestSizeLimitExceeded). Checked on the
 * serialised body before any request, so an oversized call fails fast with the action named.
 */
export const REQUEST_MAX_BYTES = 8 * 1024 * 1024;

/** What building a request needs: the resolved settings and a signer. */
export interface RequestContext {
  readonly settings: TencentSesSettings;
  readonly signer: Tc3Signer;
}

/** Options of `createTencentSesClient`. */
export interface ClientOptions {
  /** Another signer, e.g. `createTc3Signer(Sha256Js)` (from `/portable`) where node:crypto is missing; default node:crypto. */
  readonly signer?: Tc3Signer;
}

/** The typed client: one method per action, named as the action, and the generic `call`. */
export type TencentSesClient = {
  readonly [A in TencentSesAction]: (...args: ActionArgs<A>) => Promise<ActionOutput<A>>;
} & {
  /** Any action by name: typed for the table's actions, untyped for a newer one (call.ts). */
  readonly call: TencentSesCall;
};

/** Per-call options of a raw action. */
export interface RawCallOptions {
  readonly signal?: AbortSignal;
}

/** Params may be left out when the action has no required field (`ListEmailAddress()`). */
type ActionArgs<A extends TencentSesAction> =
  Record<string, never> extends ActionInput<A>
    ? [params?: ActionInput<A>, options?: RawCallOptions]
    : [params: ActionInput<A>, options?: RawCallOptions];

const encoder = new TextEncoder();

/**
 * One SES call as an `Operation`: the params are validated against the action's schema before
 * any request (`invalid_input`), then `read` turns the parsed output into the caller's value.
 * For params the user wrote (the raw client); the neutral operations use `mappedOperation`.
 */
export function actionOperation<A extends TencentSesAction, T = ActionOutput<A>>(
  context: RequestContext,
  action: A,
  params: ActionInput<A>,
  read?: (output: ActionOutput<A>) => T,
): Operation<T> {
  const schema = TENCENT_SES_ACTIONS[action].request;
  const checked = schema.safeParse(params);
  if (!checked.success) {
    const request = TENCENT_SES_ACTIONS[action].request;
    throw invalidInput(schemaIssues(request, params, { path: [action] }), PROVIDER_ID);
  }
  // The documented limits beyond the shape (limits.ts), before any request as well.
  checkLimits(action, checked.data as Record<string, unknown>);
  return mappedOperation(context, action, checked.data as ActionInput<A>, read);
}

/**
 * One SES call with params the neutral mapping built from a validated `Message`, `Batch` or
 * recipient chunk (mapping.ts, groups.ts): every rule of the request schema is
 * already enforced there, by the capabilities or by the adapter's own checks, so the schema is
 * not run again on the send path (bench/RESULTS.md). The reliability fuzz suite sends random
 * messages through this path into the emulator, which checks the same rules.
 */
export function mappedOperation<A extends TencentSesAction, T = ActionOutput<A>>(
  context: RequestContext,
  action: A,
  params: ActionInput<A>,
  read: (output: ActionOutput<A>) => T = (output) => output as unknown as T,
  plain?: (value: Record<string, unknown>) => ActionOutput<A> | undefined,
): Operation<T> {
  const spec = TENCENT_SES_ACTIONS[action];
  const body = serialise(action, params);
  return {
    action,
    kind: spec.kind,
    build: (ctx) => buildRequest(context, action, body, ctx),
    parse: (response) => {
      const value = readEnvelope(action, response);
      const usual = plain?.(value);
      if (usual !== undefined) return read(usual);
      const parsed = spec.response.safeParse(value);
      if (!parsed.success)
        throw malformed(action, response, 'a response that does not match the API model');
      return read(parsed.data as ActionOutput<A>);
    },
  };
}

/** Serialised once: these exact bytes are hashed by the signer and sent (docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing", step 1). */
export function serialise(action: string, params: unknown): Uint8Array {
  const body = encoder.encode(JSON.stringify(params));
  if (body.byteLength <= REQUEST_MAX_BYTES) return body;
  const message = `the request is ${body.byteLength} bytes; Tencent Cloud takes at most 8 MB`;
  throw invalidInput([{ path: [action], message }], PROVIDER_ID);
}

/** Sign one attempt: a fresh X-TC-Timestamp from the mailer's clock and fresh credentials. */
export async function buildRequest(
  { settings, signer }: RequestContext,
  action: string,
  body: Uint8Array,
  ctx: Pick<AttemptContext, 'now'>,
): Promise<HttpRequest> {
  const credentials = await settings.credentials();
  const timestamp = Math.floor(ctx.now() / 1000);
  const { authorization, signature } = await signer.sign({
    body,
    contentType: CONTENT_TYPE,
    host: settings.host,
    secretId: credentials.id,
    secretKey: credentials.secret,
    timestamp,
  });
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPE,
    'x-tc-action': action,
    'x-tc-version': API_VERSION,
    'x-tc-timestamp': String(timestamp),
    'x-tc-region': settings.region,
    authorization,
  };
  // Temporary credentials: the token travels only in X-TC-Token, outside the signature (docs/providers/tencent-ses.md "TC3-HMAC-SHA256 signing").
  if (credentials.token !== undefined) headers['x-tc-token'] = credentials.token;
  if (settings.language !== undefined) headers['x-tc-language'] = settings.language;
  // The key id too: a gateway that quotes the request back must not show it either.
  const secrets = [
    credentials.secret,
    signature,
    credentials.id,
    ...(credentials.token ? [credentials.token] : []),
  ];
  return { method: 'POST', url: `${settings.origin}/`, headers, body, secrets };
}

interface TencentErrorBody {
  readonly Code?: unknown;
  readonly Message?: unknown;
}

/**
 * The inner `Response` object of a success, or a classified MailError. A body that is not
 * JSON makes `parseJson` throw a SyntaxError, which the core reports as `provider_unavailable`.
 */
export function readEnvelope(action: string, response: HttpResponse): Record<string, unknown> {
  const json = parseJson(response.body);
  const inner = isRecord(json) ? json.Response : undefined;
  if (!isRecord(inner)) throw malformed(action, response, 'a JSON body without a Response object');
  const requestId = typeof inner.RequestId === 'string' ? inner.RequestId : undefined;
  const error = inner.Error as TencentErrorBody | undefined;
  if (isRecord(error) && typeof error.Code === 'string') {
    throw tencentError(action, error.Code, asText(error.Message), requestId, response.status);
  }
  if (response.status !== 200)
    throw malformed(action, response, `HTTP ${response.status} without an error code`);
  return inner;
}

/**
 * The MailError for a provider error code, classified by the code alone whatever the HTTP
 * status: the code says what happened (`RequestLimitExceeded` was not executed in a 503 body as
 * much as in a 200). A non-200 answer without a code stays `unknown` (see `readEnvelope`), as
 * docs/providers/tencent-ses.md "Error classification" says.
 */
export function tencentError(
  action: string,
  code: string,
  providerMessage: string | undefined,
  requestId: string | undefined,
  httpStatus: number,
): MailError {
  const kind = classifyTencentError(code);
  const detail = providerMessage ? `: ${providerMessage}` : '';
  const hint = Object.hasOwn(ERROR_HINTS, code) ? ` (${ERROR_HINTS[code]})` : '';
  return new MailError(`${PROVIDER_ID} ${action} failed with ${code}${hint}${detail}`, {
    code: kind.code,
    retryable: kind.retryable,
    delivery: kind.delivery,
    provider: PROVIDER_ID,
    action,
    providerCode: code,
    ...(providerMessage === undefined ? {} : { providerMessage }),
    ...(requestId === undefined ? {} : { requestId }),
    httpStatus,
  });
}

function malformed(action: string, response: HttpResponse, what: string): MailError {
  const status = response.status;
  return new MailError(`${PROVIDER_ID} answered ${action} with ${what} (HTTP ${status})`, {
    code: 'provider_unavailable',
    // A gateway error or a garbled answer: worth retrying for reads; a send stays `unknown`.
    retryable: status >= 500 || status === 429 || status === 200,
    delivery: 'unknown',
    provider: PROVIDER_ID,
    action,
    httpStatus: status,
  });
}

/** Build the typed client over an executor (`mailer.raw`, or standalone). */
export function createRawClient(context: RequestContext, execute: Execute): TencentSesClient {
  const client: Record<string, unknown> = {};
  for (const action of Object.keys(TENCENT_SES_ACTIONS) as TencentSesAction[]) {
    // async: a params error rejects the call's promise instead of throwing synchronously.
    client[action] = async (
      params: ActionInput<typeof action> | undefined,
      options?: RawCallOptions,
    ) =>
      execute(
        actionOperation(context, action, params ?? ({} as ActionInput<typeof action>)),
        options,
      );
  }
  client.call = createCall(context, execute);
  return client as TencentSesClient;
}

/** The default signer (`node:crypto`). */
export const defaultSigner: Tc3Signer = createTc3Signer();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
