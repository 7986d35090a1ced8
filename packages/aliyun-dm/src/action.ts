/**
 * The shape of one entry of the action table: kind (how the core may retry it), HTTP method,
 * and the schemas of its request and its normalised response.
 */
import type { ActionSchema, OperationKind } from '@mailbridge/core/provider';
import { z } from '@mailbridge/core/schema';
import { base, dmObject } from './schemas.js';

type Shape = Record<string, z.ZodMiniType>;

/** A check over the whole request (companion parameters, date windows); see limit-rules.ts. */
export type RequestCheck = (value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => void;

/** What an entry may add to the defaults. */
export interface ActionOptions<R extends Shape> {
  /** Other top-level names the documents give a response field (see `dmObject`). */
  readonly aliases?: Readonly<Record<string, keyof R & string>>;
  /** GET for the one SDK action that is not POST (GetUser). */
  readonly method?: 'GET' | 'POST';
  /** Rules across parameters, run after each parameter's own. */
  readonly check?: RequestCheck;
}

/** One DirectMail action as data. */
export interface ActionSpec<
  Req extends ActionSchema = ActionSchema,
  Res extends ActionSchema = ActionSchema,
> {
  readonly kind: OperationKind;
  /** POST unless stated: every SDK action is POST except GetUser (docs/providers/aliyun-dm.md). */
  readonly method: 'GET' | 'POST';
  readonly request: Req;
  readonly response: Res;
}

/**
 * Declare an action: a strict request shape and a drift-tolerant response shape (`options`:
 * response aliases, the HTTP method, a cross-parameter check). Both schemas are
 * built on first use and then kept: the table has about 40 actions, building them all cost most
 * of this package's import time, and a process uses a few.
 */
export function action<Q extends Shape, R extends Shape>(
  kind: OperationKind,
  request: Q,
  response: R,
  options: ActionOptions<R> = {},
) {
  const { aliases = {}, method = 'POST', check } = options;
  const requestSchema = once(() => {
    const strict = z.strictObject(request);
    return check === undefined ? strict : strict.check(z.superRefine(check));
  });
  const responseSchema = once(() => dmObject({ ...base, ...response }, aliases));
  return {
    kind,
    method,
    get request() {
      return requestSchema();
    },
    get response() {
      return responseSchema();
    },
  } as const satisfies ActionSpec;
}

/** `build()` on the first call, the same value on every later one. */
function once<T>(build: () => T): () => T {
  let value: { readonly built: T } | undefined;
  return () => {
    value ??= { built: build() };
    return value.built;
  };
}

/** A JSON-string parameter that may also be given as a value (serialised here). */
export const jsonParam = z.pipe(
  z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]),
  z.transform((value) => (typeof value === 'string' ? value : JSON.stringify(value))),
);
