/**
 * The schema type an adapter's published declarations use for its action table: what the raw
 * client and tooling call on a schema, and no more. Core bundles its validation library, so a
 * user's project has none of its types; an adapter holds its real schemas to this shape.
 */
import type { z } from 'zod/mini';

/** Why a value failed a schema: the validation library's issues (`toIssues` words them). */
export interface ActionSchemaError {
  readonly issues: readonly object[];
}

/** A schema as published types see it: `parse` (throws) and `safeParse`, resolving to `T`. */
export interface ActionSchema<T = unknown> {
  parse(value: unknown): T;
  safeParse(
    value: unknown,
    params?: { readonly reportInput?: boolean },
  ):
    | { readonly success: true; readonly data: T; readonly error?: never }
    | { readonly success: false; readonly data?: never; readonly error: ActionSchemaError };
}

type Same<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? 1 : 0;

/**
 * The actions whose spelt-out types (`Types`: `input` and `output` per action) differ from
 * their schemas' own (`Table`); `never` when every one agrees exactly. An adapter asserts
 * `true satisfies [DriftedActions<…>] extends [never] ? true : DriftedActions<…>`, so a schema
 * change fails its type check, naming the action, until the spelt-out types follow.
 */
export type DriftedActions<
  Types extends {
    readonly [A in keyof Types]: { readonly input: unknown; readonly output: unknown };
  },
  Table extends {
    readonly [A in keyof Types]: {
      readonly request: z.core.$ZodType;
      readonly response: z.core.$ZodType;
    };
  },
> = {
  [A in keyof Types]: Same<
    [Types[A]['input'], Types[A]['output']],
    [z.input<Table[A]['request']>, z.output<Table[A]['response']>]
  > extends 1
    ? never
    : A;
}[keyof Types];
