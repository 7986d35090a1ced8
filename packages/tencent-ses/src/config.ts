/**
 * Configuration of the Tencent Cloud SES adapter: one strict zod schema (an unknown or bad key
 * fails naming the key), resolved once into the settings every operation reads.
 * Endpoints and sites: docs/providers/tencent-ses.md "Endpoints and regions".
 */
import type { RateLimit } from '@mailbridge/core';
import {
  type Credentials,
  endpointOrigin,
  resolveCredentials,
  type TransportConfig,
  transportOf,
  urlQuery,
} from '@mailbridge/core/provider';
import { credentialsSchema, parseConfig, transportConfigShape, z } from '@mailbridge/core/schema';

/** The provider id, as results, errors and `fromConfig` URLs carry it. */
export const PROVIDER_ID = 'tencent-ses';

/** The API version every request names (`X-TC-Version`). */
export const API_VERSION = '2020-10-02';

/** Regions SES actions accept: China site ap-guangzhou / ap-hongkong, international ap-singapore. */
export const TENCENT_SES_REGIONS = ['ap-guangzhou', 'ap-hongkong', 'ap-singapore'] as const;

/** A region SES serves. */
export type TencentSesRegion = (typeof TENCENT_SES_REGIONS)[number];

/** `china` (cloud.tencent.com accounts) or `intl` (tencentcloud.com accounts). */
export type TencentSesSite = 'china' | 'intl';

/** The default host of each site (the "nearest region" hosts the official SDKs use). */
export const SITE_HOSTS: Readonly<Record<TencentSesSite, string>> = {
  china: 'ses.tencentcloudapi.com',
  intl: 'ses.intl.tencentcloudapi.com',
};

/** Official environment variables for credentials. */
export const CREDENTIAL_ENV = {
  id: 'TENCENTCLOUD_SECRET_ID',
  secret: 'TENCENTCLOUD_SECRET_KEY',
  token: 'TENCENTCLOUD_SESSION_TOKEN',
} as const;

const rateLimitSchema = z.strictObject({
  requests: z.int().check(z.positive()),
  perMs: z.int().check(z.positive()),
  source: z._default(z.string(), 'config'),
});

const booleanish = z.pipe(
  z.transform((v) => (v === 'true' ? true : v === 'false' ? false : v)),
  z.boolean(),
);

/** The config schema; `tencentSes(config)` parses its argument with it. */
export const tencentSesConfigSchema = z.strictObject({
  region: z.enum(TENCENT_SES_REGIONS),
  site: z.optional(z.enum(['china', 'intl'])),
  endpoint: z.optional(z.string()),
  allowInsecureHttp: z.optional(booleanish),
  credentials: z.optional(credentialsSchema),
  language: z.optional(z.enum(['zh-CN', 'en-US'])),
  allowRawContent: z.optional(booleanish),
  rateLimit: z.optional(
    z.union([z.coerce.number().check(z.positive()), z.record(z.string(), rateLimitSchema)]),
  ),
  ...transportConfigShape,
});
// Every TencentSesConfig a user can write is one the schema takes (the published type needs no zod).
true satisfies TencentSesConfig extends z.input<typeof tencentSesConfigSchema> ? true : false;

/** Config of `tencentSes()`, as users write it. */
export interface TencentSesConfig {
  /** `ap-guangzhou`, `ap-hongkong` (China site) or `ap-singapore` (international site). */
  readonly region: TencentSesRegion;
  /** Which site's host to use; by default it follows the region (ap-singapore: `intl`). */
  readonly site?: TencentSesSite;
  /**
   * Override the endpoint, e.g. a regional host `https://ses.ap-hongkong.tencentcloudapi.com`
   * or the emulator `http://127.0.0.1:PORT` (plain http only on loopback). Requests are still
   * signed for service `ses` whatever the host.
   */
  readonly endpoint?: string;
  /**
   * Allow a plain-http `endpoint` off loopback: an emulator in another container (docker
   * compose). Signed requests then cross the network in clear text, so it is never implied.
   * In a URL: `?insecure=1`.
   */
  readonly allowInsecureHttp?: boolean;
  /** Static, or an async function (rotating STS tokens); default: `TENCENTCLOUD_*` env vars. */
  readonly credentials?: Credentials | (() => Credentials | Promise<Credentials>);
  /** Language of provider error messages (`X-TC-Language`). */
  readonly language?: 'zh-CN' | 'en-US';
  /**
   * The account was granted raw-content sending (`Simple`). Template-only is the provider
   * default (docs/providers/tencent-ses.md), so raw html/text is `unsupported` unless this is true.
   */
  readonly allowRawContent?: boolean;
  /** Requests per second for every action, or per-action limits; default 20/s per action. */
  readonly rateLimit?:
    | number
    | Readonly<Record<string, { requests: number; perMs: number; source?: string }>>;
  /** Per-request timeout in ms (default 30,000; the mailer's `timeoutMs` wins). */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, for errors that allow one (default 3). */
  readonly retries?: number;
  /** Largest response body accepted, in bytes (default 10 MiB). */
  readonly maxResponseBytes?: number;
}

