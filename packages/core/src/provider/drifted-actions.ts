/**
 * The compile-time check that an adapter's spelt-out action types (what its published
 * declarations show, with no zod in them: action-schema.ts) agree with its zod schemas.
 */
import type { z } from 'zod/mini';

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
