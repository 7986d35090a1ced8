/**
 * One HTTP request through the emulator: read the body, route to a provider module, count it,
 * apply an injected fault if one matches, then execute and answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultStore } from './faults.js';
import type { EmuContext, EmuRequest, EmuResponse, Fault, ProviderModule } from './types.js';

/** Bodies above this are refused before parsing (Tencent caps requests at 8 MB). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** What the dispatcher needs from the server. */
export interface DispatchDeps {
  readonly modules: readonly ProviderModule[];
  readonly faults: FaultStore;
  readonly ctx: EmuContext;
  count(module: ProviderModule, action: string): void;
  /** Resolves after `ms`, or with false when the emulator closes first. */
  sleep(ms: number): Promise<boolean>;
  admin(req: IncomingMessage, body: Buffer): EmuResponse | undefined;
}

/** Read the whole request body, refusing more than `MAX_BODY_BYTES`. */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Handle one request end to end. Never rejects: failures become a 500 from the emulator. */
export async function dispatch(
  deps: DispatchDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const body = await readBody(req);
    if (body === undefined) {
      write(res, emulatorError(413, 'RequestTooLarge', `body over ${MAX_BODY_BYTES} bytes`));
      return;
    }
    const admin = deps.admin(req, body);
    if (admin !== undefined) {
      write(res, admin);
      return;
    }
    await route(deps, toEmuRequest(req, body), res);
  } catch (error) {
    if (!res.headersSent && !res.destroyed) {
      write(res, emulatorError(500, 'EmulatorInternalError', String(error)));
    }
  }
}

async function route(deps: DispatchDeps, request: EmuRequest, res: ServerResponse): Promise<void> {
  const module = deps.modules.find((m) => m.match(request));
  if (module === undefined) {
    const what = `${request.method} ${request.url.pathname}${request.url.search}`;
    const hint =
      'DirectMail needs an Action (query, form body or x-acs-action header); ' +
      'Tencent SES needs POST with an X-TC-Action header';
    write(res, emulatorError(404, 'RouteNotFound', `no provider matches ${what}. ${hint}`));
    return;
  }
  const action = module.action(request);
  deps.count(module, action ?? '(none)');
  const fault = deps.faults.take(module.id, action);
  if (fault === undefined) {
    write(res, await module.handle(request, deps.ctx));
    return;
  }
  await applyFault(deps, fault, module, request, res);
}

async function applyFault(
  deps: DispatchDeps,
  fault: Fault,
  module: ProviderModule,
  request: EmuRequest,
  res: ServerResponse,
): Promise<void> {
  switch (fault.kind) {
    case 'error': {
      const { code, status } = fault;
      const message = fault.message ?? `${code} (injected by @mailbridge/emulator)`;
      const error = status === undefined ? { code, message } : { code, message, status };
      write(res, module.errorResponse(request, error, deps.ctx));
      return;
    }
    case 'status':
      write(res, { status: fault.status, headers: TEXT, body: fault.body ?? '' });
      return;
    case 'delay':
      if (await deps.sleep(fault.ms)) write(res, await module.handle(request, deps.ctx));
      else res.destroy();
      return;
    case 'drop':
      // Executed (mail lands in the outbox), but the client never sees an answer: the
      // "timeout after the request was written" case that makes a send's outcome unknown.
      await module.handle(request, deps.ctx);
      res.destroy();
      return;
    case 'reset':
      res.destroy();
      return;
    default:
      write(res, cannedBody(fault, module, deps.ctx.requestId()));
  }
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };
const JSON_TYPE = { 'content-type': 'application/json' };

/** Bodies that look like they came from the provider or a proxy, but are broken. */
function cannedBody(
  fault: Extract<Fault, { kind: 'malformed' | 'html' | 'oversize' }>,
  module: ProviderModule,
  requestId: string,
): EmuResponse {
  if (fault.kind === 'malformed') {
    // Cut mid-token: a JSON parser must fail on it.
    return { status: 200, headers: JSON_TYPE, body: `{"RequestId":"${requestId}","Da` };
  }
  if (fault.kind === 'html') {
    const status = fault.status ?? 502;
    const title = `${status} Bad Gateway`;
    const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
    return { status, headers: { 'content-type': 'text/html' }, body };
  }
  const padding = 'x'.repeat(fault.bytes + 1);
  const inner = `"RequestId":"${requestId}","Padding":"${padding}"`;
  const body = module.id === 'tencent-ses' ? `{"Response":{${inner}}}` : `{${inner}}`;
  return { status: 200, headers: JSON_TYPE, body };
}

function toEmuRequest(req: IncomingMessage, body: Buffer): EmuRequest {
  const host = req.headers.host ?? 'localhost';
  return {
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', `http://${host}`),
    headers: req.headers,
    body,
  };
}

const NAME = '@mailbridge/emulator: ';

/** An error that comes from the emulator itself, not from a provider. */
export function emulatorError(status: number, code: string, message: string): EmuResponse {
  // A message from the emulator's own API (the clock, a seed) already starts with the name.
  const named = message.startsWith(NAME) ? message : `${NAME}${message}`;
  const body = JSON.stringify({ error: { code, message: named } });
  return { status, headers: JSON_TYPE, body };
}

function write(res: ServerResponse, response: EmuResponse): void {
  if (res.destroyed) return;
  const body =
    typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  res.end(body);
}
