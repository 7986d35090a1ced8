/**
 * The demo's failover rows: both providers as one mailer, `fromConfig` given a list of the
 * same config values the per-provider runs use (credentials from the official env vars). Tencent
 * SES is the primary; when it certainly did not send (throttled) DirectMail sends instead, and
 * when it may have sent (connection dropped after processing) the caller gets `unknown` and
 * DirectMail is never called.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, fromConfig, isMailError, type Mailer } from '@mailbridge/core';
import type { Emulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { PROFILES, useEmulatorCredentials } from './profiles.js';
import { describeError, type Row, shortId } from './report.js';

/** The config list and the rows of the failover section. */
export async function failoverRows(emu: Emulator): Promise<{ config: string; rows: Row[] }> {
  useEmulatorCredentials(emu, 'tencent-ses');
  useEmulatorCredentials(emu, 'aliyun-dm');
  const config = [PROFILES['tencent-ses'].url(emu), PROFILES['aliyun-dm'].url(emu)];
  const mailer = createMailer(fromConfig(config, [aliyunDm, tencentSes]), {
    rateLimits: false,
    retry: { retries: 0 },
  });
  try {
    return {
      config: config.map((c) => `'${c}'`).join(', '),
      rows: [await throttledPrimary(mailer, emu), await droppedPrimary(mailer, emu)],
    };
  } finally {
    await mailer.close();
  }
}

const sender = PROFILES['tencent-ses'].sender;
const dmSends = (emu: Emulator) => emu.requests['aliyun-dm']['SingleSendMail'] ?? 0;

async function throttledPrimary(mailer: Mailer, emu: Emulator): Promise<Row> {
  const operation = 'send, tencent-ses throttled';
  emu.inject(PROFILES['tencent-ses'].throttle);
  const to = 'failover@example.com';
  try {
    const r = await mailer.send({ from: sender, to, subject: 'Failover', text: 'Hello' });
    const copies = emu.outbox.filter((m) => m.to === to);
    return {
      operation,
      result: `ok ${r.route?.[0]?.member} not_sent, sent by ${r.member}: ${copies.length} copy`,
      ids: shortId(r.messageId),
      attempts: (r.route ?? []).map((s) => `${s.member} ${s.attempts}`).join(', '),
      expected: r.member === 'aliyun-dm' && copies.length === 1,
    };
  } catch (error) {
    return { operation, ...describeError(error), ids: '-', attempts: '-', expected: false };
  }
}

async function droppedPrimary(mailer: Mailer, emu: Emulator): Promise<Row> {
  const operation = 'send, tencent-ses dropped';
  emu.inject({ provider: 'tencent-ses', action: 'SendEmail', fault: { kind: 'drop' } });
  const before = dmSends(emu);
  try {
    await mailer.send({ from: sender, to: 'dropped@example.com', subject: 'x', text: 'y' });
    return { operation, result: 'sent?!', ids: '-', attempts: '-', expected: false };
  } catch (error) {
    const unknown = isMailError(error) && error.delivery === 'unknown';
    return {
      operation,
      ...describeError(error),
      result: `${describeError(error).result}, aliyun-dm not called`,
      ids: '-',
      attempts: isMailError(error) ? error.attempts : '-',
      expected: unknown && dmSends(emu) === before,
    };
  }
}
