/**
 * Operations: how one DirectMail call is built (signed afresh per attempt, with a new nonce and
 * timestamp) and read (JSON envelope -> value or classified `MailError`). Also the typed raw
 * client over the action table, which runs through the core's `execute`.
 */
import { randomUUID } from 'node:crypto';
import {
  type Issue,
  type MailError,
  MailError as MailErrorClass,
  type ReplayPin,
} from '@mailbridge/core';
import {
  type ActionSchema,
  type AttemptContext,
  type Execute,
  type HttpRequest,
  type HttpResponse,
  invalidInput,
  type Operation,
  type OperationKind,
  parseJson,
  textProblem,
} from '@mailbridge/core/provider';
import { schemaIssues } from '@mailbridge/core/schema';
import {
  ACTIONS,
  type AliyunDmAction,
  type AliyunDmRequest,
  type AliyunDmResponse,
} from './actions.js';
import { type AliyunDmCall, createCall } from './call.js';
import { PROVIDER_ID, type ResolvedConfig } from './config.js';
import { providerError, unreadableResponse } from './errors.js';
import { keyChanged, pinnedRefusal, REPLAY_REJECTIONS, unboundPin } from './replay.js';
import { type Signer, signerFor } from './signer.js';

/** What every operation of one provider instance shares. */
export interface ClientContext {
  readonly config: ResolvedConfig;
  readonly signer: Signer;
  /** Nonce source; a UUID per attempt unless a test pins it. */
  readonly nonce?: () => string;
  /**
   * A scheduled send's fixed nonce and timestamp: every attempt, and a recovery after a crash,
   * is the same request, which DirectMail accepts at most once (docs/providers/aliyun-dm-replay.md).
   */
  readonly pin?: ReplayPin;
  /** The secrets and tokens signed with lately, for the core's redaction (`provider.secrets`). */
  readonly seen: Set<string>;
}

/** The context for a resolved config. */
export function clientContext(config: ResolvedConfig): ClientContext {
  return { config, signer: signerFor(config.signatureVersion), seen: new Set() };
}

/**
 * Flatten parameters to wire strings (docs/providers/aliyun-dm.md "Signatures" step 1): booleans
 * `true`/`false`, numbers in decimal, objects and arrays as JSON (the DirectMail JSON-string
 * fields), undefined dropped. Every send and raw call passes here, so this is where a name or a
 * string holding a lone UTF-16 surrogate is refused, naming it: it has no UTF-8 form to sign and
 * send (percentEncode, encode.ts), and would otherwise fail inside the build step. JSON escapes
 * one, so objects and arrays are safe.
 */
