/**
 * Configuration: credentials (static, official env vars, or an async function), transport
 * settings, and `fromConfig`, which resolves a value from outside (an object with
 * `provider`, or a URL such as `tencent-ses://ap-guangzhou?timeoutMs=5000`) against the adapters
 * passed in, so a program swaps provider without code changes.
 * The zod pieces adapters build their configs from are in config-schema.ts (kit only, so the
 * user API's declarations name no zod type).
 */
import { type Issue, MailError } from '../errors.js';
import { compositeFromConfig, isConfigList } from '../failover/config.js';
import { failUrlCredentials, missingProviderMessage } from './config-hints.js';
import { credentialsObject } from './config-schema.js';
import type { Provider } from './provider.js';

/** An access key pair, with an STS/temporary token when there is one. */
export interface Credentials {
  readonly id: string;
  readonly secret: string;
  readonly token?: string;
}

/** Static credentials or an async function (called before each attempt, so tokens rotate). */
export type CredentialsSource = Credentials | (() => Credentials | Promise<Credentials>);

/** A source as users write it, or as `credentialsSchema` parsed it (`token` may be `undefined`). */
type ParsedCredentialsSource =
  | CredentialsSource
  | { readonly id: string; readonly secret: string; readonly token?: string | undefined };

/** Transport settings every adapter config accepts; `createMailer` options override them. */
export interface TransportConfig {
  /** Per-request timeout in ms (default 30,000). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  readonly retries?: number;
  /** Largest response body accepted, in bytes (default 10 MiB). */
  readonly maxResponseBytes?: number;
}

/** The `TransportConfig` of a parsed config: only the keys the user set (no `undefined`s). */
export function transportOf(config: {
  readonly timeoutMs?: number | undefined;
  readonly retries?: number | undefined;
  readonly maxResponseBytes?: number | undefined;
}): TransportConfig {
  const transport: { -readonly [K in keyof TransportConfig]: TransportConfig[K] } = {};
  if (config.timeoutMs !== undefined) transport.timeoutMs = config.timeoutMs;
  if (config.retries !== undefined) transport.retries = config.retries;
  if (config.maxResponseBytes !== undefined) transport.maxResponseBytes = config.maxResponseBytes;
  return transport;
}

/** Names of the environment variables that hold a provider's official credentials. */
export interface CredentialEnv {
  readonly id: string;
  readonly secret: string;
  readonly token: string;
}

/**
 * Credentials from config, else from the provider's official environment variables. Returns a
 * function resolving them per attempt; throws `invalid_input` naming the variables when neither
 * is present.
 */
export function resolveCredentials(
  provider: string,
  source: ParsedCredentialsSource | undefined,
  env: CredentialEnv,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): () => Promise<Credentials> {
  if (typeof source === 'function') {
    return async () => {
      let value: unknown;
      try {
        value = await source();
      } catch (error) {
        // The caller's function failed before any request: nothing was sent.
        const name = error instanceof Error ? error.name : typeof error;
        throw new MailError(`${provider}: the credentials function threw (${name})`, {
          code: 'auth',
          retryable: false,
          delivery: 'not_sent',
          provider,
          cause: error,
        });
      }
      const parsed = credentialsObject.safeParse(value);
      if (!parsed.success) {
        throw new MailError(
          `${provider}: the credentials function returned no valid { id, secret }`,
          {
            code: 'auth',
            provider,
          },
        );
      }
      return stripToken(parsed.data);
    };
  }
  const fixed = source === undefined ? fromEnvironment(environment, env) : stripToken(source);
  if (!fixed) {
    throw new MailError(
      `${provider}: no credentials: pass \`credentials\` or set ${env.id} and ${env.secret}`,
      { code: 'invalid_input', provider, issues: [{ path: ['credentials'], message: 'missing' }] },
    );
  }
  const value = Promise.resolve(fixed);
  return () => value;
}

function fromEnvironment(
  environment: Readonly<Record<string, string | undefined>>,
  env: CredentialEnv,
): Credentials | undefined {
  const id = environment[env.id];
  const secret = environment[env.secret];
  if (!id || !secret) return undefined;
  const token = environment[env.token];
  return token ? { id, secret, token } : { id, secret };
}

function stripToken(value: {
  readonly id: string;
  readonly secret: string;
  readonly token?: string | undefined;
}): Credentials {
  return value.token === undefined
    ? { id: value.id, secret: value.secret }
    : (value as Credentials);
}

