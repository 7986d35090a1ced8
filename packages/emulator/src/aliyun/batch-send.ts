import type { OutboxEntry } from '../types.js';
import type { DmCall } from './call.js';
import { fail } from './errors.js';
import { type DmBody, RawNumber } from './render.js';
import {
  checkAddressType,
  checkOptions,
  checkSender,
  readHeaders,
  readReply,
  readTag,
  renderTemplate,
} from './send-common.js';
import type { DmReceiver, DmState, DmTemplate } from './state.js';
import { charLength, required } from './validate.js';

/**
 * An approved template by name (≤30 characters, docs/providers/aliyun-dm-limits.md
 * "Sending (SingleSendMail, BatchSendMail)").
 */
function findTemplate(state: DmState, name: string): DmTemplate {
  if (charLength(name) > 30) fail('InvalidTemplateName.Malformed', 'At most 30 characters.');
  const template = state.templateByName(name);
  if (!template) fail('InvalidTemplate.NotFound', `No template named ${name}.`);
  if (template.status !== 'approved') {
    fail(
      'InvalidTemplateStatus.Malformed',
      `Template ${name} is ${template.status}, not approved.`,
    );
  }
  return template;
}

/** A recipient list by name (1–30 characters, SDK) that holds at least one recipient. */
function findReceiver(state: DmState, name: string): DmReceiver {
  if (charLength(name) > 30) fail('InvalidReceiverName.Malformed', 'At most 30 characters.');
  const receiver = state.receiverByName(name);
  if (!receiver) fail('InvalidReceiver.NotFound', `No recipient list named ${name}.`);
  if (receiver.members.size === 0) {
    fail('InvalidReceiverStatus.Malformed', `Recipient list ${name} is empty.`);
  }
  return receiver;
}

/** One copy per list member, the template rendered with `{EAddr}` and the member's fields. */
function personalise(
  base: Omit<OutboxEntry, 'to' | 'subject'>,
  template: DmTemplate,
  receiver: DmReceiver,
): OutboxEntry[] {
  return [...receiver.members.values()].map((member) => {
    const vars = { ...member.data, EAddr: member.email };
    return {
      ...base,
      to: member.email,
      subject: renderTemplate(template.subject, vars),
      templateData: vars,
      ...(template.html !== undefined && { html: renderTemplate(template.html, vars) }),
      ...(template.text !== undefined && { text: renderTemplate(template.text, vars) }),
    };
  });
}

/**
 * BatchSendMail (docs/providers/aliyun-dm.md "Sending" and "Error codes"): renders the template
 * once per recipient with that recipient's variables (`{EAddr}` plus the uploaded fields), records
 * one outbox copy each under one EnvId (messageId and taskId), and a task for QueryTaskByParam.
 */
export function batchSendMail(call: DmCall): DmBody {
  const { params, state } = call;
  const accountName = required(params, 'AccountName');
  required(params, 'AddressType');
  const templateName = required(params, 'TemplateName');
  const receiversName = required(params, 'ReceiversName');
  const addressType = checkAddressType(params);
  checkOptions(params);
  const sender = checkSender(state, accountName, 'batch');
  const template = findTemplate(state, templateName);
  const receiver = findReceiver(state, receiversName);
  const reply = readReply(params).address;
  const tag = readTag(params, state);
  const headers = readHeaders(params);
  const envId = state.nextEnvId();
  const base = {
    provider: 'aliyun-dm' as const,
    action: 'BatchSendMail',
    from: sender.address,
    templateId: template.name,
    ...(reply !== undefined && { replyTo: reply }),
    ...(tag !== undefined && { tag }),
    ...(headers !== undefined && { headers }),
    time: call.now,
    requestId: call.requestId,
    messageId: envId,
    taskId: envId,
  };
  const copies = personalise(base, template, receiver);
  receiver.lastBatchAt = call.now;
  state.tasks.push({
    id: envId,
    templateName: template.name,
    receiversName: receiver.name,
    tagName: tag ?? '',
    addressType,
    requestCount: copies.length,
    createTime: call.now,
  });
  call.ctx.deliver(copies);
  return { EnvId: new RawNumber(envId) };
}
