/**
 * The classic @alicloud/pop-core 1.8.0 (RPC HMAC-SHA1, parameters in the POST body), endpoint
 * pointed at the mock (as test/interop/aliyun-sdk.test.ts does).
 */
import PopCore from '@alicloud/pop-core';
import { expectId, FROM, HTML, KEY, type SendDriver, SUBJECT, to } from './driver.js';

export function createSdkPop(origin: string): SendDriver {
  const client = new PopCore({
    accessKeyId: KEY.id,
    accessKeySecret: KEY.secret,
    endpoint: origin,
    apiVersion: '2015-11-23',
  });
  return {
    async send(index) {
      const res = await client.request<{ EnvId?: unknown }>(
        'SingleSendMail',
        {
          AccountName: FROM,
          AddressType: 1,
          ReplyToAddress: 'false',
          ToAddress: to(index),
          Subject: SUBJECT,
          HtmlBody: HTML,
          FromAlias: 'Shop',
        },
        { method: 'POST' },
      );
      expectId(res.EnvId, 'EnvId');
    },
    close: async () => {},
  };
}
