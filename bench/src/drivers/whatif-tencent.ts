/**
 * Drivers that split the Tencent send's CPU: the adapter's typed client (`createTencentSesClient`,
 * same executor, retries and undici pool as a mailer) calling `SendEmail`, which skips the core's
 * message normalisation and capability check, with the default signer (node:crypto) or the
 * portable @aws-crypto/sha256-js one through the adapter's own `signer` option. The gaps between
 * them, `raw-undici+tc3` and `mailbridge tencent-ses` are the breakdown table of RESULTS.md.
 */
import { createTc3Signer, createTencentSesClient } from '@mailbridge/tencent-ses';
import { Sha256Js } from '@mailbridge/tencent-ses/portable';
import { expectId, FROM, KEY, type SendDriver, SUBJECT, TEMPLATE_ID, to } from './driver.js';

export function createWhatIfTencent(origin: string, portable: boolean): SendDriver {
  const client = createTencentSesClient(
    { region: 'ap-guangzhou', endpoint: origin, credentials: KEY },
    {
      mailer: { rateLimits: false },
      ...(portable ? { signer: createTc3Signer(Sha256Js) } : {}),
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
