/**
 * The admin JSON API under `/__emulator/`, on the same port as the provider APIs, so tools
 * that are not JavaScript (and the demo) can read the outbox, groups, templates and tasks, seed
 * resources, inject faults and move the clock. Every answer is JSON; a bad request is a 400
 * naming the problem.
 */
import type { IncomingMessage } from 'node:http';
import { crossOriginRefusal } from './admin-origin.js';
import type { Emulator, EmulatorSeed } from './api.js';
import { emulatorError } from './dispatch.js';
import { eventsRoute } from './events/admin.js';
import { parseFaultRule } from './faults.js';
import { INBOX_ROUTES } from './inbox/index.js';
import type { EmuResponse, ProviderId } from './types.js';

/** The path prefix of the admin API. */
export const ADMIN_PREFIX = '/__emulator/';

type AdminEmulator = Pick<
  Emulator,
  | 'outbox'
  | 'clearOutbox'
  | 'state'
  | 'seed'
  | 'inject'
  | 'clearFaults'
  | 'now'
  | 'advance'
  | 'setTime'
  | 'reset'
  | 'requests'
  | 'events'
> & { faults(): unknown };

/** Build the admin handler: answers admin requests, `undefined` for everything else. */
export function createAdmin(emu: AdminEmulator) {
  return (req: IncomingMessage, body: Buffer): EmuResponse | undefined => {
    const path = new URL(req.url ?? '/', 'http://emulator').pathname;
    if (!path.startsWith(ADMIN_PREFIX)) return undefined;
    const route = `${req.method ?? 'GET'} ${path.slice(ADMIN_PREFIX.length)}`;
    const refused = crossOriginRefusal(req);
    if (refused) return emulatorError(403, 'AdminCrossOrigin', refused);
    try {
      return json(200, run(emu, route, body));
    } catch (error) {
      if (error instanceof NotFound) {
        const known = [
          ...ADMIN_ROUTES.map((r) => r.replace(' ', ` ${ADMIN_PREFIX}`)),
          ...INBOX_ROUTES,
        ];
        return emulatorError(
          404,
          'AdminRouteNotFound',
          `no admin route ${route}; the routes are: ${known.join(', ')}`,
        );
      }
      const message = error instanceof Error ? error.message : String(error);
      return emulatorError(400, 'AdminBadRequest', message);
    }
  };
}

class NotFound extends Error {}

/** The routes `run` answers, named by the 404 for an unknown one. */
const ADMIN_ROUTES = [
  'GET outbox',
  'DELETE outbox',
  'GET state',
  'POST seed',
  'POST faults',
  'DELETE faults',
  'GET groups',
  'POST groups',
  'GET templates',
  'POST templates',
  'GET tasks',
  'GET clock',
  'POST clock',
  'POST reset',
] as const;

function run(emu: AdminEmulator, route: string, body: Buffer): unknown {
  switch (route) {
    case 'GET outbox':
      return { outbox: emu.outbox };
    case 'DELETE outbox': {
      const cleared = emu.outbox.length;
      emu.clearOutbox();
      return { cleared };
    }
    case 'GET state':
      return { time: emu.now(), requests: emu.requests, faults: emu.faults(), ...emu.state() };
    case 'POST seed':
      emu.seed(parseBody(body) as EmulatorSeed);
      return { ok: true };
    case 'POST faults':
      emu.inject(parseFaultRule(parseBody(body)));
      return { ok: true, faults: emu.faults() };
    case 'DELETE faults':
      emu.clearFaults();
      return { ok: true };
    case 'GET groups':
    case 'GET templates':
    case 'GET tasks':
      return pick(emu, RESOURCES[route.slice(4) as Resource]);
    case 'POST groups':
    case 'POST templates': {
      const keys = RESOURCES[route.slice(5) as Resource];
      emu.seed(seedOf(parseBody(body), keys));
      return pick(emu, keys);
    }
    case 'GET clock':
      return clock(emu);
    case 'POST clock':
      moveClock(emu, parseBody(body));
      return clock(emu);
    case 'POST reset':
      emu.reset();
      return { ok: true };
    default: {
      const answer = eventsRoute(emu.events, route, () => parseBody(body));
      if (answer === undefined) throw new NotFound();
      return answer;
    }
  }
}

/**
 * Where each listed resource lives in a provider's state snapshot; the same key names it in
 * that provider's seed (`receivers`/`groups`, `templates`), so `POST` can seed it.
 */
const RESOURCES = {
  groups: { 'aliyun-dm': 'receivers', 'tencent-ses': 'groups' },
  templates: { 'aliyun-dm': 'templates', 'tencent-ses': 'templates' },
  tasks: { 'aliyun-dm': 'tasks', 'tencent-ses': 'tasks' },
} as const satisfies Record<string, Readonly<Record<ProviderId, string>>>;
type Resource = keyof typeof RESOURCES;
type ResourceKeys = Readonly<Record<ProviderId, string>>;

/** One kind of resource from each provider's state snapshot, keyed by provider id. */
function pick(emu: AdminEmulator, keys: ResourceKeys): unknown {
  const state = emu.state();
  const out: Record<string, unknown> = {};
  for (const [provider, key] of Object.entries(keys) as [ProviderId, string][]) {
    const snapshot = state[provider] as Readonly<Record<string, unknown>> | undefined;
    out[provider] = snapshot?.[key] ?? [];
  }
  return out;
}

/**
 * `POST groups` / `POST templates` take `{"aliyun": [...], "tencent": [...]}`: entries of the
 * seed's `receivers`/`groups` or `templates`, so they are checked exactly as a seed is.
 */
function seedOf(value: unknown, keys: ResourceKeys): EmulatorSeed {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError('the body must be {"aliyun"?: [...], "tencent"?: [...]}');
  }
  const out: Record<string, Record<string, unknown>> = {};
  for (const [provider, list] of Object.entries(value)) {
    if (provider !== 'aliyun' && provider !== 'tencent') {
      throw new TypeError(`unknown key ${provider}: use "aliyun" or "tencent"`);
    }
    if (!Array.isArray(list)) throw new TypeError(`${provider} must be an array`);
    out[provider] = { [keys[provider === 'aliyun' ? 'aliyun-dm' : 'tencent-ses']]: list };
  }
  return out as EmulatorSeed;
}

function clock(emu: AdminEmulator): unknown {
  return { time: emu.now(), iso: new Date(emu.now()).toISOString() };
}

function moveClock(emu: AdminEmulator, value: unknown): void {
  const obj = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const { advanceMs, time } = obj;
  if (typeof advanceMs === 'number' && time === undefined) {
    emu.advance(advanceMs);
  } else if (typeof time === 'number' && advanceMs === undefined) {
    emu.setTime(time);
  } else {
    throw new TypeError('POST clock takes {"advanceMs": number} or {"time": ms since epoch}');
  }
}

function parseBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new TypeError('the request body must be JSON');
  }
}

function json(status: number, value: unknown): EmuResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}
