import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly this public surface (a change here is a visible API change)', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "API_VERSION",
      "CHINA_STANDARD_TIME_OFFSET_MS",
      "EVENT_KINDS",
      "NodeSha256",
      "TC3_SERVICE",
      "TENCENT_SES_REGIONS",
      "UNSUBSCRIBE_LANGUAGES",
      "actions",
      "capabilities",
      "classifyError",
      "createTc3Signer",
      "createTencentSesClient",
      "deliveryState",
      "errors",
      "formatChinaTime",
      "getDeliveryStatus",
      "parseEvents",
      "providerSuppression",
      "tencentSes",
      "tencentSesCapabilities",
    ]
  `);
});

it('exports the portable SHA-256 from its own entry point only', async () => {
  expect(Object.keys(await import('../src/portable.js'))).toEqual(['Sha256Js']);
});
