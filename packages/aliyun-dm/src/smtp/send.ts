/**
 * A message with attachments, sent over DirectMail's SMTP interface (its HTTP API has no
 * attachment field: docs/providers/aliyun-dm-smtp.md). The core runs it like any operation
 * (rate limit, retries only when nothing was sent, hooks) through `Operation.exchange`.
 */
import { randomUUID } from 'node:crypto';
import type { MailError, Message, ReplayPin } from '@mailbridge/core';
import {
  invalidInput,
  type Operation,
  type SendReceipt,
  unsupported,
} from '@mailbridge/core/provider';
import { checkCredentials, type ResolvedSmtp, type SmtpCredentials } from './config.js';
import { SMTP_ACTION } from './errors.js';
import { loadSmtpLibrary, type SmtpLibrary } from './load.js';
import { runSession } from './session.js';

/**
 * The whole message as sent (headers, bodies, base64 attachments) may be at most 15 MB
 * (https://www.alibabacloud.com/help/en/direct-mail/how-can-i-send-emails-with-attachments-using-smtp).
 */
export const SMTP_MAX_MESSAGE_BYTES = 15 * 1024 * 1024;

/** Fallback when the mailer passes no timeout (the core always does). */
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Checks for the SMTP path, before any request. SMTP carries a MIME message, so the HTTP-only
 * fields (a stored template, a tag and tracking, the SingleSendMail options) cannot go with it:
 * refused, not dropped.
 */
export function validateSmtpMessage(message: Message, smtp: ResolvedSmtp | undefined): void {
  if (smtp === undefined) {
    throw invalidInput(
      [
        {
          path: ['smtp'],
          message:
            'DirectMail sends attachments over SMTP: configure smtp: { credentials: { user, password } } (the sender address and its SMTP password)',
        },
      ],
      'aliyun-dm',
    );
  }
  const why = 'DirectMail takes attachments over SMTP only, which has no such field';
  if (message.template !== undefined) throw unsupported('aliyun-dm', 'template', why);
  if (message.tags.length > 0) throw unsupported('aliyun-dm', 'tags', why);
  if (message.tracking.opens || message.tracking.clicks) {
    throw unsupported('aliyun-dm', 'tracking', why);
  }
  const options = message.providerOptions['aliyun-dm'];
  if (options !== undefined && Object.keys(options as object).length > 0) {
    throw unsupported('aliyun-dm', 'providerOptions.aliyun-dm', why);
  }
  // Over HTTP each `to` gets its own copy (capabilities: toVisibleToEachOther false); one SMTP
  // message would show every address in its To header to every recipient.
  if (message.to.length > 1) {
    throw unsupported(
      'aliyun-dm',
      'to',
      'with attachments DirectMail sends one SMTP message, whose To header every recipient would see: send one message per recipient (sendMany)',
    );
  }
}

/**
 * The send of a validated message with attachments, as a core `Operation`: `build` resolves the
 * SMTP credentials and composes the MIME message (nothing touches the network, so any failure
 * there is `not_sent`), the operation's own `transport` runs the SMTP session, `parse` reads
 * the server's final reply.
 */
export function smtpSendOperation(
  message: Message,
  smtp: ResolvedSmtp,
  seen: Set<string>,
  pin?: ReplayPin,
): Operation<SendReceipt> {
  // The attempt being run: set by build, used by transport and parse (attempts are sequential).
  let current: Prepared | undefined;
  return {
    action: SMTP_ACTION,
    kind: 'send',
    async build() {
      if (pin) throw unpinnable();
      current = await prepare(message, smtp, seen);
      return {
        method: 'POST',
        url: `smtp://${smtp.host}:${smtp.port}`,
        headers: { 'mail-from': message.from.address },
        secrets: [current.credentials.password],
      };
    },
    async transport(_request, ctx) {
      const { lib, credentials, composed } = current as Prepared;
      const recipients = [...message.to, ...message.cc, ...message.bcc].map((a) => a.address);
      const reply = await runSession(
        lib,
        smtp,
        credentials,
        { from: message.from.address, recipients, raw: composed.raw },
        { signal: ctx.signal, timeoutMs: ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS },
      );
      return { status: 250, headers: {}, body: reply };
    },
    parse(response) {
      // DirectMail's reply to the message: `250 Data Ok: queued as freedom ###envid=N`, the
      // EnvId its events carry (docs/providers/aliyun-dm.md "Sending"); else the Message-ID this
      // adapter set.
      const envId = /###envid=(\d+)/.exec(response.body)?.[1];
      return { messageId: envId ?? (current as Prepared).composed.messageId };
    },
  };
}

interface Prepared {
  readonly lib: SmtpLibrary;
  readonly credentials: SmtpCredentials;
  readonly composed: { readonly raw: Buffer; readonly messageId: string };
}

/** Load nodemailer, resolve and check the credentials, compose the message. */
async function prepare(message: Message, smtp: ResolvedSmtp, seen: Set<string>): Promise<Prepared> {
  const lib = await loadSmtpLibrary();
  // The core bounds build (this call included) by the request timeout and the caller's signal.
  const credentials = checkCredentials(await smtp.credentials(message.from.address));
  // Kept for the core's redaction (`provider.secrets`), like the AccessKey secret.
  seen.add(credentials.password);
  checkSender(credentials.user, message.from.address);
  return { lib, credentials, composed: await compose(lib, message) };
}

/**
 * A scheduled send is recovered after a crash by replaying its pinned request, which DirectMail's
 * HTTP API accepts once only. SMTP has no such guard, so a replay could send the message twice.
 */
function unpinnable(): MailError {
  return unsupported(
    'aliyun-dm',
    'attachments',
    'a scheduled send is replayed after a crash, and SMTP cannot refuse a duplicate: send messages with attachments immediately',
  );
}

/** DirectMail requires the SMTP login to be the sender address. */
function checkSender(user: string, from: string): void {
  if (user.toLowerCase() === from.toLowerCase()) return;
  throw invalidInput(
    [
      {
        path: ['from'],
        message: `DirectMail SMTP sends only from the address it logs in as; smtp.credentials are for another sender`,
      },
    ],
    'aliyun-dm',
  );
}

/** The MIME message (Bcc left out of the headers) and its Message-ID. */
async function compose(
  lib: SmtpLibrary,
  message: Message,
): Promise<{ raw: Buffer; messageId: string }> {
  const domain = message.from.address.split('@')[1] ?? 'localhost';
  const messageId = `<${randomUUID()}@${domain}>`;
  const node = new lib.MailComposer({
    // nodemailer writes into address objects it is given; the message is frozen.
    from: { ...message.from },
    to: message.to.map((a) => ({ ...a })),
    replyTo: message.replyTo.map((a) => ({ ...a })),
    subject: message.subject,
    messageId,
    ...(message.text === undefined ? {} : { text: message.text }),
    ...(message.html === undefined ? {} : { html: message.html }),
    headers: { ...message.headers },
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
      ...(a.contentType === undefined ? {} : { contentType: a.contentType }),
    })),
  }).compile();
  const raw = await node.build();
  if (raw.length > SMTP_MAX_MESSAGE_BYTES) {
    throw invalidInput(
      [
        {
          path: ['attachments'],
          message: `the message as sent (base64 attachments included) is ${raw.length} bytes; DirectMail SMTP takes at most ${SMTP_MAX_MESSAGE_BYTES}`,
        },
      ],
      'aliyun-dm',
    );
  }
  return { raw, messageId };
}
