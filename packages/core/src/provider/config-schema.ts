/**
 * The zod pieces of an adapter config, for the adapter kit only (the user API's declarations
 * name no zod type): the transport keys every config accepts, credentials, and `parseConfig`,
 * which fails naming the key.
 */
import * as z from 'zod/mini';
import { type Issue, MailError } from '../errors.js';
import type { Credentials } from './config.js';
import { schemaIssues } from './zod-issues.js';

/** The zod shape of `TransportConfig`, for adapters to spread into their strict schema. */
export const transportConfigShape = {
  timeoutMs: z.optional(z.coerce.number().check(z.int(), z.positive(), z.maximum(600_000))),
  retries: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(20))),
  maxResponseBytes: z.optional(z.coerce.number().check(z.int(), z.positive())),
};

const nonEmpty = z.string().check(z.minLength(1));
/** `{ id, secret, token? }`, each non-empty. */
export const credentialsObject = z.strictObject({
  id: nonEmpty,
  secret: nonEmpty,
  token: z.optional(nonEmpty),
});

/** zod schema for a `CredentialsSource` (object or function). */
export const credentialsSchema = z.union([
  credentialsObject,
  z.custom<() => Credentials | Promise<Credentials>>((v) => typeof v === 'function', {
    error: 'expected { id, secret, token? } or an async function',
  }),
]);

/**
 * Parse a config with a strict schema (any zod 4 schema, `zod/mini` or classic); a missing,
 * unknown or bad key fails naming the key.
 */
export function parseConfig<T>(provider: string, schema: z.core.$ZodType<T>, value: unknown): T {
  const input = value ?? {};
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const issues = schemaIssues(schema, input, { unknown: 'key' });
  throw new MailError(`${provider} config: ${headline(issues)}`, {
    code: 'invalid_input',
    provider,
    issues,
  });
}

/** The first few issues in one line, so that every misspelt key is named in the message. */
function headline(issues: readonly Issue[]): string {
  const shown = issues
    .slice(0, 3)
    .map(({ path, message }) => (path.length > 0 ? `${path.join('.')}: ${message}` : message));
  const more = issues.length - shown.length;
  return (shown.join('; ') || 'invalid') + (more > 0 ? ` (and ${more} more)` : '');
}
