/**
 * Per provider, what the cross-package suites (conformance, reliability) send: a message and a
 * batch the emulator's default seed accepts, and the provider actions they become. One copy, so
 * a fix to the data (a template id, an action name) reaches every suite.
 */
import type { BatchInput, MessageInput } from '@mailbridge/core';

/** The provider-specific data of a suite. */
export interface ProviderSample {
  /** Actions of a single send, a batch, and an upload of bare addresses. */
  readonly actions: { readonly send: string; readonly batch: string; readonly upload: string };
  /** A message to `to`, with the characters that break signing when encoded wrongly. */
  message(to: string): MessageInput;
  /** A batch to a stored group. */
  batch(group: string): BatchInput;
}

/** DirectMail: raw html sends, batches by template name. */
export const ALIYUN_DM_SAMPLE: ProviderSample = {
  actions: { send: 'SingleSendMail', batch: 'BatchSendMail', upload: 'SaveReceiverDetail' },
  message: (to) => ({
    from: 'Shop <noreply@mail.example.com>',
    to,
    subject: "Mailbridge 测试 😀 !'()*~+%&=",
    html: "<p>你好 😀 !'()*~+%&=</p>",
  }),
  batch: (group) => ({ from: 'batch@mail.example.com', group, template: { id: 'welcome' } }),
};

/** Tencent SES: template sends (raw html needs `allowRawContent`). */
export const TENCENT_SES_SAMPLE: ProviderSample = {
  actions: { send: 'SendEmail', batch: 'BatchSendEmail', upload: 'CreateReceiverDetail' },
  message: (to) => ({
    from: 'Shop 商店 <noreply@mail.example.com>',
    to,
    subject: 'Mailbridge 测试 😀',
    template: { id: 100001, data: { name: '安 Ann 😀' } },
  }),
  batch: (group) => ({
    from: 'noreply@mail.example.com',
    group,
    template: { id: 100001 },
    subject: 'Batch 批量',
  }),
};
