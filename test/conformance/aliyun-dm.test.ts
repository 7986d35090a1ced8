import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll } from 'vitest';
import { deadOrigin, RefusingAgent } from '../helpers/refusing-agent.js';
import { ALIYUN_DM_DATA } from './data.js';
import { runConformance } from './suite.js';

let emu: Emulator;
let agent: RefusingAgent;
beforeAll(async () => {
  emu = await startEmulator();
  agent = new RefusingAgent(await deadOrigin());
});
afterAll(async () => {
  await agent.close();
  await emu.close();
});

const key = () => emu.credentials.aliyun[0] as { id: string; secret: string };

runConformance({
  name: 'aliyun-dm',
  createMailer: (options) =>
    createMailer(
      aliyunDm({
        region: 'cn-hangzhou',
        endpoint: emu.aliyunEndpoint,
        credentials: { id: key().id, secret: key().secret },
      }),
      { dispatcher: agent, ...options },
    ),
  ...ALIYUN_DM_DATA,
  delivered: (to) =>
    emu.outbox.filter((m) => m.provider === 'aliyun-dm' && (to === undefined || m.to === to))
      .length,
  requests: (action) => emu.requests['aliyun-dm'][action] ?? 0,
  inject: (action, fault) => {
    if (fault.kind === 'refuse') agent.refuseNext();
    else if (fault.kind === 'throttle')
      emu.inject({
        provider: 'aliyun-dm',
        action,
        count: fault.count,
        fault: { kind: 'error', code: 'Throttling.User', status: 400 },
      });
    else emu.inject({ provider: 'aliyun-dm', action, fault });
  },
  secrets: () => [key().secret],
  timeouts: true,
});
