/**
 * The official tencentcloud-sdk-nodejs-ses 4.1.76, unchanged except endpoint and protocol
 * (as test/interop/tencent-sdk.test.ts points it at the emulator); its default HTTP agent.
 */
import { ses } from 'tencentcloud-sdk-nodejs-ses';
import { expectId, FROM, KEY, type SendDriver, SUBJECT, TEMPLATE_ID, to } from './driver.js';

export function createSdkTencent(origin: string): SendDriver {
  const client = new ses.v20201002.Client({
    credential: { secretId: KEY.id, secretKey: KEY.secret },
    region: 'ap-guangzhou',
    profile: {
      httpProfile: { endpoint: new URL(origin).host, protocol: 'http://', reqTimeout: 30 },
    },
  });
  return {
    async send(index) {
      const res = await client.SendEmail({
        FromEmailAddress: `Shop <${FROM}>`,
        Destination: [to(index)],
        Subject: SUBJECT,
        Template: { TemplateID: TEMPLATE_ID, TemplateData: JSON.stringify({ name: 'Ann' }) },
      });
      expectId(res.MessageId, 'MessageId');
    },
    close: async () => {},
  };
}
