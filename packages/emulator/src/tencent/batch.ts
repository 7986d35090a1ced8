/**
 * BatchSendEmail (docs/providers/tencent-ses.md "Sending", https://www.tencentcloud.com/document/api/1084/43052): validate, create a task, and deliver one copy
 * per valid group recipient when it fires: at once (TaskType 1), at TimedParam.BeginTime (2),
 * or every CycleParam.IntervalTime hours from BeginTime (3), on the emulator clock.
 */
import type { ActionContext, ActionResult } from './action.js';
import { isAddress, parseSender, readTemplateData, variablesOf } from './content.js';
import { fail } from './errors.js';
import {
  checkKnown,
  optInt,
  optObject,
  optObjects,
  optString,
  type Params,
  reqInt,
} from './params.js';
import { readSchedule } from './schedule.js';
import { checkUnsubscribe } from './send.js';
import { readSimple, senderProblem } from './send-content.js';
import { groupStatus, type TcGroup, type TcTask, type TencentState } from './state.js';
import { fireTask } from './tick.js';

/** docs/providers/tencent-ses-limits.md "The limits": the whole email at most 4 MB. */
const MAX_EMAIL_BYTES = 4 * 1024 * 1024;

const FIELDS = [
  'FromEmailAddress',
  'ReceiverId',
  'Subject',
  'TaskType',
  'ReplyToAddresses',
  'Template',
  'Simple',
  'Attachments',
  'CycleParam',
  'TimedParam',
  'Unsubscribe',
  'ADLocation',
];

/** The required fields of a batch (the error table of BatchSendEmail's page), checked before any state. */
function readRequired(params: Params) {
  const from = optString(params, 'FromEmailAddress') ?? '';
  const receiverId = optInt(params, 'ReceiverId');
  const hasContent =
    optObject(params, 'Template') !== undefined || optObject(params, 'Simple') !== undefined;
  if (from === '' || receiverId === undefined || !hasContent) {
    fail(
      'MissingParameter.SendParamNecessary',
      'FromEmailAddress, ReceiverId and Template are all required',
    );
  }
  const subject = optString(params, 'Subject') ?? '';
  // Characters are code points (an emoji is one), as the core counts them.
  const length = [...subject].length;
  if (length < 1 || length > 100) {
    fail(
      'InvalidParameterValue.SubjectLengthError',
      `Subject must be 1-100 characters, got ${length}`,
    );
  }
  const taskType = reqInt(params, 'TaskType');
  if (taskType !== 1 && taskType !== 2 && taskType !== 3) {
    fail('InvalidParameterValue', 'TaskType must be 1 (now), 2 (scheduled) or 3 (recurring)');
  }
  if ((optObjects(params, 'Attachments') ?? []).length > 0) {
    // docs/providers/tencent-ses.md "Sending": attachments are "not supported yet" for batches; the most specific documented
    // attachment-permission code is used.
    fail('FailedOperation.NoAttachPermission', 'BatchSendEmail does not support attachments');
  }
  return { from, receiverId, subject, taskType: taskType as 1 | 2 | 3 };
}

/** Handle BatchSendEmail. */
export function batchSendEmail(a: ActionContext): ActionResult {
  const { params, state, ctx } = a;
  checkKnown(params, FIELDS);
  const { from, receiverId, subject, taskType } = readRequired(params);
  const schedule = readSchedule(params, taskType, ctx.now());
  const replyTo = readBatchOptions(params);
  const sender = parseSender(from);
  const problem = senderProblem(state, sender);
  if (problem !== undefined) fail('OperationDenied.SendAddressStatusError', problem);
  const group = readyGroup(state, receiverId, ctx.now());
  const content = readBatchContent(state, params, group);
  const task: TcTask = {
    id: state.ids.task++,
    from,
    receiverId,
    receiversName: group.name,
    subject,
    ...content,
    ...(replyTo === undefined ? {} : { replyTo }),
    type: taskType,
    ...schedule,
    status: 1,
    requestCount: 0,
    sendCount: 0,
    firings: 0,
    createdAt: ctx.now(),
    updatedAt: ctx.now(),
    errMsg: '',
    requestId: a.requestId,
  };
  state.tasks.set(task.id, task);
  if (taskType === 1) fireTask(state, ctx, task, ctx.now());
  return { TaskId: task.id };
}

function readBatchOptions(params: Params): string | undefined {
  checkUnsubscribe(params);
  const ad = optInt(params, 'ADLocation');
  if (ad !== undefined && ad !== 0 && ad !== 1 && ad !== 2) {
    fail('InvalidParameterValue', 'ADLocation must be 0, 1 or 2');
  }
  const replyTo = optString(params, 'ReplyToAddresses');
  if (replyTo !== undefined && !isAddress(replyTo)) {
    fail(
      'FailedOperation.IncorrectEmail',
      `ReplyToAddresses "${replyTo}" is not one valid address`,
    );
  }
  return replyTo;
}

/** docs/providers/tencent-ses.md "Recipient groups": the group must exist, be non-empty and fully uploaded. */
function readyGroup(state: TencentState, id: number, now: number): TcGroup {
  const group = state.groups.get(id);
  if (group === undefined)
    fail('OperationDenied.ReceiverNotExist', `recipient group ${id} does not exist`);
  const status = groupStatus(group, now);
  if (status !== 3) {
    const why = status === 2 ? 'is still uploading' : 'is empty';
    fail('OperationDenied.ReceiverStatusError', `recipient group ${id} ${why}`);
  }
  return group;
}

type TaskContent = Pick<TcTask, 'template' | 'simple'>;

function readBatchContent(state: TencentState, params: Params, group: TcGroup): TaskContent {
  const simple = optObject(params, 'Simple');
  const template = optObject(params, 'Template');
  if (template === undefined) {
    const body = readSimple(state, simple ?? {});
    const size = Buffer.byteLength(body.html ?? '') + Buffer.byteLength(body.text ?? '');
    if (size > MAX_EMAIL_BYTES) {
      fail('FailedOperation.EmailContentToolarge', `the email is ${size} bytes; at most 4 MB`);
    }
    return {
      simple: {
        ...(body.html === undefined ? {} : { html: body.html }),
        ...(body.text === undefined ? {} : { text: body.text }),
      },
    };
  }
  checkKnown(template, ['TemplateID', 'TemplateData'], 'Template.');
  const id = reqInt(template, 'TemplateID', 'Template.');
  const stored = state.templates.get(id);
  if (stored === undefined || stored.status !== 0) {
    const why = stored === undefined ? 'does not exist' : 'is not approved';
    fail('OperationDenied.TemplateStatusError', `template ${id} ${why}`);
  }
  // With per-recipient data in the group, TemplateData may be empty (docs/providers/tencent-ses.md "Sending").
  const data = optString(template, 'TemplateData', 'Template.') ?? '';
  const parsed = data === '' ? { ok: true as const, data: {} } : readTemplateData(data);
  if (!parsed.ok) {
    fail(
      'InvalidParameterValue.TemplateDataError',
      'Template.TemplateData must be a JSON object string of string values',
    );
  }
  if (group.dataKeys !== undefined) {
    const known = new Set([...group.dataKeys, ...Object.keys(parsed.data)]);
    const missing = [...variablesOf(stored.html, stored.text, params.Subject as string)].filter(
      (v) => !known.has(v),
    );
    if (missing.length > 0) {
      fail(
        'InvalidParameterValue.TemplateNotMatchData',
        `template variables ${missing.join(', ')} are not in the group's data`,
      );
    }
  }
  return { template: { id, data } };
}
