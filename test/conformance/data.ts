/**
 * What each provider's conformance entries send: the same data for the single-provider entry
 * (aliyun-dm.test.ts, tencent-ses.test.ts) and the composite of two accounts (failover.test.ts).
 */
import type { ConformanceTarget } from './suite.js';

/** The provider-specific part of a conformance target. */
export type ConformanceData = Pick<
  ConformanceTarget,
  'message' | 'batch' | 'unsupported' | 'actions' | 'schedule' | 'replaysAmbiguousSends'
>;

/** DirectMail: raw html sends, batches by template name, no cc, no native schedule. */
export const ALIYUN_DM_DATA: ConformanceData = {
  message: (to) => ({
    from: 'Shop <noreply@mail.example.com>',
    to,
    subject: "Conformance 测试 😀 !'()*~+%&=",
    html: "<p>你好 😀 !'()*~+%&=</p>",
  }),
  batch: (group) => ({ from: 'batch@mail.example.com', group, template: { id: 'welcome' } }),
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
  actions: { send: 'SingleSendMail', batch: 'BatchSendMail', upload: 'SaveReceiverDetail' },
  schedule: 'unsupported',
  replaysAmbiguousSends: true,
};

/** Tencent SES: template sends (raw html needs `allowRawContent`), native schedules. */
export const TENCENT_SES_DATA: ConformanceData = {
  message: (to) => ({
    from: 'Shop 商店 <noreply@mail.example.com>',
    to,
    subject: 'Conformance 测试 😀',
    template: { id: 100001, data: { name: '安 Ann 😀' } },
  }),
  batch: (group) => ({
    from: 'noreply@mail.example.com',
    group,
    template: { id: 100001 },
    subject: 'Batch 批量',
  }),
  unsupported: {
    field: 'html',
    message: {
      from: 'noreply@mail.example.com',
      to: 'a@example.com',
      subject: 'x',
      html: '<p>raw</p>',
    },
  },
  actions: { send: 'SendEmail', batch: 'BatchSendEmail', upload: 'CreateReceiverDetailWithData' },
  schedule: 'native',
  replaysAmbiguousSends: false,
};
