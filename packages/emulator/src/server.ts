/**
 * `startEmulator`: one node:http server on loopback serving every provider module, the admin
 * API, fault injection and the emulator clock.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { createAdmin } from './admin.js';
import type { Emulator, EmulatorOptions } from './api.js';
import { createCore } from './core.js';
import { dispatch, emulatorError } from './dispatch.js';
import { createInbox } from './inbox/index.js';
import { startSmtpFor } from './smtp/attach.js';

/**
 * Start an emulator of Alibaba Cloud DirectMail and Tencent Cloud SES on one loopback port.
 *
 * @example
 * ```ts
 * import { startEmulator } from '@mailbridge/emulator';
 *
 * const emu = await startEmulator();
 * const [key] = emu.credentials.tencent;
 * // point a Tencent SES client at emu.tencentEndpoint with key.id / key.secret, send…
 * console.log(emu.outbox.map((m) => m.to));
 * emu.inject({ provider: 'tencent-ses', action: 'SendEmail', fault: { kind: 'reset' } });
 * emu.advance(60 * 60 * 1000); // fire scheduled batch tasks due within the hour
 * await emu.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const core = createCore(options);
  const sleeper = createSleeper();
  const inbox = createInbox({ ...core, ...core.ctx, faultCount: () => core.faults.list().length });
  // reset() also forgets the request journal the inbox keeps.
  const resetCore = core.controls.reset;
  const reset = () => {
    resetCore();
    inbox.journal.clear();
  };
  const admin = createAdmin({ ...core.controls, reset, faults: () => core.faults.list() });
  const deps = { ...core, sleep: sleeper.sleep, admin };
  const server = createServer((req, res) => {
    const unreadable = unreadableTarget(req);
    if (unreadable !== undefined) {
      // Every route reads the target as a URL against the Host header: one that does not
      // parse (`GET //`, `Host: a b`) is the client's error, answered here before any of them.
      req.resume();
      const { status, headers, body } = emulatorError(400, 'BadRequestTarget', unreadable);
      res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
      return;
    }
    if (!inbox.handle(req, res)) void dispatch(deps, req, res);
  });
  const sockets = trackSockets(server);
  const address = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);
  const smtp = await startSmtpFor(core, sleeper.sleep, options.host ?? '127.0.0.1');
  const close = async () => {
    core.ctx.events.close();
    inbox.close();
    await smtp.close();
    return closeServer(server, sockets, sleeper.cancelAll);
  };
  const onRequest = inbox.journal.subscribe;
  return Object.assign(core.controls, address, {
    inboxUrl: `${address.url}/`,
    smtp: { host: smtp.host, port: smtp.port },
    onRequest,
    reset,
    close,
  });
}

/** Why the request's target and Host do not make a URL, or undefined when they do. */
function unreadableTarget(req: IncomingMessage): string | undefined {
  const target = req.url ?? '/';
  const host = req.headers.host ?? 'localhost';
  if (URL.canParse(target, 'http://emulator') && URL.canParse(target, `http://${host}`)) {
    return undefined;
  }
  return `cannot read the request target ${JSON.stringify(target)} with Host ${JSON.stringify(host)} as a URL`;
}

/** Cancellable sleeps, so `close()` does not wait for an injected delay. */
function createSleeper() {
  const pending = new Set<{ timer: NodeJS.Timeout; resolve: (done: boolean) => void }>();
  return {
    sleep(ms: number): Promise<boolean> {
      return new Promise((resolve) => {
        const entry = {
          timer: setTimeout(() => {
            pending.delete(entry);
            resolve(true);
          }, ms),
          resolve,
        };
        pending.add(entry);
      });
    },
    cancelAll() {
      for (const entry of pending) {
        clearTimeout(entry.timer);
        entry.resolve(false);
      }
      pending.clear();
    },
  };
}

function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

async function listen(server: Server, host: string, port: number) {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address();
  if (bound === null || typeof bound === 'string') {
    throw new Error('@mailbridge/emulator: the server did not bind a TCP port');
  }
  // IPv6 literals need brackets in a URL and in the SDKs' host:port endpoint.
  const hostPart = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  const hostPort = `${hostPart}:${bound.port}`;
  const url = `http://${hostPort}`;
  return { url, aliyunEndpoint: url, tencentEndpoint: url, host: hostPort, port: bound.port };
}

function closeServer(server: Server, sockets: Set<Socket>, cancel: () => void): Promise<void> {
  cancel();
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  });
}
