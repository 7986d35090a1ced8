/**
 * `raw.call(action, params)`: the generic escape hatch for an SES action newer than this
 * library. A typed action goes through its own operation (schema, limits, parsed output); any
 * other is signed with TC3 and sent like them (client.ts `buildRequest`), its errors read and
 * classified by the same envelope reader, and its `Response` object returned untyped.
 */
import {
  type Execute,
  invalidInput,
  type Operation,
  type OperationKind,
  untypedParamsIssues,
} from '@mailbridge/core/provider';
import {
  type ActionInput,
  type ActionOutput,
  TENCENT_SES_ACTIONS,
  type TencentSesAction,
} from './actions.js';
import {
  actionOperation,
  buildRequest,
  type RawCallOptions,
  type RequestContext,
  readEnvelope,
  serialise,
} from './client.js';
import { PROVIDER_ID } from './config.js';

/** The `Response` object of an action the library does not type (`RequestId` included). */
export type UntypedOutput = Readonly<Record<string, unknown>> & { readonly RequestId?: string };

/** Options of `call` for an untyped action. */
export interface CallOptions extends RawCallOptions {
  /**
   * How the action may be retried. Default `send`: never after an ambiguous failure, because
   * the library cannot know whether an unknown action is safe to repeat (SES has no
   * idempotency token). Say `read` for a query so that it is retried like the typed ones.
   */
  readonly kind?: OperationKind;
}

/**
 * `call`: typed for the actions of the table (the same checks and output as their methods),
 * untyped for any other action name. An untyped action is rate-limited client-side only when
 * the mailer's `rateLimits` option names it.
 */
export interface TencentSesCall {
  <A extends TencentSesAction>(
    action: A,
    params?: ActionInput<A>,
    options?: RawCallOptions,
  ): Promise<ActionOutput<A>>;
  (
    action: string,
    params?: Readonly<Record<string, unknown>>,
    options?: CallOptions,
  ): Promise<UntypedOutput>;
}

/** An X-TC-Action value: an API 3.0 action name (letters and digits, leading capital). */
const ACTION_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;

function isTyped(action: string): action is TencentSesAction {
  return Object.hasOwn(TENCENT_SES_ACTIONS, action);
}

/**
 * One call of an action the table does not type, as an Operation. The name and the params'
 * shape are checked here (`invalid_input`, nothing sent); what the params mean is the server's.
 */
export function untypedOperation(
  context: RequestContext,
  action: string,
  params: unknown,
  kind: OperationKind = 'send',
): Operation<UntypedOutput> {
  if (!ACTION_NAME.test(action)) {
    const message = 'an SES action name: a capital letter, then letters or digits (at most 64)';
    throw invalidInput([{ path: ['action'], message }], PROVIDER_ID);
  }
  const issues = untypedParamsIssues(params, [action]);
  if (issues.length > 0) throw invalidInput(issues, PROVIDER_ID);
  const body = serialise(action, params);
  return {
    action,
    kind,
    build: (ctx) => buildRequest(context, action, body, ctx),
    parse: (response) => readEnvelope(action, response) as UntypedOutput,
  };
}

/** Build `call` over an executor (the raw client's pipeline). */
export function createCall(context: RequestContext, execute: Execute): TencentSesCall {
  // async: a params error rejects the call's promise instead of throwing synchronously.
  const call = async (action: string, params?: unknown, options: CallOptions = {}) => {
    const given = params ?? {};
    const { kind, ...rest } = options;
    if (isTyped(action))
      return execute(actionOperation(context, action, given as ActionInput<typeof action>), rest);
    return execute(untypedOperation(context, action, given, kind), rest);
  };
  return call as TencentSesCall;
}
