/**
 * DirectMail error-table rows for the receiver APIs, tags and statistics, and the gateway checks
 * (docs/providers/aliyun-dm.md "Error codes").
 */
import { BATCH, type Row, receiverId, SINGLE, STATS } from './aliyun-error-base.js';

export const OTHER_ROWS: readonly Row[] = [
  // Receiver APIs (docs/providers/aliyun-dm.md "Error codes" and "Recipient lists")
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
  // Tags and statistics (docs/providers/aliyun-dm.md "Error codes")
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
  // Gateway checks before any action runs (docs/providers/aliyun-dm.md "Error codes")
  ['NoSuchVersion', 400, 'SingleSendMail', { ...SINGLE, Version: '2099-01-01' }],
  ['InvalidParameter.Format', 400, 'SingleSendMail', { ...SINGLE, Format: 'YAML' }],
];