export function flattenParams(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    const problem =
      textProblem(key) ?? (typeof value === 'string' ? textProblem(value) : undefined);
    if (problem !== undefined) issues.push({ path: [key], message: problem });
    out[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  if (issues.length > 0) throw invalidInput(issues, PROVIDER_ID);
  return out;
}

/**
 * Secrets kept for redaction. Rotating STS credentials bring a new token every hour or so, so
 * the set keeps the most recent ones only: an error is redacted soon after its request.
 */
const MAX_REMEMBERED_SECRETS = 16;

function remember(seen: Set<string>, secret: string): void {
  seen.delete(secret); // re-insert: a Set iterates in insertion order, oldest first
  seen.add(secret);
  if (seen.size <= MAX_REMEMBERED_SECRETS) return; // every send passes here: no iterator
  for (const old of seen) {
    if (seen.size <= MAX_REMEMBERED_SECRETS) break;
    seen.delete(old);
  }
}

/** Codes that mean success when a 2xx body carries a `Code` (POP's list, docs/providers/aliyun-dm.md). */
const SUCCESS_CODES = new Set(['200', 'OK', 'Success', 'success']);

/** One DirectMail call as an `Operation`. `read` turns the parsed JSON body into the result. */
export function dmOperation<T>(
  ctx: ClientContext,
  spec: { readonly action: string; readonly kind: OperationKind; readonly method?: 'GET' | 'POST' },
  params: Readonly<Record<string, string>>,
  read: (body: Record<string, unknown>, response: HttpResponse) => T,
): Operation<T> {
  const { action, kind } = spec;
  const method = spec.method ?? 'POST';
  return {
    action,
    kind,
    // DirectMail refuses a reused SignatureNonce before executing anything, so an identical
    // replay is safe for every call with an effect: a send, and also a write such as one
    // SaveReceiverDetail chunk of a long upload, which would otherwise fail the whole upload
    // on one reset connection. See isReplayRejection.
    ...(kind === 'read' ? {} : { replayable: true }),
    async build(attempt: AttemptContext): Promise<HttpRequest> {
      const { config, signer } = ctx;
      const credentials = await config.credentials();
      if (ctx.pin !== undefined && ctx.pin.keyId === undefined) throw unboundPin(action);
      if (ctx.pin !== undefined && ctx.pin.keyId !== credentials.id) throw keyChanged(action);
      const signed = signer.sign({
        method,
        host: config.host,
        action,
        version: config.version,
        regionId: config.region,
        params,
        credentials,
        timestamp: ctx.pin?.timestamp ?? attempt.now(),
        nonce: ctx.pin?.nonce ?? ctx.nonce?.() ?? randomUUID(),
      });
      // The key id too: a gateway that quotes the request back must not show it either.
      const secrets = [credentials.secret, signed.signature, credentials.id];
      if (credentials.token !== undefined) secrets.push(credentials.token);
      remember(ctx.seen, credentials.secret);
      if (credentials.token !== undefined) remember(ctx.seen, credentials.token);
      return {
        method: signed.method,
        url: `${config.origin}/${signed.query === '' ? '' : `?${signed.query}`}`,
        headers: { accept: 'application/json', ...signed.headers },
        ...(signed.body === undefined ? {} : { body: signed.body }),
        secrets,
      };
    },
    parse(response) {
      if (ctx.pin === undefined) return read(readEnvelope(action, response), response);
      try {
        return read(readEnvelope(action, response), response);
      } catch (error) {
        throw pinnedRefusal(error);
      }
    },
    isReplayRejection: (error: MailError) => REPLAY_REJECTIONS.has(error.providerCode ?? ''),
  };
}

/** The JSON body of a successful answer, or the classified error of any other. */
function readEnvelope(action: string, response: HttpResponse): Record<string, unknown> {
  let body: unknown;
  try {
    body = parseJson(response.body);
  } catch {
    throw unreadableResponse(action, response.status);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw unreadableResponse(action, response.status);
  }
  const record = body as Record<string, unknown>;
  const code = record['Code'];
  const ok = response.status >= 200 && response.status < 300;
  if (ok && (code === undefined || SUCCESS_CODES.has(String(code)))) return record;
  if (typeof code !== 'string' || code === '') throw unreadableResponse(action, response.status);
  const message = record['Message'];
  const requestId = record['RequestId'];
  throw providerError(
    action,
    {
      code,
      ...(typeof message === 'string' ? { message } : {}),
      ...(typeof requestId === 'string' ? { requestId } : {}),
    },
    response.status,
    response.headers['x-acs-retry-after'],
  );
}

/** Parse an accepted body with the action's response schema. */
export function readResponse<T>(
  action: string,
  kind: OperationKind,
  schema: ActionSchema<T>,
  body: Record<string, unknown>,
  status: number,
): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const requestId = typeof body['RequestId'] === 'string' ? body['RequestId'] : undefined;
  // The provider accepted the call; only its answer is odd. A send must not be resent.
  throw new MailErrorClass(`${PROVIDER_ID} answered ${action} with an unexpected response shape`, {
    code: 'unknown',
    retryable: false,
    delivery: kind === 'read' ? 'not_sent' : 'unknown',
    provider: PROVIDER_ID,
    action,
    httpStatus: status,
    ...(requestId === undefined ? {} : { requestId }),
    issues: schemaIssues(schema, body),
  });
}

/** An action's parameters checked against its request schema and flattened for the wire. */
export function checkedParams(name: AliyunDmAction, params: unknown): Record<string, string> {
  const parsed = ACTIONS[name].request.safeParse(params ?? {});
  if (!parsed.success)
    throw invalidInput(
      schemaIssues(ACTIONS[name].request, params ?? {}, { unknown: 'key' }),
      PROVIDER_ID,
    );
  return flattenParams(parsed.data as Record<string, unknown>);
}

/** The typed operation of any action in the table; parameters are validated before any request. */
export function actionOperation<A extends AliyunDmAction>(
  ctx: ClientContext,
  name: A,
  params: AliyunDmRequest<A>,
): Operation<AliyunDmResponse<A>> {
  const spec = ACTIONS[name];
  const wire = checkedParams(name, params);
  return dmOperation(
    ctx,
    { action: name, kind: spec.kind, method: spec.method },
    wire,
    (body, response) => readResponse(name, spec.kind, spec.response, body, response.status),
  ) as Operation<AliyunDmResponse<A>>;
}

/** Per-call options of the raw client. */
export interface RawCallOptions {
  readonly signal?: AbortSignal;
}

/**
 * The typed raw client: one method per DirectMail action, named as the action, taking its
 * parameters and resolving to its normalised response. Calls run through the core pipeline
 * (rate limits, retries, hooks, redaction).
 */
export type AliyunDmClient = {
  readonly [A in AliyunDmAction]: (
    params: AliyunDmRequest<A>,
    options?: RawCallOptions,
  ) => Promise<AliyunDmResponse<A>>;
} & {
  /** Any action by name, typed or not (call.ts). */
  readonly call: AliyunDmCall;
};

/** Build the raw client over an `execute` function. */
export function createRawClient(ctx: ClientContext, execute: Execute): AliyunDmClient {
  const client: Record<string, unknown> = {};
  for (const name of Object.keys(ACTIONS) as AliyunDmAction[]) {
    client[name] = async (params: AliyunDmRequest<typeof name>, options?: RawCallOptions) =>
      execute(actionOperation(ctx, name, params), options);
  }
  client['call'] = createCall(ctx, execute);
  return Object.freeze(client) as AliyunDmClient;
}
