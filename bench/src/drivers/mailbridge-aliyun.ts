/**
 * mailbridge `send` through the DirectMail adapter: the full path with the rate limiter off,
 * SingleSendMail signed with RPC v1 HMAC-SHA1 (the adapter's default), to the mock over loopback.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer } from '@mailbridge/core';
import type { Dispatcher } from 'undici';
import { expectId, FROM, HTML, KEY, type SendDriver, SUBJECT, to } from './driver.js';

/** `dispatcher`: undici's by default; the micro table passes one that answers in-process. */
export function createMailbridgeAliyun(origin: string, dispatcher?: Dispatcher): SendDriver {
  const mailer = createMailer(
    aliyunDm({ region: 'cn-hangzhou', endpoint: origin, credentials: KEY }),
    { rateLimits: false, ...(dispatcher ? { dispatcher } : {}) },
  );
  return {
    async send(index) {
      const result = await mailer.send({
        from: `Shop <${FROM}>`,
        to: to(index),
        subject: SUBJECT,
        html: HTML,
      });
      expectId(result.messageId, 'messageId');
    },
    close: () => mailer.close(),
  };
}
