/**
 * The schema type an adapter's published declarations use for its action table: what the raw
 * client and tooling call on a schema, and no more. Core bundles its validation library, so a
 * user's project has none of its types; an adapter holds its real schemas to this shape.
 */
/** Why a value failed a schema: the validation library's issues (`issuesFromZod` words them). */
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
