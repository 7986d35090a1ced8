/**
 * The adapter configuration: one strict schema (an unknown key fails naming it), resolved
 * once into what the signer and the operations need. Regions and hosts follow docs/providers/aliyun-dm.md;
 * the version defaults to `2015-11-23` (what the SDK sends for every region) and stays
 * configurable because older docs name `2017-06-22` outside Hangzhou.
 */
import {
  type Credentials,
  type CredentialsSource,
  endpointOrigin,
  resolveCredentials,
  type TransportConfig,
  transportOf,
  urlQuery,
} from '@mailbridge/core/provider';
import { credentialsSchema, parseConfig, transportConfigShape, z } from '@mailbridge/core/schema';
import type { SignatureVersion } from './signer.js';
import {
  type AliyunDmSmtpConfig,
  type ResolvedSmtp,
  resolveSmtp,
  smtpConfigSchema,
} from './smtp/config.js';

/** Provider id, as results, errors and `fromConfig` URLs name it. */
export const PROVIDER_ID = 'aliyun-dm';

/**
 * DirectMail regions and their public hosts (docs/providers/aliyun-dm.md; Alibaba Cloud's "API
 * endpoints" page). Resources do not cross regions: the sender address must be set up in the
 * region used.
 */
export const REGION_HOSTS = {
  'cn-hangzhou': 'dm.aliyuncs.com',
  'ap-southeast-1': 'dm.ap-southeast-1.aliyuncs.com',
  'ap-southeast-2': 'dm.ap-southeast-2.aliyuncs.com',
  'us-east-1': 'dm.us-east-1.aliyuncs.com',
  'eu-central-1': 'dm.eu-central-1.aliyuncs.com',
} as const;

/** A DirectMail region id. */
export type AliyunDmRegion = keyof typeof REGION_HOSTS;

/** The official environment variables (README "Using it"). */
export const ALIYUN_ENV = {
  id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  token: 'ALIBABA_CLOUD_SECURITY_TOKEN',
} as const;

const regions = Object.keys(REGION_HOSTS) as [AliyunDmRegion, ...AliyunDmRegion[]];

const configSchema = z.strictObject({
  region: z.enum(regions),
  version: z._default(
    z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an API version such as 2015-11-23')),
    '2015-11-23',
  ),
  endpoint: z.optional(z.string()),
  allowInsecureHttp: z.optional(
    z.pipe(
      z.transform((v) => (v === 'true' || v === '1' ? true : v === 'false' ? false : v)),
      z.boolean(),
    ),
  ),
  credentials: z.optional(credentialsSchema),
  signatureVersion: z._default(z.enum(['v1', 'v3']), 'v1'),
  smtp: z.optional(smtpConfigSchema),
  ...transportConfigShape,
});
// Every AliyunDmConfig a user can write is one the schema takes (the published type needs no zod).
true satisfies AliyunDmConfig extends z.input<typeof configSchema> ? true : false;

/** The configuration `aliyunDm()` accepts (validated strictly: unknown keys fail). */
export interface AliyunDmConfig extends TransportConfig {
  /** The region whose console holds the sender address and domain. */
  readonly region: AliyunDmRegion;
  /** API version; default `2015-11-23`. */
  readonly version?: string;
  /** Endpoint origin override (https; plain http only on loopback, for the emulator). */
  readonly endpoint?: string;
  /**
   * Allow a plain-http `endpoint` off loopback: an emulator in another container (docker
   * compose). Signed requests then cross the network in clear text, so it is never implied.
   * In a URL: `?insecure=1`.
   */
  readonly allowInsecureHttp?: boolean;
  /** Static keys or an async function; default: the official environment variables. */
  readonly credentials?: CredentialsSource;
  /** `v1` RPC HMAC-SHA1 (default, what the DirectMail docs describe) or `v3` ACS3-HMAC-SHA256. */
  readonly signatureVersion?: SignatureVersion;
  /** SMTP login for messages with attachments (DirectMail's HTTP API has none); see smtp/config.ts. */
  readonly smtp?: AliyunDmSmtpConfig;
}

/** The configuration after validation and defaults. */
export interface ResolvedConfig {
  readonly region: AliyunDmRegion;
  readonly version: string;
  /** `https://host` (or `http://127.0.0.1:port` for the emulator). */
  readonly origin: string;
  /** Plain http off loopback was opted into (`allowInsecureHttp`). */
  readonly allowInsecureHttp: boolean;
  /** `host[:port]`, as V3 signs it. */
  readonly host: string;
  readonly signatureVersion: SignatureVersion;
  /** Called before each attempt, so rotating STS tokens are picked up. */
  readonly credentials: () => Promise<Credentials>;
  readonly transport: TransportConfig;
  /** Where messages with attachments go; absent when `smtp` is not configured. */
  readonly smtp?: ResolvedSmtp;
}

/**
 * Validate a config and resolve endpoint and credentials. Throws `invalid_input` naming the
 * key for an unknown key, a bad region, a non-https endpoint off loopback, or no credentials.
 */
export function resolveConfig(
  value: unknown,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): ResolvedConfig {
  const config = parseConfig(PROVIDER_ID, configSchema, value);
  const allowInsecureHttp = config.allowInsecureHttp ?? false;
  const origin =
    config.endpoint === undefined
      ? `https://${REGION_HOSTS[config.region]}`
      : endpointOrigin(config.endpoint, PROVIDER_ID, config.allowInsecureHttp ?? false);
  const credentials = resolveCredentials(PROVIDER_ID, config.credentials, ALIYUN_ENV, environment);
  return {
    region: config.region,
    version: config.version,
    origin,
    allowInsecureHttp,
    host: new URL(origin).host,
    signatureVersion: config.signatureVersion,
    credentials,
    transport: transportOf(config),
    ...(config.smtp === undefined ? {} : { smtp: resolveSmtp(config.smtp, config.region) }),
  };
}

/**
 * Map `aliyun-dm://region?endpoint=…&signatureVersion=v3&timeoutMs=…` to a config
 * object; the host is the region and query keys are config keys (unknown ones then fail).
 */
export function configFromUrl(url: URL): Record<string, unknown> {
  // Credentials in the URL are refused by core's fromConfig, for every adapter.
  const { insecure, ...query } = urlQuery(url, ['region']);
  const config: Record<string, unknown> = { region: url.hostname, ...query };
  // `?insecure=1` is the URL form of `allowInsecureHttp: true`.
  if (insecure !== undefined) config['allowInsecureHttp'] = insecure === '1' || insecure === 'true';
  return config;
}
