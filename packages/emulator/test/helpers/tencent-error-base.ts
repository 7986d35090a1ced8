/**
 * Shared pieces of the Tencent error-code table (tencent-errors.test.ts): the seed every row
 * starts from, a valid request per action, and helpers to build bad ones.
 */
import type { Emulator, TencentSeed } from '../../src/index.js';
import { sendBody, tcOk } from './tencent-sign.js';

export const BASE_SEED: TencentSeed = {
  senders: [{ address: 'pending@mail.example.com', verified: false }],
  templates: [{ id: 100009, name: 'waiting', text: 'Hi {{name}}', status: 'pending' }],
  groups: [
    { id: 501, name: 'plain', recipients: ['a@example.com'] },
    { id: 502, name: 'data', recipients: [{ email: 'd@example.com', data: { name: 'D' } }] },
    { id: 503, name: 'empty' },
  ],
};
export const batchBody = (extra: Record<string, unknown> = {}) => ({
  FromEmailAddress: 'noreply@mail.example.com',
  ReceiverId: 501,
  Subject: 'News',
  TaskType: 1,
  Template: { TemplateID: 100002, TemplateData: JSON.stringify({ title: 't', body: 'b' }) },
  ...extra,
});
export const MB = 1024 * 1024;
export const emails = (n: number) => Array.from({ length: n }, (_, i) => `u${i}@example.com`);
export const row = (Email: string, data: Record<string, string> = { name: 'x' }) => ({
  Email,
  TemplateData: JSON.stringify(data),
});

export interface Row {
  readonly action: string;
  readonly code: string;
  /** A valid request answered by an injected fault (no request can cause the code here). */
  readonly fault?: true;
  readonly params?: Record<string, unknown>;
  readonly seed?: TencentSeed;
  readonly setup?: (emu: Emulator) => Promise<void>;
}

export const valid: Readonly<Record<string, Record<string, unknown>>> = {
  SendEmail: sendBody(),
  BatchSendEmail: batchBody(),
  CreateReceiver: { ReceiversName: 'new group' },
  CreateReceiverDetail: { ReceiverId: 501, Emails: ['b@example.com'] },
  CreateReceiverDetailWithData: { ReceiverId: 502, Datas: [row('e@example.com')] },
  ListReceivers: { Offset: 0, Limit: 10 },
  ListReceiverDetails: { ReceiverId: 501, Offset: 0, Limit: 10 },
  DeleteReceiver: { ReceiverId: 501 },
};
export const slowUpload = async (emu: Emulator) => {
  emu.seed({ tencent: { uploadDelayMs: 60_000 } });
  await tcOk(emu, 'CreateReceiverDetail', { ReceiverId: 501, Emails: ['late@example.com'] });
};
