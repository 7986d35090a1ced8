/**
 * DirectMail's SMTP interface, emulated with `smtp-server` (docs/providers/aliyun-dm-smtp.md):
 * AUTH as a seeded sender address with its SMTP password, MAIL FROM that same address, at most
 * 100 RCPTs, a message of at most 15 MB with at most 100 attachments, parsed with `mailparser`
 * into the outbox the HTTP sends fill. Plain SMTP, with AUTH allowed without TLS only when the
 * emulator listens on loopback; the real service wants TLS (port 465, or STARTTLS).
 */
import type { Socket } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { DmSmtpAccount } from '../aliyun/index.js';
import type { FaultStore } from '../faults.js';
import type { EmuContext, Fault } from '../types.js';
import { deliverParsed, MAX_ATTACHMENTS } from './deliver.js';

/** The whole message as received, headers and base64 attachments included (15 MB, DOC). */
export const SMTP_MAX_BYTES = 15 * 1024 * 1024;
/** RCPTs per message: DirectMail answers 556 over its limit; 100 is the API's ToAddress cap. */
export const SMTP_MAX_RCPT = 100;

/** What the SMTP endpoint needs from the emulator. */
export interface SmtpDeps {
  readonly account: DmSmtpAccount;
  readonly ctx: EmuContext;
  readonly faults: FaultStore;
  /** Count one request of `action` (`SMTP.DATA` per message). */
  count(action: string): void;
  sleep(ms: number): Promise<boolean>;
}

/** A running SMTP endpoint. */
export interface SmtpEndpoint {
  readonly port: number;
  close(): Promise<void>;
}

/** An error smtp-server answers with its `responseCode`. */
function reply(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/** Start the endpoint on `host`, port 0 (any free port). */
export async function startSmtp(deps: SmtpDeps, host: string): Promise<SmtpEndpoint> {
  const sockets = new Map<number, Socket>();
  const server = new SMTPServer({
    banner: 'mailbridge emulator of DirectMail SMTP',
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: isLoopback(host),
    authMethods: ['PLAIN', 'LOGIN'],
    size: SMTP_MAX_BYTES,
    logger: false,
    onAuth(auth, _session, callback) {
      const sender = deps.account.smtpSender(auth.username ?? '');
      const ok = sender?.smtpPassword !== undefined && sender.smtpPassword === auth.password;
      if (!ok) return callback(reply(535, 'Authentication failure'));
      callback(null, { user: sender.address });
    },
    async onMailFrom(address, session, callback) {
      const fault = await stageFault(deps, sockets, session, 'SMTP.MAIL');
      if (fault === CUT) return;
      if (fault) return callback(fault);
      if (address.address.toLowerCase() !== session.user) {
        return callback(reply(553, 'MAIL FROM must be the address logged in with AUTH'));
      }
      if (deps.account.smtpSender(address.address)?.frozen) {
        return callback(reply(554, 'sender address is frozen'));
      }
      callback();
    },
    async onRcptTo(_address, session, callback) {
      const fault = await stageFault(deps, sockets, session, 'SMTP.RCPT');
      if (fault === CUT) return;
      if (fault) return callback(fault);
      if (session.envelope.rcptTo.length >= SMTP_MAX_RCPT) {
        return callback(reply(556, 'The number of RCPTs is over the size limit'));
      }
      callback();
    },
    onData(stream, session, callback) {
      void receive(deps, sockets, stream, session).then(
        (message) => (message === undefined ? undefined : callback(null, message)),
        (error: Error) => callback(error),
      );
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.on('close', () => sockets.delete(port));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets.values()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Read, check and store one message, then answer per the `SMTP.DATA` fault: `error` refuses it
 * (nothing stored), `reset` cuts the connection without storing it, `delay` answers late, `drop`
 * stores it and cuts the connection before the reply (the client cannot know it was accepted).
 * Resolves `undefined` when nothing may answer.
 */
async function receive(
  deps: SmtpDeps,
  sockets: Map<number, Socket>,
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
): Promise<string | undefined> {
  deps.count('SMTP.DATA');
  const raw = await readAll(stream);
  if (stream.sizeExceeded) {
    throw reply(557, 'The length of DATA content has reached the maximum threshold');
  }
  const fault = deps.faults.take('aliyun-dm', 'SMTP.DATA');
  if (fault?.kind === 'error' || fault?.kind === 'status') throw faultReply(fault);
  if (fault?.kind === 'reset') {
    // Before processing, as `reset` is everywhere (types.ts): nothing is stored.
    sockets.get(session.remotePort)?.destroy();
    return undefined;
  }
  const envId = await deliverParsed(deps, raw, session);
  if (envId === undefined) {
    throw reply(557, `at most ${MAX_ATTACHMENTS} attachments per message`);
  }
  if (fault?.kind === 'drop') {
    sockets.get(session.remotePort)?.destroy();
    return undefined;
  }
  if (fault?.kind === 'delay' && !(await deps.sleep(fault.ms))) return undefined;
  return `Data Ok: queued as freedom ###envid=${envId}`;
}

/** The connection was cut: nothing may answer. */
const CUT = Symbol('cut');

/**
 * A fault injected for an envelope stage (`SMTP.MAIL`, `SMTP.RCPT`): the reply to send for
 * `error` and `status`, `CUT` once `drop` or `reset` destroyed the socket (no message exists
 * yet, so both store nothing), nothing after `delay` has passed. These act here as at DATA: a
 * fault consumed and ignored would let a test pass that never met it.
 */
async function stageFault(
  deps: SmtpDeps,
  sockets: Map<number, Socket>,
  session: SMTPServerSession,
  action: string,
): Promise<Error | typeof CUT | undefined> {
  const fault = deps.faults.take('aliyun-dm', action);
  if (fault === undefined) return undefined;
  if (fault.kind === 'error' || fault.kind === 'status') return faultReply(fault);
  if (fault.kind === 'delay') return (await deps.sleep(fault.ms)) ? undefined : CUT;
  if (fault.kind !== 'drop' && fault.kind !== 'reset') return undefined; // HTTP bodies only
  sockets.get(session.remotePort)?.destroy();
  return CUT;
}

/** `{kind: 'error', status: 451, message}` or `{kind: 'status', status: 550}`: that reply. */
function faultReply(fault: Extract<Fault, { kind: 'error' } | { kind: 'status' }>): Error {
  const code = fault.status ?? 451;
  const text = fault.kind === 'error' ? (fault.message ?? fault.code) : 'injected fault';
  return reply(code >= 400 && code < 600 ? code : 451, text);
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
