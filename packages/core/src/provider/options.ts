/**
 * Provider options (`providerOptions[id]`) parsed by a provider's zod schema, with issues
 * located under `providerOptions.<id>` and worded by the one zod-to-Issue converter.
 */
import { z } from 'zod';
import { invalidInput } from '../errors.js';
import { toIssues } from '../message/issues.js';

/**
 * The `options` function of a provider: `undefined` stays `undefined` (no options given);
 * anything else is parsed by `schema` or refused with `invalid_input` naming the key.
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
    throw invalidInput(toIssues(parsed.error.issues, ['providerOptions', provider]), provider);
  };
}
