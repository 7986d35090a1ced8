import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('exports exactly this public surface (a change here is a visible API change)', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "API_VERSION",
      "CHINA_STANDARD_TIME_OFFSET_MS",
      "NodeSha256",
      "Sha256Js",
      "TC3_SERVICE",
      "TENCENT_SES_ACTION_NAMES",
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
      "tencentSes",
      "tencentSesCapabilities",
    ]
  `);
});
