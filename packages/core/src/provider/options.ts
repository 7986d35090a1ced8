/**
 * Provider options (`providerOptions[id]`) parsed by a provider's zod schema, with issues
 * located under `providerOptions.<id>` and worded by the kit's one zod-to-Issue converter.
 */
import * as z from 'zod/mini';
import { invalidInput } from '../errors.js';
import { schemaIssues } from './zod-issues.js';

/**
 * The `options` function of a provider: `undefined` stays `undefined` (no options given);
 * anything else is parsed by `schema` (any zod 4 schema, `zod/mini` or classic) or refused with
 * `invalid_input` naming the key.
 *
 * @example
 * ```ts
 * defineProvider({ id: 'acme', options: optionsParser('acme', z.strictObject({ pool: z.string() })), ... });
 * ```
 */
export function optionsParser<S extends z.core.$ZodType>(
  provider: string,
  schema: S,
): (value: unknown) => z.output<S> | undefined {
  return (value) => {
    if (value === undefined) return undefined;
    const parsed = z.safeParse(schema, value);
    if (parsed.success) return parsed.data;
    const path = ['providerOptions', provider];
    throw invalidInput(schemaIssues(schema, value, { path }), provider);
  };
}
