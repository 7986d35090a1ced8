/**
 * The raw client's escape hatch: `call(action, params)` for an action this library does not
 * type yet (one newer than `@alicloud/dm20151123` 1.9.0, or a seed-era one). It is signed, sent,
 * retried and classified exactly like the typed actions; only its result is untyped.
 */
import {
  type Execute,
  invalidInput,
  type OperationKind,
  untypedParamsIssues,
} from '@mailbridge/core/provider';
import { ACTIONS, type AliyunDmAction } from './actions.js';
import {
  actionOperation,
  type ClientContext,
  dmOperation,
  flattenParams,
  type RawCallOptions,
} from './client.js';
import { PROVIDER_ID } from './config.js';

/** Options of `call`: the per-call ones, and how to treat an action the library does not know. */
export interface CallOptions extends RawCallOptions {
  /**
   * How the core may retry an unknown action. `write` (the default) is retried only when nothing
   * can have run, or by identical replay, which DirectMail refuses by its nonce if the first copy
   * arrived; say `read` for a pure query, `send` for one that sends mail. Ignored for a typed action.
   */
  readonly kind?: OperationKind;
  /** HTTP method of an unknown action; POST, as for every SDK action but GetUser. */
  readonly method?: 'GET' | 'POST';
}

/**
 * Call any DirectMail action by name. A typed action is validated by its schema (every limit
 * included) and resolves to its normalised response, as the named method does; any other action
 * sends `params` as given (objects and arrays as JSON) and resolves to the answer's JSON body.
 */
export type AliyunDmCall = (
  action: string,
  params?: Readonly<Record<string, unknown>>,
  options?: CallOptions,
) => Promise<Record<string, unknown>>;

/** RPC action names: letters and digits, starting with a letter (every SDK action). */
const ACTION_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

function isKnown(action: string): action is AliyunDmAction {
  return Object.hasOwn(ACTIONS, action);
}

/** Checked arguments of an untyped call, or the MailError naming the bad one. */
function untypedParams(action: unknown, params: unknown): Record<string, string> {
  if (typeof action !== 'string' || !ACTION_NAME.test(action)) {
    throw invalidInput(
      [{ path: ['action'], message: 'an action name of letters and digits, such as "GetUser"' }],
      PROVIDER_ID,
    );
  }
  const issues = untypedParamsIssues(params, ['params']);
  if (issues.length > 0) throw invalidInput(issues, PROVIDER_ID);
  return flattenParams(params as Record<string, unknown>);
}

/** Build `call` over the same context and pipeline as the typed methods. */
export function createCall(ctx: ClientContext, execute: Execute): AliyunDmCall {
  return async (action, params = {}, options = {}) => {
    if (typeof action === 'string' && isKnown(action)) {
      const operation = actionOperation(ctx, action, params as never);
      return (await execute(operation, options)) as Record<string, unknown>;
    }
    const wire = untypedParams(action, params);
    const spec = { action, kind: options.kind ?? 'write', method: options.method ?? 'POST' };
    return execute(
      dmOperation(ctx, spec, wire, (body) => body),
      options,
    );
  };
}
