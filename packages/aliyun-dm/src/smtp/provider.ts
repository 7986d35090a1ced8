/**
 * The SMTP path hooked into the DirectMail provider: a message with attachments is checked for
 * SMTP and sent over it; every other message and operation is the HTTP provider's.
 */
import type { Message, ReplayPin } from '@mailbridge/core';
import type { ClientContext } from '../client.js';
import type { AliyunDmProvider } from '../provider.js';
import { smtpSendOperation, validateSmtpMessage } from './send.js';

/** `provider` with messages that carry attachments routed to DirectMail's SMTP interface. */
export function withSmtp(ctx: ClientContext, provider: AliyunDmProvider): AliyunDmProvider {
  const { smtp } = ctx.config;
  return {
    ...provider,
    validate(message: Message) {
      provider.validate?.(message);
      if (message.attachments.length > 0) validateSmtpMessage(message, smtp);
    },
    send(message: Message, pin?: ReplayPin) {
      // validate refused attachments without `smtp`; the check keeps the types honest.
      if (message.attachments.length === 0 || smtp === undefined)
        return provider.send(message, pin);
      return smtpSendOperation(message, smtp, ctx.seen, pin);
    },
  };
}
