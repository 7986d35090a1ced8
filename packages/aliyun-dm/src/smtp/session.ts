/**
 * One SMTP session on nodemailer's `SMTPConnection`: connect, AUTH, MAIL/RCPT/DATA, the message,
 * QUIT. The session tracks the one fact `delivery` depends on: had the message body started to
 * go out (the server said 354 to DATA and nodemailer began reading it)? A deadline and the
 * caller's signal end the session at any point by destroying the socket.
 */
import { Readable } from 'node:stream';
import type { SmtpCredentials } from './config.js';
import { abortError, partlyRefused, smtpError } from './errors.js';
import type { SmtpLibrary } from './load.js';

/** Where and how to connect. */
export interface SessionTarget {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly requireTls: boolean;
}

/** One message to hand over. */
export interface SessionMail {
  readonly from: string;
  readonly recipients: readonly string[];
  /** The composed RFC 5322 message. */
  readonly raw: Buffer;
}

/** Run one session; resolves with the server's final reply to the message. */
export function runSession(
  lib: SmtpLibrary,
  target: SessionTarget,
  credentials: SmtpCredentials,
  mail: SessionMail,
  limits: { readonly signal: AbortSignal; readonly timeoutMs: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    let bodyStarted = false;
    let settled = false;
    const connection = new lib.SMTPConnection({
      host: target.host,
      port: target.port,
      secure: target.secure,
      requireTLS: target.requireTls,
      // Plain SMTP is only allowed to loopback (config.ts); never downgrade silently elsewhere.
      ignoreTLS: !target.secure && !target.requireTls,
      connectionTimeout: limits.timeoutMs,
      greetingTimeout: limits.timeoutMs,
      socketTimeout: limits.timeoutMs,
      socketCloseTimeout: 0,
      logger: false,
    });
    const finish = (error: unknown, reply?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.signal.removeEventListener('abort', onAbort);
      if (error === undefined) {
        connection.quit();
        resolve(reply as string);
      } else {
        connection.close();
        reject(error);
      }
    };
    const timer = setTimeout(
      () => finish(smtpError({ code: 'ETIMEDOUT' }, bodyStarted)),
      limits.timeoutMs,
    );
    const onAbort = () => finish(abortError(limits.signal, bodyStarted));
    limits.signal.addEventListener('abort', onAbort, { once: true });
    if (limits.signal.aborted) return onAbort();
    // nodemailer also emits 'error' for failures it reports through callbacks.
    connection.on('error', (error) => finish(smtpError(error, bodyStarted)));
    // Read only after the server accepted DATA: the first read marks the body as going out.
    const body = new Readable({
      read() {
        bodyStarted = true;
        this.push(mail.raw);
        this.push(null);
      },
    });
    connection.connect((connectError) => {
      if (connectError) return finish(smtpError(connectError, false));
      connection.login({ user: credentials.user, pass: credentials.password }, (loginError) => {
        if (loginError) return finish(smtpError(loginError, false));
        const envelope = { from: mail.from, to: [...mail.recipients], size: mail.raw.length };
        connection.send(envelope, body, (sendError, info) => {
          if (sendError) return finish(smtpError(sendError, bodyStarted));
          if (info.rejected.length > 0) {
            return finish(partlyRefused(info.rejected, info.accepted.length));
          }
          finish(undefined, info.response);
        });
      });
    });
  });
}
