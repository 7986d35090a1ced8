/**
 * The conformance suite run against composites: `failover` over two DirectMail accounts, and
 * over two Tencent SES accounts, each account on its own emulator so a fault can be injected on
 * every member. A fault the suite injects applies to each member's server (so "throttled beyond
 * the budget" fails on both and is the caller's error), except a refused connection, which hits
 * the primary: the only member a composite calls while the primary answers.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, failover, type Provider } from '@mailbridge/core';
import { type ConformanceTarget, runConformance } from '@mailbridge/core/testing';
import { type Emulator, type ProviderId, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadOrigin, undiciDispatches } from '../helpers/refusing-agent.js';
import { RecordingAgent } from '../reliability/recording-agent.js';
import { ALIYUN_DM_DATA, type ConformanceData, TENCENT_SES_DATA } from './data.js';

let servers: Emulator[] = [];
let agents: RecordingAgent[] = [];
beforeAll(async () => {
  servers = await Promise.all([startEmulator(), startEmulator()]);
  const dead = await deadOrigin();
  // Bun's undici cannot dispatch: there the members send with fetch and no agent is injected.
  agents = undiciDispatches ? servers.map(() => new RecordingAgent(dead)) : [];
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  await Promise.all(servers.map((s) => s.close()));
});

type Key = { id: string; secret: string };
const key = (emu: Emulator, id: ProviderId) =>
  (id === 'aliyun-dm' ? emu.credentials.aliyun[0] : emu.credentials.tencent[0]) as Key;
const sum = (f: (emu: Emulator) => number) => servers.reduce((total, s) => total + f(s), 0);

/** What differs between the two composites: the members and the provider's own data. */
interface Spec extends ConformanceData {
  readonly id: ProviderId;
  provider(emu: Emulator): Provider;
  /** The provider's throttling answer. */
  readonly throttle: { readonly code: string; readonly status?: number };
}

/** A conformance target over a failover of one account per emulator. */
function compositeTarget(spec: Spec): ConformanceTarget {
  return {
    ...spec,
    name: spec.id,
    createMailer: (options) =>
      createMailer(
        failover(
          servers.map((emu, i) => ({
            provider: spec.provider(emu),
            name: i === 0 ? 'primary' : 'backup',
            options: agents[i] ? { dispatcher: agents[i] } : {},
          })),
        ),
        options,
      ),
    delivered: (to) =>
      sum((emu) => emu.outbox.filter((m) => to === undefined || m.to === to).length),
    requests: (action) => sum((emu) => emu.requests[spec.id][action] ?? 0),
    inject: (action, fault) => {
      if (fault.kind === 'refuse') {
        agents[0]?.refuseNext();
        return;
      }
      for (const emu of servers) {
        // Faults a member never consumed (the primary answered) must not leak into later tests.
        emu.clearFaults();
        const rule = { provider: spec.id, action };
        if (fault.kind === 'throttle')
          emu.inject({ ...rule, count: fault.count, fault: { kind: 'error', ...spec.throttle } });
        else emu.inject({ ...rule, fault });
      }
    },
    secrets: () => [
      ...servers.map((emu) => key(emu, spec.id).secret),
      ...agents.flatMap((agent) => [...agent.signatures]),
    ],
    timeouts: true,
    refuses: undiciDispatches,
  };
}

runConformance(
  compositeTarget({
    id: 'aliyun-dm',
    provider: (emu) =>
      aliyunDm({
        region: 'cn-hangzhou',
        endpoint: emu.aliyunEndpoint,
        credentials: key(emu, 'aliyun-dm'),
      }),
    ...ALIYUN_DM_DATA,
    throttle: { code: 'Throttling.User', status: 400 },
  }),
  { describe, it, expect, afterAll },
);

runConformance(
  compositeTarget({
    id: 'tencent-ses',
    provider: (emu) =>
      tencentSes({
        region: 'ap-guangzhou',
        endpoint: emu.tencentEndpoint,
        credentials: key(emu, 'tencent-ses'),
      }),
    ...TENCENT_SES_DATA,
    throttle: { code: 'RequestLimitExceeded' },
  }),
  { describe, it, expect, afterAll },
);
