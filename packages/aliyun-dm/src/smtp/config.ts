/**
 * The `smtp` part of the DirectMail config: where attachments go (DirectMail's HTTP API has no
 * attachment field; its SMTP interface does) and with which SMTP password. Hosts, ports and TLS
 * follow docs/providers/aliyun-dm-smtp.md.
 */
import { MailError } from '@mailbridge/core';
import { isLoopbackHost } from '@mailbridge/core/provider';
import { z } from '@mailbridge/core/schema';

/**
 * DirectMail's SMTP hosts per region (docs/providers/aliyun-dm-smtp.md, from
 * https://www.alibabacloud.com/help/en/direct-mail/smtp-endpoints). ap-southeast-2 only has
 * its legacy host.
 */
export const SMTP_HOSTS = {
  'cn-hangzhou': 'smtpdm.aliyun.com',
  'ap-southeast-1': 'smtpdm-ap-southeast-1.aliyuncs.com',
  'ap-southeast-2': 'smtpdm-ap-southeast-2.aliyun.com',
  'us-east-1': 'smtpdm-us-east-1.aliyuncs.com',
  'eu-central-1': 'smtpdm-eu-central-1.aliyuncs.com',
} as const;

/** SMTP login: the sender address and the SMTP password set for it in the DirectMail console. */
export interface SmtpCredentials {
  /** The sender address (DirectMail requires the login to be the `from` address). */
  readonly user: string;
  readonly password: string;
}

/**
 * Static SMTP credentials, or a function of the sender address (one password per sender):
 * called once per attempt, bounded by the request timeout.
 */
export type SmtpCredentialsSource =
  | SmtpCredentials
  | ((sender: string) => SmtpCredentials | Promise<SmtpCredentials>);

/** The `smtp` key of `aliyunDm({...})`. */
export interface AliyunDmSmtpConfig {
  /** Sender address + SMTP password (issued separately from the AccessKey), or a function. */
  readonly credentials: SmtpCredentialsSource;
  /** Default: the region's SMTP host. */
  readonly host?: string;
  /**
   * 465 (implicit TLS, the default), or 25/80 with STARTTLS required. Plain SMTP only to a
   * loopback host (the emulator).
   */
  readonly port?: number;
}

/** `smtp` after validation and defaults. */
export interface ResolvedSmtp {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465). */
  readonly secure: boolean;
  /** STARTTLS is required: off loopback on a port other than 465. */
  readonly requireTls: boolean;
  /** The credentials for a sender address (validated shape, not yet checked by the server). */
  readonly credentials: (sender: string) => SmtpCredentials | Promise<SmtpCredentials>;
}

const staticCredentials = z.strictObject({
  user: z.string().check(z.minLength(1)),
  password: z.string().check(z.minLength(1)),
});

/** The zod schema of `smtp` (config.ts puts it in the adapter's strict schema). */
export const smtpConfigSchema = z.strictObject({
  credentials: z.union([
    staticCredentials,
    z.custom<(sender: string) => SmtpCredentials | Promise<SmtpCredentials>>(
      (v) => typeof v === 'function',
      {
        message: 'expected { user, password } or a function of the sender address',
      },
    ),
  ]),
  host: z.optional(
    z
      .string()
      .check(
        z.regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/, 'expected a host name or IP address'),
      ),
  ),
  port: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(65_535))),
});
// Every AliyunDmSmtpConfig a user can write is one the schema takes (the published type needs no zod).
true satisfies AliyunDmSmtpConfig extends z.input<typeof smtpConfigSchema> ? true : false;

/** Resolve a validated `smtp` for a region: host and TLS defaults. */
export function resolveSmtp(
  value: z.infer<typeof smtpConfigSchema>,
  region: keyof typeof SMTP_HOSTS,
): ResolvedSmtp {
  const host = value.host ?? SMTP_HOSTS[region];
  const port = value.port ?? 465;
  const secure = port === 465;
  const source = value.credentials as SmtpCredentialsSource;
  return {
    host,
    port,
    secure,
    // The password must not cross the network in clear text; the emulator listens on loopback.
    requireTls: !secure && !isLoopbackHost(host),
    credentials: typeof source === 'function' ? source : () => source,
  };
}

/** A credentials value returned by the caller's function, checked before it is used. */
export function checkCredentials(value: unknown): SmtpCredentials {
  const parsed = staticCredentials.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new MailError('aliyun-dm smtp.credentials: the function returned no { user, password }', {
    code: 'invalid_input',
    provider: 'aliyun-dm',
    issues: [{ path: ['smtp', 'credentials'], message: 'expected { user, password } strings' }],
  });
}
