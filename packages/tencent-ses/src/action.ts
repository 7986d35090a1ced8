/**
 * The shape of one entry of the action table: kind (how the core may retry it), the schemas of
 * its request and its response, and where its rate limit was read; with the request pieces
 * several actions share.
 */
import type { ActionSchema, OperationKind } from '@mailbridge/core/provider';
import { z } from '@mailbridge/core/schema';
import { int, limit } from './schemas.js';

/** One action: how it is retried, its schemas, and where its 20 req/s limit was read. */
export interface ActionSpec<
  Req extends ActionSchema = ActionSchema,
  Res extends ActionSchema = ActionSchema,
> {
  readonly kind: OperationKind;
  readonly request: Req;
  readonly response: Res;
  /** `doc`: the action's page states 20 req/s; `assumed`: the account-wide FAQ default. */
  readonly limitSource: 'doc' | 'assumed';
}

/** Declare an action (`limitSource` `assumed` unless its page states the limit). */
export const action = <Req extends z.ZodMiniType, Res extends z.ZodMiniType>(
  kind: OperationKind,
  request: Req,
  response: Res,
  limitSource: 'doc' | 'assumed' = 'assumed',
): ActionSpec<Req, Res> => ({ kind, request, response, limitSource });

/** An email address parameter (its format is the provider's to judge). */
export const address = z.string().check(z.minLength(1));
/** docs/providers/tencent-ses.md "Sending": Unsubscribe is a string holding the language digit (0 none, 1 zh-CN, 2 en, ...). */
export const unsubscribe = z.string().check(z.regex(/^\d{1,2}$/));
/** Paging of the List and Get actions. */
export const page = { Offset: int, Limit: limit };
