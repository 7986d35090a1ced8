/**
 * Which provider a command talks to: `--url`, else `MAIL_URL`, else the provider whose
 * official credential variables are set (`TENCENTCLOUD_SECRET_ID`, `ALIBABA_CLOUD_ACCESS_KEY_ID`).
 * Credentials themselves come from those variables through the adapters; the CLI never reads,
 * prints or stores them.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, fromConfig, type Mailer } from '@mailbridge/core';
import { tencentSes } from '@mailbridge/tencent-ses';
import { UsageError } from './exit.js';

/** The adapters the CLI knows. */
export const ADAPTERS = [tencentSes, aliyunDm] as const;

/** The provider URL from flags and environment, or a UsageError saying what to set. */
export function providerUrl(
  url: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const chosen = url ?? env.MAIL_URL;
  if (chosen !== undefined && chosen !== '') return chosen;
  if (env.TENCENTCLOUD_SECRET_ID)
    return `tencent-ses://${env.TENCENTCLOUD_REGION ?? 'ap-guangzhou'}`;
  if (env.ALIBABA_CLOUD_ACCESS_KEY_ID) {
    return `aliyun-dm://${env.ALIBABA_CLOUD_REGION_ID ?? 'cn-hangzhou'}`;
  }
  throw new UsageError(
    'no provider: pass --url or set MAIL_URL (e.g. tencent-ses://ap-guangzhou or aliyun-dm://cn-hangzhou), ' +
      'or set TENCENTCLOUD_SECRET_ID / ALIBABA_CLOUD_ACCESS_KEY_ID',
  );
}

/** A mailer for the chosen provider. The caller closes it. */
export function openMailer(url: string | undefined): Mailer {
  return createMailer(fromConfig(providerUrl(url), ADAPTERS));
}

/** Run `fn` with a mailer and close it afterwards, whatever happens. */
export async function withMailer<T>(
  url: string | undefined,
  fn: (mailer: Mailer) => Promise<T>,
): Promise<T> {
  const mailer = openMailer(url);
  try {
    return await fn(mailer);
  } finally {
    await mailer.close();
  }
}

/**
 * The provider and region of an open mailer, for display and for an upload's identity. The
 * mailer exists, so `fromConfig` accepted the URL; only its host is read here (a DirectMail URL
 * may carry keys).
 */
export function providerOf(
  mailer: Mailer,
  url: string | undefined,
): { provider: string; region: string } {
  return { provider: mailer.provider, region: new URL(providerUrl(url)).hostname };
}
