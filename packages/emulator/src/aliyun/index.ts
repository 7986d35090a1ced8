import type {
  Credential,
  EmuContext,
  EmuError,
  EmuRequest,
  EmuResponse,
  ProviderModule,
} from '../types.js';
import { HANDLERS, isKnownAction } from './actions.js';
import { authenticate, NonceStore } from './auth.js';
import { DmFailure, fail, missing, statusOf } from './errors.js';
import { actionOf, type DmFormat, formatOf, readParams, versionOf } from './params.js';
import { errorResponseOf, successResponse } from './render.js';
import { applySeed } from './seed.js';
import { snapshotOf } from './snapshot.js';
import { type DmSender, DmState } from './state.js';

export type { AliyunSeed } from './seed.js';
export { ALIYUN_DEFAULT_SEED } from './seed.js';

/** Options of the DirectMail module. */
export interface AliyunModuleOptions {
  /** AccessKeys the emulator accepts. Read on every request, so later additions count. */
  readonly credentials: readonly Credential[];
  /** Wall clock (plus any test skew) for the Timestamp window; not the scheduling clock. */
  readonly authNow: () => number;
}

/** What the SMTP endpoint (smtp/) reads from the account: senders and the EnvId sequence. */
export interface DmSmtpAccount {
  smtpSender(address: string): DmSender | undefined;
  nextEnvId(): string;
}

/** Versions DirectMail answers (docs/providers/aliyun-dm.md "Transport"). */
const VERSIONS = new Set(['2015-11-23', '2017-06-22']);

/**
 * Method, action and version, before any signature work (docs/providers/aliyun-dm.md "Transport"
 * and "Error codes").
 */
function preflight(
  req: EmuRequest,
  action: string | undefined,
  version: string | undefined,
): string {
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') fail('UnsupportedHTTPMethod', `Got ${method}.`);
  if (action === undefined || action === '') missing('Action');
  if (!isKnownAction(action)) {
    // Realistic code, but the message says who answered: a typo must not look like a gap.
    fail(
      'InvalidApi.NotFound',
      `DirectMail has no action ${action} (@mailbridge/emulator knows every action of @alicloud/dm20151123 1.9.0).`,
    );
  }
  if (!(action in HANDLERS)) {
    throw new DmFailure(
      'UnsupportedOperation',
      `action ${action} is not implemented by @mailbridge/emulator`,
    );
  }
  if (version === undefined || version === '') missing('Version');
  if (!VERSIONS.has(version)) fail('NoSuchVersion', `Got ${version}.`);
  return action;
}

function requestIdOf(ctx: EmuContext): string {
  // DirectMail request ids are upper-case UUIDs (docs/providers/aliyun-dm.md "Responses").
  return ctx.requestId().toUpperCase();
}

function failure(
  error: unknown,
  req: EmuRequest,
  format: DmFormat,
  requestId: string,
): EmuResponse {
  const known = error instanceof DmFailure ? error : undefined;
  return errorResponseOf(format, {
    status: known?.status ?? 500,
    code: known?.code ?? 'InternalError',
    message: known?.message ?? `The request processing has failed: ${String(error)}`,
    hostId: req.url.host,
    requestId,
  });
}

/**
 * The DirectMail half of the emulator: RPC requests (GET, or POST with a urlencoded body),
 * signed with v1 HMAC-SHA1 or V3 ACS3-HMAC-SHA256, answered in JSON or XML from an in-memory
 * account. The account starts empty; `seed(ALIYUN_DEFAULT_SEED)` gives the default one, and
 * `reset()` empties it again (and forgets used nonces).
 *
 * @example
 * const dm = aliyunModule({ credentials: [{ id: 'AK', secret: 'SK' }], authNow: Date.now });
 * dm.seed(ALIYUN_DEFAULT_SEED);
 * const res = await dm.handle(request, ctx);
 */
export function aliyunModule(options: AliyunModuleOptions): ProviderModule & DmSmtpAccount {
  let state = new DmState();
  const nonces = new NonceStore();
  // Seeded resources get the last emulator time seen (seed() has no context).
  let clock = options.authNow();
  const auth = { credentials: options.credentials, authNow: options.authNow, nonces };

  return {
    id: 'aliyun-dm',
    match(req) {
      return actionOf(req, readParams(req)) !== undefined;
    },
    action(req) {
      return actionOf(req, readParams(req));
    },
    async handle(req, ctx) {
      const requestId = requestIdOf(ctx);
      const params = readParams(req);
      const format = formatOf(req, params);
      try {
        if (format === undefined) fail('InvalidParameter.Format', `Got ${params.get('Format')}.`);
        const action = preflight(req, actionOf(req, params, true), versionOf(req, params));
        authenticate(req, params, auth);
        clock = ctx.now();
        const body =
          HANDLERS[action]?.({ action, params, state, ctx, requestId, now: clock }) ?? {};
        return successResponse(action, format, requestId, body);
      } catch (error) {
        return failure(error, req, format ?? 'XML', requestId);
      }
    },
    errorResponse(req: EmuRequest, error: EmuError, ctx: EmuContext) {
      const format = formatOf(req, readParams(req)) ?? 'XML';
      return errorResponseOf(format, {
        status: error.status ?? statusOf(error.code),
        code: error.code,
        message: error.message,
        hostId: req.url.host,
        requestId: requestIdOf(ctx),
      });
    },
    smtpSender: (address) => state.senderByAddress(address),
    nextEnvId: () => state.nextEnvId(),
    snapshot: () => snapshotOf(state),
    seed(data) {
      applySeed(state, data, clock);
    },
    checkSeed(data) {
      applySeed(new DmState(), data, clock);
    },
    reset() {
      state = new DmState();
      nonces.clear();
    },
  };
}
