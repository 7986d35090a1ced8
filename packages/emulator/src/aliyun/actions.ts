import { batchSendMail } from './batch-send.js';
import type { DmHandler } from './call.js';
import {
  createTag,
  descAccountSummary,
  queryMailAddressByParam,
  queryTagByParam,
  queryTaskByParam,
  queryTemplateByParam,
} from './queries.js';
import {
  createReceiver,
  deleteReceiver,
  deleteReceiverDetail,
  queryReceiverByParam,
  queryReceiverDetail,
  saveReceiverDetail,
} from './receivers.js';
import {
  createDomain,
  createMailAddress,
  deleteDomain,
  deleteMailAddress,
  descDomain,
  descTemplate,
  queryDomainByParam,
} from './resources.js';
import {
  addIpfilter,
  deleteIpfilterByEdmId,
  deleteTag,
  getIpfilterList,
  getIpProtection,
  getMailAddressMsgCallBackUrl,
  modifyTag,
  updateIpProtection,
  updateMailAddressMsgCallBackUrl,
} from './settings.js';
import { singleSendMail } from './single-send.js';
import { senderStatisticsDetailByParam } from './stats.js';
import { senderStatisticsByTagNameAndBatchId } from './stats-daily.js';
import {
  createUserSuppression,
  listUserSuppression,
  removeUserSuppression,
} from './suppression.js';

/** The actions the emulator implements. */
export const HANDLERS: Readonly<Record<string, DmHandler>> = {
  SingleSendMail: singleSendMail,
  BatchSendMail: batchSendMail,
  CreateReceiver: createReceiver,
  SaveReceiverDetail: saveReceiverDetail,
  QueryReceiverByParam: queryReceiverByParam,
  QueryReceiverDetail: queryReceiverDetail,
  DeleteReceiver: deleteReceiver,
  DeleteReceiverDetail: deleteReceiverDetail,
  QueryTemplateByParam: queryTemplateByParam,
  QueryTaskByParam: queryTaskByParam,
  DescAccountSummary: descAccountSummary,
  QueryMailAddressByParam: queryMailAddressByParam,
  CreateTag: createTag,
  QueryTagByParam: queryTagByParam,
  SenderStatisticsDetailByParam: senderStatisticsDetailByParam,
  CreateUserSuppression: createUserSuppression,
  ListUserSuppression: listUserSuppression,
  RemoveUserSuppression: removeUserSuppression,
  DescTemplate: descTemplate,
  QueryDomainByParam: queryDomainByParam,
  DescDomain: descDomain,
  CreateDomain: createDomain,
  DeleteDomain: deleteDomain,
  CreateMailAddress: createMailAddress,
  DeleteMailAddress: deleteMailAddress,
  SenderStatisticsByTagNameAndBatchID: senderStatisticsByTagNameAndBatchId,
  // Tags after creation, IP protection, callback URLs (settings.ts).
  ModifyTag: modifyTag,
  DeleteTag: deleteTag,
  UpdateIpProtection: updateIpProtection,
  GetIpProtection: getIpProtection,
  AddIpfilter: addIpfilter,
  GetIpfilterList: getIpfilterList,
  DeleteIpfilterByEdmId: deleteIpfilterByEdmId,
  UpdateMailAddressMsgCallBackUrl: updateMailAddressMsgCallBackUrl,
  GetMailAddressMsgCallBackUrl: getMailAddressMsgCallBackUrl,
};

/**
 * Every DirectMail action in `@alicloud/dm20151123` 1.9.0 plus the ones only older manuals name
 * (docs/providers/aliyun-dm.md "Other actions"). One of these that is not in HANDLERS is answered
 * `UnsupportedOperation`, naming the emulator; any other name is `InvalidApi.NotFound`, as the
 * gateway answers.
 */
const KNOWN = new Set(
  `AddIpfilter ApproveReplyMailAddress BatchSendMail ChangeDomainDkimRecord CheckDisposable
  CheckDomain CheckReplyToMailAddress ConfigSetCancelRelationFromAddress ConfigSetCreate
  ConfigSetDelete ConfigSetDetail ConfigSetList ConfigSetRelationFromAddress ConfigSetUpdate
  CreateDomain CreateMailAddress CreateReceiver CreateTag CreateUserSuppression
  DedicatedIpAutoRenewal DedicatedIpChangeWarmupType DedicatedIpList DedicatedIpNonePoolList
  DedicatedIpPoolCreate DedicatedIpPoolDelete DedicatedIpPoolList DedicatedIpPoolUpdate
  DeleteDomain DeleteInvalidAddress DeleteIpfilterByEdmId DeleteMailAddress DeleteReceiver
  DeleteReceiverDetail DeleteTag DeleteValidateFile DescAccountSummary DescDomain DescTemplate
  GetDedicatedIpWarmUpDetail GetDedicatedIpWarmUpInfo GetIpProtection GetIpfilterList
  GetSendifyAutoLoginURL GetSendifyInfo GetSuppressionListLevel GetTrackList
  GetTrackListByMailFromAndTagName GetUser GetValidateFile GetValidateFileStatus
  GetValidationQuota ListBlockSending ListUserSuppression ListValidateFile ModifyMailAddress
  ModifyPWByDomain ModifyTag OpenSendifyTrialService QueryDomainByParam QueryInvalidAddress
  QueryMailAddressByParam QueryReceiverByParam QueryReceiverDetail QueryTagByParam
  QueryTaskByParam QueryTemplateByParam RemoveUserSuppression SaveReceiverDetail
  SendTestByTemplate SendValidateFile SenderStatisticsByTagNameAndBatchID
  SenderStatisticsDetailByParam SetSuppressionListLevel SingleSendMail UnblockSending
  UpdateIpProtection UpdateUser ValidateEmail UpdateMailAddressMsgCallBackUrl
  GetMailAddressMsgCallBackUrl GetSendEmailCountByMailFrom`.split(/\s+/),
);

/** Is `action` a real DirectMail action name? */
export function isKnownAction(action: string): boolean {
  return KNOWN.has(action);
}
