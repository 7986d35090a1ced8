import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, type MailerOptions } from '@mailbridge/core';
import { runConformance } from '@mailbridge/core/testing';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadOrigin, undiciDispatches } from '../helpers/refusing-agent.js';
import { RecordingAgent } from '../reliability/recording-agent.js';
import { ALIYUN_DM_DATA } from './data.js';

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

const key = () => emu.credentials.aliyun[0] as { id: string; secret: string };

const mailerAt = (endpoint: string, options: MailerOptions) =>
  createMailer(
    aliyunDm({
      region: 'cn-hangzhou',
      endpoint,
      credentials: { id: key().id, secret: key().secret },
    }),
    { ...(agent ? { dispatcher: agent } : {}), ...options },
  );

runConformance(
  {
    name: 'aliyun-dm',
    createMailer: (options) => mailerAt(emu.aliyunEndpoint, options),
    unreachable: (options) => mailerAt(dead, options),
    ...ALIYUN_DM_DATA,
    delivered: (to) =>
      emu.outbox.filter((m) => m.provider === 'aliyun-dm' && (to === undefined || m.to === to))
        .length,
    requests: (action) => emu.requests['aliyun-dm'][action] ?? 0,
    inject: (action, fault) => {
      if (fault.kind === 'refuse') agent?.refuseNext();
      else if (fault.kind === 'throttle')
        emu.inject({
          provider: 'aliyun-dm',
          action,
          count: fault.count,
          fault: { kind: 'error', code: 'Throttling.User', status: 400 },
        });
      else emu.inject({ provider: 'aliyun-dm', action, fault });
    },
    secrets: () => [key().secret, ...(agent?.signatures ?? [])],
    timeouts: true,
    refuses: undiciDispatches,
  },
  { describe, it, expect, afterAll },
);
