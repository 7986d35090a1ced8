import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll } from 'vitest';
import { deadOrigin } from '../helpers/refusing-agent.js';
import { RecordingAgent } from '../reliability/recording-agent.js';
import { runConformance } from './suite.js';

let emu: Emulator;
let agent: RecordingAgent;
beforeAll(async () => {
  emu = await startEmulator();
  agent = new RecordingAgent(await deadOrigin());
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
  message: (to) => ({
    from: 'Shop <noreply@mail.example.com>',
    to,
    subject: "Conformance 测试 😀 !'()*~+%&=",
    html: "<p>你好 😀 !'()*~+%&=</p>",
  }),
  batch: (group) => ({ from: 'batch@mail.example.com', group, template: { id: 'welcome' } }),
  unsupported: {
    field: 'cc',
    message: {
      from: 'noreply@mail.example.com',
      to: 'a@example.com',
      cc: 'b@example.com',
      subject: 'x',
      text: 'y',
    },
  },
  actions: { send: 'SingleSendMail', batch: 'BatchSendMail', upload: 'SaveReceiverDetail' },
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
  secrets: () => [key().secret, ...agent.signatures],
  schedule: 'unsupported',
  replaysAmbiguousSends: true,
  timeouts: true,
});
