/**
 * What-if drivers for the proposed fixes, without touching the packages: the Tencent adapter's
 * typed client (`createTencentSesClient`, same executor, retries and undici pool as a mailer)
 * calling `SendEmail`, which skips the core's message normalisation, with the default
 * @aws-crypto/sha256-js signer or with a node:crypto one through the adapter's own `signer` option.
 * The gap between them, and to `mailbridge tencent-ses`, sizes fixes 1 and 2 of RESULTS.md.
 */
import { createTc3Signer, createTencentSesClient } from '@mailbridge/tencent-ses';
import { NodeSha256 } from '../node-sha256.js';
import { expectId, FROM, KEY, type SendDriver, SUBJECT, TEMPLATE_ID, to } from './driver.js';

export function createWhatIfTencent(origin: string, nodeCrypto: boolean): SendDriver {
  const client = createTencentSesClient(
    { region: 'ap-guangzhou', endpoint: origin, credentials: KEY },
    {
      mailer: { rateLimits: false },
      ...(nodeCrypto ? { signer: createTc3Signer(NodeSha256) } : {}),
    },
  );
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
    close: () => client.close(),
  };
}
