/**
 * The Tencent Cloud SES module (API 2020-10-02), written from docs/providers/tencent-ses.md: POST JSON only,
 * TC3-HMAC-SHA256 verified exactly, common parameters checked, then one handler per action.
 */
import type { Credential, EmuContext, EmuRequest, ProviderModule } from '../types.js';
import type { ActionHandler } from './action.js';
import { header, verifyTc3 } from './auth.js';
import { errorResponse, fail, successResponse, TcError } from './errors.js';
import { ALL_ACTIONS, HANDLERS } from './handlers.js';
import { parseParams } from './params.js';
import { applySeed } from './seed.js';
import { createState } from './state.js';
import { fireDue, refresh, snapshotState } from './tick.js';

/** Options of `tencentModule`. */
export interface TencentModuleOptions {
  /** The SecretId/SecretKey pairs (and STS tokens) the module accepts. */
  readonly credentials: readonly Credential[];
  /** Wall clock (plus skew) that X-TC-Timestamp is checked against. */
  readonly authNow: () => number;
  /** The emulator clock, for seeded resources' timestamps; default `Date.now`. */
  readonly now?: () => number;
}

/** docs/providers/tencent-ses.md "Endpoints and regions": the SES version and the regions the action pages list (China and intl site). */
const VERSION = '2020-10-02';
const REGIONS = ['ap-guangzhou', 'ap-hongkong', 'ap-singapore'];
/** docs/providers/tencent-ses.md "HTTP": the whole API request must be at most 8 MB. */
const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/** Create the Tencent SES provider module. */
export function tencentModule(options: TencentModuleOptions): ProviderModule {
  let state = createState();
  const now = options.now ?? Date.now;
  return {
    id: 'tencent-ses',
    // Any method: a GET with X-TC-Action is answered with a clear error, not a 404.
    match: (req) => header(req, 'x-tc-action') !== undefined,
    action: (req) => header(req, 'x-tc-action'),
    async handle(req, ctx) {
      const requestId = ctx.requestId();
      const traceId = header(req, 'x-tc-traceid');
      try {
        const handler = checkCommon(req, options);
        refresh(state, ctx.now());
        const result = handler({ state, ctx, params: parseParams(req.body), requestId });
        return successResponse(result, requestId, traceId);
      } catch (error) {
        if (error instanceof TcError)
          return errorResponse(error.code, error.message, requestId, traceId);
        const message = `@mailbridge/emulator internal error: ${String(error)}`;
        return errorResponse('InternalError', message, requestId, traceId);
      }
    },
    errorResponse: (req: EmuRequest, error, ctx: EmuContext) =>
      errorResponse(
        error.code,
        error.message,
        ctx.requestId(),
        header(req, 'x-tc-traceid'),
        error.status,
      ),
    tick(ctx) {
      refresh(state, ctx.now());
      fireDue(state, ctx);
    },
    snapshot: () => snapshotState(state, now()),
    seed(data) {
      applySeed(state, data, now());
    },
    checkSeed(data) {
      applySeed(createState(), data, now());
    },
    reset() {
      state = createState();
    },
  };
}

/** Transport, signature and common parameters ("Transport", "TC3-HMAC-SHA256 signing"); returns the action's handler. */
function checkCommon(req: EmuRequest, options: TencentModuleOptions): ActionHandler {
  if (req.body.length > MAX_REQUEST_BYTES) {
    fail('RequestSizeLimitExceeded', `the request is ${req.body.length} bytes; at most 8 MB`);
  }
  const contentType = header(req, 'content-type') ?? '';
  if (req.method !== 'POST' || !/^application\/json\b/i.test(contentType)) {
    fail(
      'UnsupportedOperation',
      `@mailbridge/emulator emulates only POST with Content-Type application/json (got ${req.method} ${contentType || 'no Content-Type'})`,
    );
  }
  verifyTc3(req, options.credentials, options.authNow());
  const version = header(req, 'x-tc-version');
  if (version === undefined) fail('MissingParameter', 'the X-TC-Version header is missing');
  if (version !== VERSION) fail('NoSuchVersion', `SES has version ${VERSION}, not ${version}`);
  const action = header(req, 'x-tc-action') ?? '';
  const handler = HANDLERS[action];
  if (handler === undefined) {
    if (!ALL_ACTIONS.includes(action)) {
      fail(
        'InvalidAction',
        `SES has no action ${action} (@mailbridge/emulator knows every action of tencentcloud-sdk-nodejs-ses 4.1.76)`,
      );
    }
    fail('UnsupportedOperation', `action ${action} is not implemented by @mailbridge/emulator`);
  }
  const region = header(req, 'x-tc-region');
  if (region === undefined || region === '')
    fail('MissingParameter', 'the X-TC-Region header is missing: SES requires a region');
  if (!REGIONS.includes(region)) {
    fail('UnsupportedRegion', `SES ${action} supports ${REGIONS.join(', ')}, not ${region}`);
  }
  return handler;
}
