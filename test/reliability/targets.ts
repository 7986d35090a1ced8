/**
 * The two providers as the reliability suite drives them: a mailer against a live emulator
 * (credentials read per attempt, so a cell can switch to a wrong secret), the provider's action
 * names, a message and a batch the emulator accepts, and the emulator's counters.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type Mailer } from '@mailbridge/core';
import type { Emulator, Fault, ProviderId } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import type { Dispatcher } from 'undici';
import { ALIYUN_DM_SAMPLE, type ProviderSample, TENCENT_SES_SAMPLE } from '../helpers/samples.js';

/** The provider-specific half of a reliability run. */
export interface Target extends ProviderSample {
  readonly id: ProviderId;
  /** The provider's own throttling fault. */
  readonly throttle: Fault;
  /** The accepted key pair. */
  key(emu: Emulator): { readonly id: string; readonly secret: string };
}

/** Both providers, as the emulator seeds them by default. */
export const TARGETS: readonly Target[] = [
  {
    id: 'aliyun-dm',
    ...ALIYUN_DM_SAMPLE,
    throttle: { kind: 'error', code: 'Throttling.User', status: 400 },
    key: (emu) => emu.credentials.aliyun[0] as { id: string; secret: string },
  },
  {
    id: 'tencent-ses',
    ...TENCENT_SES_SAMPLE,
    throttle: { kind: 'error', code: 'RequestLimitExceeded' },
    key: (emu) => emu.credentials.tencent[0] as { id: string; secret: string },
  },
];

/** Settings of one test mailer. */
export interface MailerSettings {
  readonly endpoint: string;
  /** Called before every attempt: the cell decides which secret signs it. */
  readonly credentials: () =>
    | { readonly id: string; readonly secret: string }
    | Promise<{ readonly id: string; readonly secret: string }>;
  readonly dispatcher?: Dispatcher;
  readonly options?: Parameters<typeof createMailer>[1];
  readonly timeoutMs?: number;
  readonly maxResponseBytes?: number;
  /** DirectMail only: the signature scheme (default v1). */
  readonly signatureVersion?: 'v1' | 'v3';
}

/** A mailer for `target` against the emulator at `settings.endpoint`. */
export function mailerFor(target: Target, settings: MailerSettings): Mailer {
  const transport = {
    endpoint: settings.endpoint,
    credentials: settings.credentials,
    ...(settings.timeoutMs === undefined ? {} : { timeoutMs: settings.timeoutMs }),
    ...(settings.maxResponseBytes === undefined
      ? {}
      : { maxResponseBytes: settings.maxResponseBytes }),
  };
  const options = {
    ...settings.options,
    ...(settings.dispatcher ? { dispatcher: settings.dispatcher } : {}),
  };
  if (target.id === 'aliyun-dm') {
    const signatureVersion = settings.signatureVersion ?? 'v1';
    return createMailer(
      aliyunDm({ region: 'cn-hangzhou', signatureVersion, ...transport }),
      options,
    );
  }
  return createMailer(tencentSes({ region: 'ap-guangzhou', ...transport }), options);
}

/** Copies in the emulator outbox for `to` (optionally from one action). */
export function copies(emu: Emulator, target: Target, to: string, action?: string): number {
  let n = 0;
  for (const entry of emu.outbox) {
    if (entry.provider === target.id && entry.to === to && (!action || entry.action === action))
      n += 1;
  }
  return n;
}
