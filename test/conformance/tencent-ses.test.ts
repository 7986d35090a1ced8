import { createMailer, type MailerOptions } from '@mailbridge/core';
import { runConformance } from '@mailbridge/core/testing';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadOrigin, undiciDispatches } from '../helpers/refusing-agent.js';
import { RecordingAgent } from '../reliability/recording-agent.js';
import { TENCENT_SES_DATA } from './data.js';

let emu: Emulator;
let dead: string;
// Bun's undici cannot dispatch: there the mailer sends with fetch and no agent is injected.
let agent: RecordingAgent | undefined;
beforeAll(async () => {
  emu = await startEmulator();
  dead = await deadOrigin();
  if (undiciDispatches) agent = new RecordingAgent(dead);
});
afterAll(async () => {
  await agent?.close();
  await emu.close();
});

const key = () => emu.credentials.tencent[0] as { id: string; secret: string };

const mailerAt = (endpoint: string, options: MailerOptions) =>
  createMailer(
    tencentSes({
      region: 'ap-guangzhou',
      endpoint,
      credentials: { id: key().id, secret: key().secret },
    }),
    { ...(agent ? { dispatcher: agent } : {}), ...options },
  );

runConformance(
  {
    name: 'tencent-ses',
    createMailer: (options) => mailerAt(emu.tencentEndpoint, options),
    unreachable: (options) => mailerAt(dead, options),
    ...TENCENT_SES_DATA,
    delivered: (to) =>
      emu.outbox.filter((m) => m.provider === 'tencent-ses' && (to === undefined || m.to === to))
        .length,
    requests: (action) => emu.requests['tencent-ses'][action] ?? 0,
    inject: (action, fault) => {
      if (fault.kind === 'refuse') agent?.refuseNext();
      else if (fault.kind === 'throttle')
        emu.inject({
          provider: 'tencent-ses',
          action,
          count: fault.count,
          fault: { kind: 'error', code: 'RequestLimitExceeded' },
        });
      else emu.inject({ provider: 'tencent-ses', action, fault });
    },
    secrets: () => [key().secret, ...(agent?.signatures ?? [])],
    timeouts: true,
    refuses: undiciDispatches,
  },
  { describe, it, expect, afterAll },
);
