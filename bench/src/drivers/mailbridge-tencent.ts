/**
 * mailbridge `send` through the Tencent SES adapter: the full path (validation, capability
 * check, retry layer, TC3 signing, HTTP, parsing) with only the client-side rate limiter off,
 * pointed at the mock over http loopback. A templated message: template-only is the provider's
 * default account mode.
 */
import { createMailer } from '@mailbridge/core';
import { tencentSes } from '@mailbridge/tencent-ses';
import type { Dispatcher } from 'undici';
import { expectId, FROM, KEY, type SendDriver, SUBJECT, TEMPLATE_ID, to } from './driver.js';

/** `dispatcher`: undici's by default; the micro table passes one that answers in-process. */
export function createMailbridgeTencent(origin: string, dispatcher?: Dispatcher): SendDriver {
  const mailer = createMailer(
    tencentSes({ region: 'ap-guangzhou', endpoint: origin, credentials: KEY }),
    { rateLimits: false, ...(dispatcher ? { dispatcher } : {}) },
  );
  return {
    async send(index) {
      const result = await mailer.send({
        from: `Shop <${FROM}>`,
        to: to(index),
        subject: SUBJECT,
        template: { id: TEMPLATE_ID, data: { name: 'Ann' } },
      });
      expectId(result.messageId, 'messageId');
    },
    close: () => mailer.close(),
  };
}
