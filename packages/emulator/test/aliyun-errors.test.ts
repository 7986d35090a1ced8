import { describe, expect, it } from 'vitest';
import { harness } from './helpers/aliyun-harness.js';
import { codeOf, json, T0, v1Request } from './helpers/aliyun-sign.js';

/**
 * Every business error code the seeds list for SingleSendMail (S003 §4.1) and BatchSendMail
 * (S000, S003 §4.2), the receiver APIs (S003 §8, aliyun-dm.md §3.2) and the statistics API
 * (S003 §12.1, S004), each produced by a realistic bad request; the codes that only fault
 * injection produces are rendered through `errorResponse`.
 */

const EXTRA_SEED = {
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

const SINGLE = {
  AccountName: 'noreply@mail.example.com',
  AddressType: '1',
  ReplyToAddress: 'false',
  ToAddress: 'a@example.com',
  Subject: 'Hello',
  HtmlBody: '<p>Hi</p>',
};
const BATCH = {
  AccountName: 'batch@mail.example.com',
  AddressType: '1',
  TemplateName: 'welcome',
  ReceiversName: 'full',
};
const STATS = { StartTime: '2025-03-01 00:00', EndTime: '2025-03-01 09:00' };

type H = ReturnType<typeof harness>;
type Row = readonly [
  code: string,
  status: number,
  action: string,
  params: Record<string, string> | ((h: H) => Promise<Record<string, string>>),
  via?: 'GET',
];

async function receiverId(h: H, name: string): Promise<string> {
  const lists = json(await h.call('QueryReceiverByParam', { KeyWord: name }));
  const rows = (lists['data'] as { receiver: { ReceiverId: string; ReceiversName: string }[] })
    .receiver;
  return rows.find((r) => r.ReceiversName === name)?.ReceiverId ?? 'missing';
}

const ROWS: readonly Row[] = [
  // SingleSendMail (S003 §4.1)
  [
    'InvalidMailAddress.NotFound',
    404,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'ghost@mail.example.com' },
  ],
  [
    'InvalidMailAddressName.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'not an address' },
  ],
  [
    'InvalidMailAddressStatus.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'frozen@mail.example.com' },
  ],
  [
    'InvalidMailAddressSendType.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'batch@mail.example.com' },
  ],
  [
    'InvalidMailAddressDomain.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'x@unverified.example.com' },
  ],
  ['InvalidToAddress', 400, 'SingleSendMail', { ...SINGLE, ToAddress: 'a@example.com,nobody' }],
  [
    'InvalidToAddress',
    400,
    'SingleSendMail',
    { ...SINGLE, ToAddress: Array.from({ length: 101 }, (_, i) => `u${i}@example.com`).join(',') },
  ],
  ['InvalidToAddress.Spam', 400, 'SingleSendMail', { ...SINGLE, ToAddress: 'bounced@example.com' }],
  ['InvalidBody', 400, 'SingleSendMail', { ...SINGLE, HtmlBody: '' }],
  ['InvalidBody', 400, 'SingleSendMail', { ...SINGLE, HtmlBody: 'x'.repeat(81 * 1024) }, 'GET'],
  ['InvalidSubject.Malformed', 400, 'SingleSendMail', { ...SINGLE, Subject: 's'.repeat(257) }],
  [
    'InvalidFromAlias.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, FromAlias: '123456789012345' },
  ],
  [
    'InvalidReplyAddress.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, ReplyAddress: 'reply-at-example.com' },
  ],
  [
    'InvalidReplyAddress.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, AccountName: 'plain@mail.example.com', ReplyToAddress: 'true' },
  ],
  [
    'InvalidReplyAddressAlias.Malformed',
    400,
    'SingleSendMail',
    { ...SINGLE, ReplyAddress: 'r@example.com', ReplyAddressAlias: 'a'.repeat(16) },
  ],
  [
    'InvalidTemplate.NotFound',
    404,
    'SingleSendMail',
    { ...SINGLE, Template: '{"TemplateId":"999","TemplateData":{}}' },
  ],
  ['InvalidTagName.Malformed', 400, 'SingleSendMail', { ...SINGLE, TagName: 'no such tag' }],
  ['InvalidTagName.Malformed', 400, 'SingleSendMail', { ...SINGLE, TagName: 'unknown_tag' }],
  ['MissingToAddress', 400, 'SingleSendMail', { ...SINGLE, ToAddress: '' }],
  ['MissingReplyToAddress', 400, 'SingleSendMail', { ...SINGLE, ReplyToAddress: '' }],
  ['InvalidParameter', 400, 'SingleSendMail', { ...SINGLE, ReplyToAddress: 'yes' }],
  ['InvalidParameter', 400, 'SingleSendMail', { ...SINGLE, ClickTrace: 'true' }],
  ['InvalidParameter', 400, 'SingleSendMail', { ...SINGLE, BccAddress: 'a@x.com,b@x.com,c@x.com' }],
  ['UnsupportedOperation', 400, 'SingleSendMail', { ...SINGLE, DomainAuth: 'true' }],
  ['InvalidParameter', 400, 'SingleSendMail', { ...SINGLE, HtmlBody: '', Template: 'null' }],
  // BatchSendMail (S000, S003 §4.2); the shared SingleSendMail table's template and receiver codes
  [
    'InvalidMailAddress.NotFound',
    404,
    'BatchSendMail',
    { ...BATCH, AccountName: 'ghost@mail.example.com' },
  ],
  [
    'InvalidMailAddressName.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, AccountName: 'batch.mail.example.com' },
  ],
  [
    'InvalidMailAddressSendType.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, AccountName: 'noreply@mail.example.com' },
  ],
  [
    'InvalidMailAddressStatus.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, AccountName: 'frozen@mail.example.com' },
  ],
  [
    'InvalidMailAddressDomain.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, AccountName: 'bx@unverified.example.com' },
  ],
  [
    'InvalidTemplateName.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, TemplateName: 't'.repeat(31) },
  ],
  ['InvalidTemplate.NotFound', 404, 'BatchSendMail', { ...BATCH, TemplateName: 'nope' }],
  ['InvalidTemplateStatus.Malformed', 400, 'BatchSendMail', { ...BATCH, TemplateName: 'pending' }],
  ['InvalidTemplateStatus.Malformed', 400, 'BatchSendMail', { ...BATCH, TemplateName: 'rejected' }],
  [
    'InvalidReceiverName.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, ReceiversName: 'r'.repeat(31) },
  ],
  ['InvalidReceiver.NotFound', 404, 'BatchSendMail', { ...BATCH, ReceiversName: 'nope' }],
  ['InvalidReceiverStatus.Malformed', 400, 'BatchSendMail', { ...BATCH, ReceiversName: 'empty' }],
  ['InvalidReplyAddress.Malformed', 400, 'BatchSendMail', { ...BATCH, ReplyAddress: 'nope' }],
  [
    'InvalidReplyAddressAlias.Malformed',
    400,
    'BatchSendMail',
    { ...BATCH, ReplyAddressAlias: 'a'.repeat(16) },
  ],
  ['MissingTemplateName', 400, 'BatchSendMail', { ...BATCH, TemplateName: '' }],
  // Receiver APIs (S003 §8, aliyun-dm.md §3.2)
  [
    'InvalidReceiverName.Malformed',
    400,
    'CreateReceiver',
    { ReceiversName: 'n'.repeat(31), ReceiversAlias: 'a' },
  ],
  [
    'InvalidReceiverName.Malformed',
    400,
    'CreateReceiver',
    { ReceiversName: 'full', ReceiversAlias: 'a' },
  ],
  [
    'InvalidReceiverName.Malformed',
    400,
    'DeleteReceiverDetail',
    async (h) => ({ ReceiverId: await receiverId(h, 'full'), Email: 'bad address' }),
  ],
  ['MissingReceiversAlias', 400, 'CreateReceiver', { ReceiversName: 'new' }],
  ['InvalidReceiver.NotFound', 404, 'SaveReceiverDetail', { ReceiverId: 'nope', Detail: '[]' }],
  ['InvalidReceiver.NotFound', 404, 'DeleteReceiver', { ReceiverId: 'nope' }],
  ['InvalidReceiver.NotFound', 404, 'QueryReceiverDetail', { ReceiverId: 'nope' }],
  [
    'InvalidReceiverStatus.Malformed',
    400,
    'DeleteReceiver',
    async (h) => {
      await h.call('BatchSendMail', BATCH);
      return { ReceiverId: await receiverId(h, 'full') };
    },
  ],
  [
    'InvalidParameter',
    400,
    'SaveReceiverDetail',
    async (h) => ({
      ReceiverId: await receiverId(h, 'empty'),
      Detail: JSON.stringify(Array.from({ length: 501 }, (_, i) => ({ e: `u${i}@example.com` }))),
    }),
  ],
  [
    'InvalidParameter',
    400,
    'SaveReceiverDetail',
    async (h) => ({ ReceiverId: await receiverId(h, 'empty'), Detail: '{"e":"a@b.com"}' }),
  ],
  [
    'MissingDetail',
    400,
    'SaveReceiverDetail',
    async (h) => ({ ReceiverId: await receiverId(h, 'empty') }),
  ],
  [
    'MissingEmail',
    400,
    'DeleteReceiverDetail',
    async (h) => ({ ReceiverId: await receiverId(h, 'full') }),
  ],
  // Tags and statistics (S003 §10, §12.1; S004)
  ['InvalidTagName.Malformed', 400, 'CreateTag', { TagName: 'has space' }],
  ['InvalidTagName.Malformed', 400, 'CreateTag', { TagName: 'demo' }],
  ['InvalidDate.NotFound', 400, 'SenderStatisticsDetailByParam', { EndTime: STATS.EndTime }],
  [
    'InvalidStartTime.Malformed',
    400,
    'SenderStatisticsDetailByParam',
    { ...STATS, StartTime: '2025/03/01 00:00' },
  ],
  [
    'InvalidStartTime.Malformed',
    400,
    'SenderStatisticsDetailByParam',
    { StartTime: '2025-01-01 00:00', EndTime: '2025-01-02 00:00' },
  ],
  [
    'InvalidDate.Malformed',
    400,
    'SenderStatisticsDetailByParam',
    { ...STATS, EndTime: '2025-03-01' },
  ],
  [
    'InvalidBetweenTime.Malformed',
    400,
    'SenderStatisticsDetailByParam',
    { ...STATS, EndTime: '2025-02-28 00:00' },
  ],
  [
    'InvalidYear.Malformed',
    400,
    'SenderStatisticsDetailByParam',
    { ...STATS, StartTime: '0001-01-01 00:00' },
  ],
  [
    'InvalidMailAddressName.Malformed',
    400,
    'SenderStatisticsDetailByParam',
    { ...STATS, AccountName: 'nope' },
  ],
  [
    'InvalidMailAddress.NotFound',
    404,
    'SenderStatisticsDetailByParam',
    { ...STATS, AccountName: 'ghost@mail.example.com' },
  ],
  [
    'InvalidTagName.Malformed',
    400,
    'SenderStatisticsDetailByParam',
    { ...STATS, TagName: 'bad tag' },
  ],
  [
    'InvalidParameter',
    400,
    'SenderStatisticsDetailByParam',
    { ...STATS, TagName: 'demo', ToAddress: 'a@example.com' },
  ],
  // Gateway checks before any action runs (aliyun-dm.md §5)
  ['NoSuchVersion', 400, 'SingleSendMail', { ...SINGLE, Version: '2099-01-01' }],
  ['InvalidParameter.Format', 400, 'SingleSendMail', { ...SINGLE, Format: 'YAML' }],
];