/** The resolved settings every operation reads. */
export interface TencentSesSettings {
  readonly region: TencentSesRegion;
  readonly site: TencentSesSite;
  /** `https://host[:port]`, no trailing slash. */
  readonly origin: string;
  /** Plain http off loopback was opted into (`allowInsecureHttp`). */
  readonly allowInsecureHttp: boolean;
  /** `host[:port]` as the Host header carries it. */
  readonly host: string;
  readonly credentials: () => Promise<Credentials>;
  readonly language?: 'zh-CN' | 'en-US';
  readonly allowRawContent: boolean;
  readonly rateLimit?: number | Readonly<Record<string, RateLimit>>;
  readonly transport: TransportConfig;
  /** Static secrets to redact (the function form is redacted per attempt by the request). */
  readonly secrets: readonly string[];
}

/** Parse and resolve a config; throws `invalid_input` naming the key. */
export function resolveTencentSesConfig(
  config: unknown,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): TencentSesSettings {
  const parsed = parseConfig(PROVIDER_ID, tencentSesConfigSchema, config);
  const site = parsed.site ?? (parsed.region === 'ap-singapore' ? 'intl' : 'china');
  const allowInsecureHttp = parsed.allowInsecureHttp ?? false;
  const url = new URL(
    parsed.endpoint === undefined
      ? `https://${SITE_HOSTS[site]}`
      : endpointOrigin(parsed.endpoint, PROVIDER_ID, allowInsecureHttp),
  );
  const source = parsed.credentials;
  const credentials = resolveCredentials(PROVIDER_ID, source, CREDENTIAL_ENV, environment);
  const staticSecrets = staticSecretsOf(source, environment);
  return {
    region: parsed.region,
    site,
    origin: url.origin,
    allowInsecureHttp,
    host: url.host,
    credentials,
    ...(parsed.language === undefined ? {} : { language: parsed.language }),
    allowRawContent: parsed.allowRawContent ?? false,
    ...(parsed.rateLimit === undefined ? {} : { rateLimit: parsed.rateLimit }),
    transport: transportOf(parsed),
    secrets: staticSecrets,
  };
}

/** `tencent-ses://ap-guangzhou?endpoint=http://127.0.0.1:1234&timeoutMs=5000` -> config object. */
export function tencentSesConfigFromUrl(url: URL): Record<string, unknown> {
  // Credentials in the URL are refused by core's fromConfig, for every adapter.
  const { insecure, ...query } = urlQuery(url, ['region']);
  // `?insecure=1` is the URL form of `allowInsecureHttp: true`.
  const optIn =
    insecure === undefined ? {} : { allowInsecureHttp: insecure === '1' || insecure === 'true' };
  return { region: url.hostname, ...query, ...optIn };
}

function staticSecretsOf(
  source:
    | { readonly secret: string; readonly token?: string | undefined }
    | (() => unknown)
    | undefined,
  environment: Readonly<Record<string, string | undefined>>,
): readonly string[] {
  if (typeof source === 'function') return [];
  const fixed = source ?? {
    secret: environment[CREDENTIAL_ENV.secret] ?? '',
    token: environment[CREDENTIAL_ENV.token],
  };
  return [fixed.secret, fixed.token].filter((s): s is string => typeof s === 'string' && s !== '');
}
