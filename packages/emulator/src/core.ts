/**
 * The emulator without its network side: keys, clock, outbox, request counters, faults and the
 * provider modules, plus the controls `Emulator` exposes over them. server.ts adds HTTP.
 */
import { randomUUID } from 'node:crypto';
import type { Emulator, EmulatorOptions, EmulatorSeed, RequestCounts } from './api.js';
import { type Clock, createClock } from './clock.js';
import { randomCredential } from './credentials.js';
import { createEventLog, type EventLog } from './events/log.js';
import { createFaultStore, type FaultStore } from './faults.js';
import { createModules, seedModules } from './modules.js';
import { checkOptions } from './options.js';
import type { EmuContext, OutboxEntry, ProviderId, ProviderModule } from './types.js';

/** Everything of `Emulator` except what needs a bound socket. */
export type EmulatorControls = Omit<
  Emulator,
  | 'url'
  | 'aliyunEndpoint'
  | 'tencentEndpoint'
  | 'host'
  | 'port'
  | 'close'
  | 'inboxUrl'
  | 'onRequest'
  | 'smtp'
>;

type Counts = Record<ProviderId, Record<string, number>>;

/** The shared pieces the HTTP side dispatches to. */
export interface Core {
  readonly controls: EmulatorControls;
  readonly modules: readonly ProviderModule[];
  readonly faults: FaultStore;
  readonly ctx: EmuContext;
  count(module: ProviderModule, action: string): void;
}

/** Build the emulator's state and controls from its options. */
export function createCore(options: EmulatorOptions): Core {
  checkOptions(options);
  const credentials = {
    aliyun: [...(options.aliyunKeys ?? [randomCredential('aliyun-dm')])],
    tencent: [...(options.tencentKeys ?? [randomCredential('tencent-ses')])],
  };
  let authSkewMs = options.authSkewMs ?? 0;
  const clock = createClock(options.startTime ?? Date.now());
  const outbox: OutboxEntry[] = [];
  const events = createEventLog(outbox, () => clock.now(), options.callbacks);
  const ctx: EmuContext = {
    now: () => clock.now(),
    deliver: (entries) => {
      outbox.push(...entries);
      events.delivered(entries);
    },
    outbox,
    requestId: () => randomUUID(),
    events,
  };
  // Signatures are checked against the wall clock (plus skew), never the emulator clock.
  const authNow = () => Date.now() + authSkewMs;
  const modules = createModules({ credentials, authNow, now: ctx.now });
  const faults = createFaultStore();
  const counts: Counts = { 'aliyun-dm': {}, 'tencent-ses': {} };
  const initialSeed = () => seedModules(modules, options.defaultSeed ?? true, options.seed);
  initialSeed();
  const tick = () => {
    for (const m of modules) m.tick?.(ctx);
  };
  const controls = controlsOf({
    events,
    credentials,
    clock,
    outbox,
    faults,
    counts,
    modules,
    tick,
    initialSeed,
    setSkew: (ms) => {
      authSkewMs = ms;
    },
  });
  const count = (module: ProviderModule, action: string) => {
    const perAction = counts[module.id];
    perAction[action] = (perAction[action] ?? 0) + 1;
  };
  return { controls, modules, faults, ctx, count };
}

interface Pieces {
  readonly events: EventLog;
  readonly credentials: EmulatorControls['credentials'];
  readonly clock: Clock;
  readonly outbox: OutboxEntry[];
  readonly faults: FaultStore;
  readonly counts: Counts;
  readonly modules: readonly ProviderModule[];
  tick(): void;
  initialSeed(): void;
  setSkew(ms: number): void;
}

/** The `Emulator` controls over the shared pieces. */
function controlsOf(p: Pieces): EmulatorControls {
  const { credentials, clock, outbox, faults, counts, modules, tick, initialSeed, setSkew } = p;
  return {
    events: p.events,
    credentials,
    outbox,
    clearOutbox: () => {
      outbox.length = 0;
    },
    requests: counts as RequestCounts,
    requestCount: (filter = {}) => countRequests(counts, filter),
    inject: (rule) => faults.inject(rule),
    clearFaults: () => faults.clear(),
    now: () => clock.now(),
    advance(ms) {
      clock.advance(ms);
      tick();
    },
    setTime(ms) {
      clock.set(ms);
      tick();
    },
    setAuthSkew: setSkew,
    seed: (data: EmulatorSeed) => seedModules(modules, false, data),
    state: () => snapshot(modules),
    reset() {
      outbox.length = 0;
      p.events.reset();
      faults.clear();
      // Replace the inner records, keep the outer object: `requests` stays live.
      for (const id of Object.keys(counts) as ProviderId[]) counts[id] = {};
      for (const m of modules) m.reset();
      initialSeed();
    },
  };
}

function countRequests(
  counts: Counts,
  filter: { readonly provider?: ProviderId; readonly action?: string },
): number {
  let total = 0;
  for (const [provider, perAction] of Object.entries(counts)) {
    if (filter.provider !== undefined && filter.provider !== provider) continue;
    for (const [action, n] of Object.entries(perAction)) {
      if (filter.action === undefined || filter.action === action) total += n;
    }
  }
  return total;
}

function snapshot(modules: readonly ProviderModule[]): Record<ProviderId, unknown> {
  const out: Record<ProviderId, unknown> = { 'aliyun-dm': null, 'tencent-ses': null };
  for (const m of modules) out[m.id] = m.snapshot();
  return out;
}
