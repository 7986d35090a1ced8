/** Error-table rows for the recipient-group actions (docs/providers/tencent-ses.md "Recipient groups"). */
import { emails, type Row, row, slowUpload } from './tencent-error-base.js';
import { tcOk } from './tencent-sign.js';

export const groupRows: Row[] = [
  { action: 'CreateReceiver', code: 'InternalError', fault: true },
  {
    action: 'CreateReceiver',
    code: 'InvalidParameterValue.ReceiverDescIllegal',
    params: { ReceiversName: 'g', Desc: 'x'.repeat(301) },
  },
  {
    action: 'CreateReceiver',
    code: 'InvalidParameterValue.ReceiverNameIllegal',
    params: { ReceiversName: '   ' },
  },
  {
    action: 'CreateReceiver',
    code: 'InvalidParameterValue.RepeatReceiverName',
    params: { ReceiversName: 'plain' },
  },
  {
    action: 'CreateReceiver',
    code: 'LimitExceeded.ExceedReceiverLimit',
    seed: { limits: { receivers: 3 } },
    params: { ReceiversName: 'fourth' },
  },

  { action: 'CreateReceiverDetail', code: 'FailedOperation', fault: true },
  { action: 'CreateReceiverDetail', code: 'FailedOperation.ServiceNotAvailable', fault: true },
  { action: 'CreateReceiverDetail', code: 'InternalError', fault: true },
  { action: 'CreateReceiverDetail', code: 'InvalidParameterValue.TemplateDataError', fault: true },
  {
    action: 'CreateReceiverDetail',
    code: 'InvalidParameterValue.TemplateDataInconsistent',
    params: { ReceiverId: 502, Emails: ['b@example.com'] },
  },
  {
    action: 'CreateReceiverDetail',
    code: 'LimitExceeded.ReceiverDetailCountLimit',
    seed: { groups: [{ id: 504, name: 'full', recipients: emails(50_000) }] },
    params: { ReceiverId: 504, Emails: ['one@example.com'] },
  },
  {
    action: 'CreateReceiverDetail',
    code: 'LimitExceeded.ReceiverDetailRequestLimit',
    params: { ReceiverId: 501, Emails: emails(20_001) },
  },
  {
    action: 'CreateReceiverDetail',
    code: 'MissingParameter.EmailsNecessary',
    params: { ReceiverId: 501, Emails: [] },
  },
  {
    action: 'CreateReceiverDetail',
    code: 'MissingParameter.ReceiverIdNecessary',
    params: { Emails: ['b@example.com'] },
  },
  {
    action: 'CreateReceiverDetail',
    code: 'OperationDenied.ReceiverIsOperating',
    setup: slowUpload,
    params: { ReceiverId: 501, Emails: ['b@example.com'] },
  },
  {
    action: 'CreateReceiverDetail',
    code: 'OperationDenied.ReceiverNotExist',
    params: { ReceiverId: 999, Emails: ['b@example.com'] },
  },

  {
    action: 'CreateReceiverDetailWithData',
    code: 'FailedOperation.ServiceNotAvailable',
    fault: true,
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'InvalidParameterValue.InValidTemplateData',
    params: { ReceiverId: 502, Datas: [row('e@example.com', { name: '<b>E</b>' })] },
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'InvalidParameterValue.ReceiverEmailInvalid',
    params: { ReceiverId: 502, Datas: [row('e at example.com')] },
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'InvalidParameterValue.TemplateDataError',
    params: { ReceiverId: 502, Datas: [{ Email: 'e@example.com', TemplateData: 'name=E' }] },
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'InvalidParameterValue.TemplateDataInconsistent',
    params: { ReceiverId: 502, Datas: [row('e@example.com', { first: 'E' })] },
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'InvalidParameterValue.TemplateDataLenLimit',
    params: { ReceiverId: 502, Datas: [row('e@example.com', { name: 'x'.repeat(800) })] },
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'LimitExceeded.ReceiverDetailCountLimit',
    seed: {
      groups: [
        {
          id: 504,
          name: 'full',
          recipients: emails(50_000).map((email) => ({ email, data: { name: 'x' } })),
        },
      ],
    },
    params: { ReceiverId: 504, Datas: [row('one@example.com')] },
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'LimitExceeded.ReceiverDetailRequestLimit',
    params: { ReceiverId: 502, Datas: emails(20_001).map((e) => row(e)) },
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'MissingParameter.EmailsNecessary',
    params: { ReceiverId: 502, Datas: [] },
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'OperationDenied.ReceiverIsOperating',
    setup: async (emu) => {
      emu.seed({ tencent: { uploadDelayMs: 60_000 } });
      await tcOk(emu, 'CreateReceiverDetailWithData', {
        ReceiverId: 502,
        Datas: [row('late@example.com')],
      });
    },
    params: { ReceiverId: 502, Datas: [row('e@example.com')] },
  },
  {
    action: 'CreateReceiverDetailWithData',
    code: 'OperationDenied.ReceiverNotExist',
    params: { ReceiverId: 999, Datas: [row('e@example.com')] },
  },

  {
    action: 'ListReceivers',
    code: 'FailedOperation.InvalidLimit',
    params: { Offset: 0, Limit: 101 },
  },
  { action: 'ListReceivers', code: 'InternalError', fault: true },
  {
    action: 'ListReceiverDetails',
    code: 'FailedOperation.InvalidLimit',
    params: { ReceiverId: 501, Offset: 0, Limit: 101 },
  },
  { action: 'ListReceiverDetails', code: 'InternalError', fault: true },
  {
    action: 'ListReceiverDetails',
    code: 'OperationDenied.ReceiverNotExist',
    params: { ReceiverId: 999, Offset: 0, Limit: 10 },
  },
  { action: 'DeleteReceiver', code: 'InternalError', fault: true },
  { action: 'DeleteReceiver', code: 'MissingParameter.ReceiverIdNecessary', params: {} },
  {
    action: 'DeleteReceiver',
    code: 'OperationDenied.ReceiverNotExist',
    params: { ReceiverId: 999 },
  },
];
