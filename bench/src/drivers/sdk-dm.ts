/**
 * The official @alicloud/dm20151123 1.9.0 with its default V3 signing (ACS3-HMAC-SHA256),
 * endpoint and protocol pointed at the mock (as test/interop/aliyun-sdk.test.ts does).
 */
import DmModule, * as dm from '@alicloud/dm20151123';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { expectId, FROM, HTML, KEY, type SendDriver, SUBJECT, to } from './driver.js';

// CommonJS with `exports.default`; depending on interop the class is one level down.
type DmClientClass = typeof DmModule.default;
const DmClient: DmClientClass =
  (DmModule as unknown as { default?: DmClientClass }).default ??
  (DmModule as unknown as DmClientClass);

export function createSdkDm(origin: string): SendDriver {
  const client = new DmClient(
    new $OpenApiUtil.Config({
      accessKeyId: KEY.id,
      accessKeySecret: KEY.secret,
      endpoint: new URL(origin).host,
      protocol: 'http',
    }),
  );
  return {
    async send(index) {
      const res = await client.singleSendMail(
        new dm.SingleSendMailRequest({
          accountName: FROM,
          addressType: 1,
          replyToAddress: false,
          toAddress: to(index),
          subject: SUBJECT,
          htmlBody: HTML,
          fromAlias: 'Shop',
        }),
      );
      expectId(res.body?.envId, 'EnvId');
    },
    close: async () => {},
  };
}