function failConfig(provider: string, message: string, issues: readonly Issue[]): never {
  throw new MailError(message, { code: 'invalid_input', provider, issues });
}

/** An adapter factory as `fromConfig` sees it: a function with its id and URL mapping. */
export interface AdapterFactory<Id extends string = string> {
  /** `never`: callers meet the adapter's own signature, which requires its config. */
  (config: never): Provider<Id>;
  readonly id: Id;
  /** Map `id://host/path?query` to a config object (the adapter decides what host means). */
  fromUrl(url: URL): Record<string, unknown>;
}

/** A config value from outside: a URL string or an object naming its `provider`. */
export type ConfigValue = string | URL | ({ readonly provider: string } & Record<string, unknown>);

/**
 * Resolve a config value against the installed adapters and build that provider.
 *
 * @example
 * ```ts
 * const mailer = createMailer(fromConfig(process.env.MAIL_URL, [aliyunDm, tencentSes]));
 * // MAIL_URL=tencent-ses://ap-guangzhou?timeoutMs=5000
 * ```
 */
export function fromConfig(
  value: ConfigValue | readonly ConfigValue[] | undefined,
  adapters: readonly AdapterFactory[],
): Provider {
  // A list is one composite provider over its entries (failover/config.ts).
  if (isConfigList(value)) return compositeFromConfig(value, adapters, fromConfig);
  if (value === undefined || value === '') {
    return failConfig('mailbridge', 'mailbridge config: no provider configured', [
      { path: ['provider'], message: 'missing' },
    ]);
  }
  const isObject = typeof value === 'object' && !(value instanceof URL);
  if (isObject && typeof value.provider !== 'string') {
    const message = missingProviderMessage(
      value,
      adapters.map((a) => a.id),
    );
    return failConfig('mailbridge', message, [{ path: ['provider'], message: 'missing' }]);
  }
  const url = isObject ? undefined : toUrl(value);
  if (url && (url.username !== '' || url.password !== '')) return failUrlCredentials(url);
  const id = isObject ? value.provider : (url as URL).protocol.replace(/:$/, '');
  const adapter = adapters.find((a) => a.id === id);
  if (!adapter) {
    const known = adapters.map((a) => a.id).join(', ') || 'none';
    return failConfig(
      'mailbridge',
      `mailbridge config: unknown provider '${id}' (installed: ${known})`,
      [{ path: ['provider'], message: `unknown provider '${id}'` }],
    );
  }
  let config: Record<string, unknown>;
  if (isObject) {
    const { provider: _provider, ...rest } = value;
    config = rest;
  } else {
    config = adapter.fromUrl(url as URL);
  }
  return (adapter as unknown as (config: Record<string, unknown>) => Provider)(config);
}

function toUrl(value: string | URL): URL {
  try {
    return value instanceof URL ? value : new URL(value);
  } catch {
    return failConfig(
      'mailbridge',
      'mailbridge config: not a URL like tencent-ses://ap-guangzhou',
      [{ path: ['url'], message: 'malformed URL' }],
    );
  }
}

/**
 * Turn URL query parameters into config keys (`?timeoutMs=5000` -> `{ timeoutMs: '5000' }`).
 * What such a URL cannot say is refused, naming it, rather than ignored: a port or a path (the
 * form is `id://host?query`, `#name` naming a failover member), a key given twice, a key in `reserved` (one the
 * host already sets, such as `region`), and an `insecure` other than `1`, `true`, `0`, `false`.
 */
export function urlQuery(url: URL, reserved: readonly string[] = []): Record<string, string> {
  const provider = url.protocol.replace(/:$/, '');
  const fail = (path: string, message: string): never =>
    failConfig(provider, `${provider} config URL: ${path}: ${message}`, [
      { path: [path], message },
    ]);
  if (url.port !== '') fail('port', 'the URL names a region, not a server: set ?endpoint=');
  if (url.pathname !== '' && url.pathname !== '/') fail('path', 'the URL has no path');
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(out, key)) fail(key, 'given twice');
    if (reserved.includes(key)) fail(key, 'already set by the URL host');
    out[key] = value;
  }
  const insecure = out['insecure'];
  if (insecure !== undefined && !['1', 'true', '0', 'false'].includes(insecure))
    fail('insecure', 'expected 1, true, 0 or false');
  return out;
}
