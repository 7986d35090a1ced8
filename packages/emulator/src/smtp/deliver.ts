/**
 * A message received over SMTP, parsed with `mailparser` into outbox copies: one per RCPT, like
 * SingleSendMail's (recipients not in To/Cc are marked `bcc`), with the attachments' bytes.
 */
import type { AddressObject } from 'mailparser';
import type { SMTPServerSession } from 'smtp-server';
import type { OutboxEntry } from '../types.js';
import type { SmtpDeps } from './server.js';

/** Attachments per message (DOC "How to send an email with attachments using SMTP"). */
export const MAX_ATTACHMENTS = 100;

/**
 * Parse `raw` and put one copy per envelope recipient in the outbox. Returns the EnvId, or
 * `undefined` (nothing stored) when the message has more than 100 attachments.
 */
export async function deliverParsed(
  deps: Pick<SmtpDeps, 'account' | 'ctx'>,
  raw: Buffer,
  session: SMTPServerSession,
): Promise<string | undefined> {
  // Loaded on the first SMTP message: mailparser and its 27 dependencies take about a second
  // to import on a busy machine, which every emulator start would otherwise pay.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw);
  const attached = mail.attachments.filter((a) => !a.related || a.contentDisposition);
  if (attached.length > MAX_ATTACHMENTS) return undefined;
  const envId = deps.account.nextEnvId();
  const visible = new Set([...addresses(mail.to), ...addresses(mail.cc)]);
  const from = mail.from?.value[0];
  const cc = addresses(mail.cc);
  const replyTo = mail.replyTo?.value[0]?.address;
  const headers = customHeaders(mail.headerLines);
  const base = {
    provider: 'aliyun-dm' as const,
    action: 'SMTP',
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    ...(from?.name ? { fromName: from.name } : {}),
    subject: mail.subject ?? '',
    ...(mail.html === false ? {} : { html: mail.html }),
    ...(mail.text === undefined ? {} : { text: mail.text }),
    ...(cc.length > 0 ? { cc } : {}),
    ...(replyTo === undefined ? {} : { replyTo }),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    attachments: mail.attachments.map((a) => ({
      name: a.filename ?? '',
      size: a.content.length,
      contentType: a.contentType,
      content: a.content.toString('base64'),
    })),
    time: deps.ctx.now(),
    requestId: deps.ctx.requestId().toUpperCase(),
    messageId: envId,
  };
  const copies: OutboxEntry[] = session.envelope.rcptTo.map(({ address }) => {
    const to = address.toLowerCase();
    return visible.has(to) ? { ...base, to } : { ...base, to, bcc: [to] };
  });
  deps.ctx.deliver(copies);
  return envId;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (field === undefined) return [];
  const list = Array.isArray(field) ? field : [field];
  return list.flatMap((o) => o.value.flatMap((v) => (v.address ? [v.address.toLowerCase()] : [])));
}

/** `X-…` headers as the sender wrote them (the standard ones have their own fields). */
function customHeaders(lines: readonly { key: string; line: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, line } of lines) {
    if (!key.startsWith('x-')) continue;
    const colon = line.indexOf(':');
    out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}