/** Codes no request can produce: only the server's fault injection answers them. */
const FAULT_ONLY = [
  'InvalidSendMail.Spam',
  'InternalError',
  'ServiceUnavailable',
  'Throttling.User',
];

describe('DirectMail error codes', () => {
  it.each(ROWS.map((row, i) => [i, ...row] as const))(
    '#%i %s (%i) from %s',
    async (_, code, status, action, params, via) => {
      const h = harness();
      h.module.seed(EXTRA_SEED);
      const p = typeof params === 'function' ? await params(h) : params;
      const res = await h.module.handle(
        v1Request({ action, params: p, ...(via && { method: via }) }),
        h.ctx,
      );
      expect({ status: res.status, code: codeOf(res) }).toEqual({ status, code });
      if (action.endsWith('SendMail'))
        expect(h.ctx.entries.filter((e) => e.action === action)).toEqual([]);
    },
  );

  it.each(FAULT_ONLY)('%s is rendered for fault injection with its documented status', (code) => {
    const h = harness();
    const res = h.module.errorResponse(
      v1Request({ action: 'SingleSendMail' }),
      { code, message: 'injected' },
      h.ctx,
    );
    expect(json(res)['Code']).toBe(code);
    expect(res.status).toBe({ InternalError: 500, ServiceUnavailable: 503 }[code] ?? 400);
  });

  it('answers gateway errors in XML when the request asked for XML', async () => {
    const h = harness();
    const res = await h.module.handle(
      v1Request({ action: 'SingleSendMail', format: 'XML', after: { Signature: 'x' }, time: T0 }),
      h.ctx,
    );
    expect(res.status).toBe(400);
    expect(String(res.body)).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});
