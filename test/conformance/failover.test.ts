/**
 * The conformance suite run against a composite: `failover` over two DirectMail accounts, each
 * on its own emulator so a fault can be injected on every member. A fault the suite injects
 * applies to each member's server (so "throttled beyond the budget" fails on both and is the
 * caller's error), except a refused connection, which hits the primary: the only member a
 * composite calls while the primary answers.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, failover } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll } from 'vitest';
import { deadOrigin, RefusingAgent } from '../helpers/refusing-agent.js';
import { runConformance } from './suite.js';

let servers: Emulator[] = [];
let agents: RefusingAgent[] = [];
beforeAll(async () => {
  servers = await Promise.all([startEmulator(), startEmulator()]);
  const dead = await deadOrigin();
  agents = servers.map(() => new RefusingAgent(dead));
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  await Promise.all(servers.map((s) => s.close()));
});

const key = (emu: Emulator) => emu.credentials.aliyun[0] as { id: string; secret: string };
const sum = (f: (emu: Emulator) => number) => servers.reduce((total, s) => total + f(s), 0);

runConformance({
  name: 'aliyun-dm',
  createMailer: (options) =>
    createMailer(
      failover(
        servers.map((emu, i) => ({
          provider: aliyunDm({
            region: 'cn-hangzhou',
            endpoint: emu.aliyunEndpoint,
            credentials: { id: key(emu).id, secret: key(emu).secret },
          }),
          name: i === 0 ? 'primary' : 'backup',
          options: { dispatcher: agents[i] as RefusingAgent },
        })),
      ),
      options,
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
  delivered: (to) => sum((emu) => emu.outbox.filter((m) => to === undefined || m.to === to).length),
  requests: (action) => sum((emu) => emu.requests['aliyun-dm'][action] ?? 0),
  inject: (action, fault) => {
    if (fault.kind === 'refuse') {
      (agents[0] as RefusingAgent).refuseNext();
      return;
    }
    for (const emu of servers) {
      // Faults a member never consumed (the primary answered) must not leak into later tests.
      emu.clearFaults();
      if (fault.kind === 'throttle')
        emu.inject({
          provider: 'aliyun-dm',
          action,
          count: fault.count,
          fault: { kind: 'error', code: 'Throttling.User', status: 400 },
        });
      else emu.inject({ provider: 'aliyun-dm', action, fault });
    }
  },
  secrets: () => servers.map((emu) => key(emu).secret),
  schedule: 'unsupported',
  replaysAmbiguousSends: true,
  timeouts: true,
});
