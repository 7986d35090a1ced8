/** The action table of the Tencent SES module. */
import type { ActionHandler } from './action.js';
import { batchSendEmail } from './batch.js';
import { createCustomBlacklist, deleteCustomBlackList, listCustomBlacklist } from './blacklist.js';
import {
  createEmailAddress,
  createEmailIdentity,
  deleteEmailAddress,
  deleteEmailIdentity,
  getEmailIdentity,
} from './identities.js';
import {
  getSendEmailStatus,
  listEmailAddress,
  listEmailIdentities,
  listSendTasks,
} from './queries.js';
import {
  createReceiver,
  createReceiverDetail,
  createReceiverDetailWithData,
  deleteReceiver,
  listReceiverDetails,
  listReceivers,
} from './receivers.js';
import { sendEmail } from './send.js';
import { getStatisticsReport } from './statistics.js';
import {
  createEmailTemplate,
  deleteEmailTemplate,
  getEmailTemplate,
  listEmailTemplates,
  updateEmailTemplate,
} from './templates.js';

/** The actions the emulator implements. */
export const HANDLERS: Readonly<Record<string, ActionHandler>> = {
  SendEmail: sendEmail,
  BatchSendEmail: batchSendEmail,
  GetSendEmailStatus: getSendEmailStatus,
  ListSendTasks: listSendTasks,
  CreateReceiver: createReceiver,
  CreateReceiverDetail: createReceiverDetail,
  CreateReceiverDetailWithData: createReceiverDetailWithData,
  ListReceivers: listReceivers,
  ListReceiverDetails: listReceiverDetails,
  DeleteReceiver: deleteReceiver,
  CreateEmailTemplate: createEmailTemplate,
  UpdateEmailTemplate: updateEmailTemplate,
  GetEmailTemplate: getEmailTemplate,
  ListEmailTemplates: listEmailTemplates,
  DeleteEmailTemplate: deleteEmailTemplate,
  ListEmailIdentities: listEmailIdentities,
  ListEmailAddress: listEmailAddress,
  GetStatisticsReport: getStatisticsReport,
  CreateCustomBlacklist: createCustomBlacklist,
  ListCustomBlacklist: listCustomBlacklist,
  DeleteCustomBlackList: deleteCustomBlackList,
  GetEmailIdentity: getEmailIdentity,
  CreateEmailIdentity: createEmailIdentity,
  DeleteEmailIdentity: deleteEmailIdentity,
  CreateEmailAddress: createEmailAddress,
  DeleteEmailAddress: deleteEmailAddress,
};

/**
 * Every action of SES 2020-10-02 in Node SDK 4.1.76 (35; docs/providers/tencent-ses.md "Groups, limits, errors"). A listed action the emulator does
 * not implement is UnsupportedOperation (never a fake success); anything else is InvalidAction.
 */
export const ALL_ACTIONS: readonly string[] = [
  ...Object.keys(HANDLERS),
  'UpdateEmailIdentity',
  'UpdateEmailSmtpPassWord',
  'ListBlackEmailAddress',
  'DeleteBlackList',
  'UpdateCustomBlackList',
  'CreateAddressUnsubscribeConfig',
  'UpdateAddressUnsubscribeConfig',
  'DeleteAddressUnsubscribeConfig',
  'ListAddressUnsubscribeConfig',
];
