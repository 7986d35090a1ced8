/**
 * What each provider's conformance entries send: the same data for the single-provider entry
 * (aliyun-dm.test.ts, tencent-ses.test.ts) and the composite of two accounts (failover.test.ts).
 * The message, batch and actions are the shared samples (../helpers/samples.ts).
 */

import type { ConformanceTarget } from '@mailbridge/core/testing';
import { ALIYUN_DM_SAMPLE, TENCENT_SES_SAMPLE } from '../helpers/samples.js';

/** The provider-specific part of a conformance target. */
export type ConformanceData = Pick<
  ConformanceTarget,
  'message' | 'batch' | 'unsupported' | 'actions' | 'schedule' | 'replaysAmbiguousSends'
>;

/** DirectMail: raw html sends, batches by template name, no cc, no native schedule. */
export const ALIYUN_DM_DATA: ConformanceData = {
  ...ALIYUN_DM_SAMPLE,
  unsupported: {
    field: 'cc',
    message: {
      from: 'noreply@mail.example.com',
      to: 'a@example.com',
      cc: 'b@example.com',
      subject: 'x',
      text: 'y',
    },
  },
  schedule: 'unsupported',
  replaysAmbiguousSends: true,
};

/** Tencent SES: template sends (raw html needs `allowRawContent`), native schedules. */
export const TENCENT_SES_DATA: ConformanceData = {
  ...TENCENT_SES_SAMPLE,
  unsupported: {
    field: 'html',
    message: {
      from: 'noreply@mail.example.com',
      to: 'a@example.com',
      subject: 'x',
      html: '<p>raw</p>',
    },
  },
  schedule: 'native',
  replaysAmbiguousSends: false,
};
