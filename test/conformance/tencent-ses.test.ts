import { createMailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll } from 'vitest';
import { deadOrigin, RefusingAgent } from '../helpers/refusing-agent.js';
import { TENCENT_SES_DATA } from './data.js';
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

const key = () => emu.credentials.tencent[0] as { id: string; secret: string };

runConformance({
  name: 'tencent-ses',
  createMailer: (options) =>
    createMailer(
      tencentSes({
        region: 'ap-guangzhou',
        endpoint: emu.tencentEndpoint,
        credentials: { id: key().id, secret: key().secret },
      }),
      { dispatcher: agent, ...options },
    ),
  ...TENCENT_SES_DATA,
  delivered: (to) =>
    emu.outbox.filter((m) => m.provider === 'tencent-ses' && (to === undefined || m.to === to))
      .length,
  requests: (action) => emu.requests['tencent-ses'][action] ?? 0,
  inject: (action, fault) => {
    if (fault.kind === 'refuse') agent.refuseNext();
    else if (fault.kind === 'throttle')
      emu.inject({
        provider: 'tencent-ses',
        action,
        count: fault.count,
        fault: { kind: 'error', code: 'RequestLimitExceeded' },
      });
    else emu.inject({ provider: 'tencent-ses', action, fault });
  },
  secrets: () => [key().secret],
  timeouts: true,
});
