/**
 * The ceiling: a Tencent SendEmail over a bare undici Agent (same pool settings as the core's),
 * no signing, `JSON.parse` of the answer. Nothing a real client could skip except the signature.
 */
import { Agent } from 'undici';
import { tc3Authorization } from '../tc3.js';
import { expectId, FROM, KEY, type SendDriver, SUBJECT, TEMPLATE_ID, to } from './driver.js';

/** Build the driver; `sign` adds TC3-HMAC-SHA256 (the "raw undici + signing" baseline). */
export function createRawDriver(origin: string, sign: boolean): SendDriver {
  const agent = new Agent({
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 60_000,
    connections: 128,
  });
  const hostname = new URL(origin).hostname;
  const contentType = 'application/json; charset=utf-8';
  return {
    async send(index) {
      const body = JSON.stringify({
        FromEmailAddress: FROM,
        Destination: [to(index)],
        Subject: SUBJECT,
        Template: { TemplateID: TEMPLATE_ID, TemplateData: JSON.stringify({ name: 'Ann' }) },
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const headers: Record<string, string> = {
        'content-type': contentType,
        'x-tc-action': 'SendEmail',
        'x-tc-version': '2020-10-02',
        'x-tc-region': 'ap-guangzhou',
        'x-tc-timestamp': String(timestamp),
      };
      if (sign) {
        headers['authorization'] = tc3Authorization({
          body,
          contentType,
          hostname,
          secretId: KEY.id,
          secretKey: KEY.secret,
          timestamp,
        });
      }
      const res = await agent.request({ origin, path: '/', method: 'POST', headers, body });
      const json = JSON.parse(await res.body.text()) as { Response?: { MessageId?: string } };
      expectId(json.Response?.MessageId, 'MessageId');
    },
    close: () => agent.close(),
  };
}
