/**
 * Shared pieces of the DirectMail error-code table (aliyun-errors.test.ts): the extra seed every
 * row starts from, valid SingleSendMail and BatchSendMail requests, and the row type.
 */

import type { harness } from './aliyun-harness.js';
import { json } from './aliyun-sign.js';

/** Resources the bad requests need: frozen/unverified senders, a rejected template, lists. */
export const EXTRA_SEED = {
  domains: [{ name: 'unverified.example.com', verified: false }],
  senders: [
    { address: 'frozen@mail.example.com', type: 'trigger', frozen: true },
    { address: 'plain@mail.example.com', type: 'trigger' },
    { address: 'x@unverified.example.com', type: 'trigger' },
    { address: 'bx@unverified.example.com', type: 'batch' },
  ],
  templates: [{ name: 'rejected', subject: 'r', html: 'r', status: 'rejected' }],
  receivers: [
    { name: 'empty' },
    { name: 'full', members: [{ email: 'm@example.com', data: { UserName: 'M' } }] },
  ],
  invalidAddresses: ['bounced@example.com'],
} as const;

/** A valid SingleSendMail; each row breaks one field. */
export const SINGLE = {
  AccountName: 'noreply@mail.example.com',
  AddressType: '1',
  ReplyToAddress: 'false',
  ToAddress: 'a@example.com',
  Subject: 'Hello',
  HtmlBody: '<p>Hi</p>',
};
/** A valid BatchSendMail to the seeded `full` list. */
export const BATCH = {
  AccountName: 'batch@mail.example.com',
  AddressType: '1',
  TemplateName: 'welcome',
  ReceiversName: 'full',
};
/** A valid SenderStatisticsDetailByParam window (the harness clock is 2025-03-01 08:00Z). */
export const STATS = { StartTime: '2025-03-01 00:00', EndTime: '2025-03-01 09:00' };

/** The DirectMail module harness a row may use to prepare its request. */
export type H = ReturnType<typeof harness>;
/** One row: the code and status expected from `params` sent to `action` (POST unless `via`). */
export type Row = readonly [
  code: string,
  status: number,
  action: string,
  params: Record<string, string> | ((h: H) => Promise<Record<string, string>>),
  via?: 'GET',
];

/** The ReceiverId of a seeded list, looked up as a client would. */
export async function receiverId(h: H, name: string): Promise<string> {
  const lists = json(await h.call('QueryReceiverByParam', { KeyWord: name }));
  const rows = (lists['data'] as { receiver: { ReceiverId: string; ReceiversName: string }[] })
    .receiver;
  return rows.find((r) => r.ReceiversName === name)?.ReceiverId ?? 'missing';
}
