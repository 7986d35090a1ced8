/**
 * Recipient groups (docs/providers/tencent-ses.md "Recipient groups"; the action of each function below): CreateReceiver, CreateReceiverDetail,
 * CreateReceiverDetailWithData, ListReceivers, ListReceiverDetails, DeleteReceiver.
 * Uploads append without de-duplication; with `uploadDelayMs` the group stays "uploading"
 * (ReceiversStatus 2) for that long on the emulator clock.
 */
import type { ActionContext, ActionResult } from './action.js';
import { isAddress } from './content.js';
import { fail } from './errors.js';
import {
  checkKnown,
  optInt,
  optObjects,
  optString,
  optStrings,
  type Params,
  paging,
  reqString,
} from './params.js';
import { readRowData, variablesMismatch } from './row-data.js';
import { groupStatus, type TcGroup, type TcRecipient, type TencentState } from './state.js';
import { formatCst } from './time.js';

const MAX_PER_CALL = 20_000;
const MAX_PER_GROUP = 50_000;
/** Longer addresses count as TooLongCount (RFC 5321 path limit). */
const MAX_EMAIL_LENGTH = 254;

/** CreateReceiver. */
export function createReceiver(a: ActionContext): ActionResult {
  const { params, state, ctx } = a;
  checkKnown(params, ['ReceiversName', 'Desc']);
  const name = reqString(params, 'ReceiversName');
  const desc = optString(params, 'Desc') ?? '';
  if (name.trim() === '' || name.length > 200) {
    fail('InvalidParameterValue.ReceiverNameIllegal', 'ReceiversName must be 1-200 characters');
  }
  if (desc.length > 300 || /[<>"'\\]/.test(desc)) {
    fail(
      'InvalidParameterValue.ReceiverDescIllegal',
      'Desc must be at most 300 characters without special characters',
    );
  }
  if ([...state.groups.values()].some((g) => g.name === name)) {
    fail(
      'InvalidParameterValue.RepeatReceiverName',
      `a recipient group named ${name} already exists`,
    );
  }
  if (state.groups.size >= state.settings.maxReceivers) {
    fail(
      'LimitExceeded.ExceedReceiverLimit',
      `at most ${state.settings.maxReceivers} recipient groups`,
    );
  }
  const id = state.ids.receiver++;
  state.groups.set(id, { id, name, desc, createdAt: ctx.now(), rows: [], uploadingUntil: 0 });
  return { ReceiverId: id };
}

/** The group an upload goes to: present, and not in the middle of another upload. */
function uploadTarget(state: TencentState, params: Params, now: number): TcGroup {
  const id = optInt(params, 'ReceiverId');
  if (id === undefined) fail('MissingParameter.ReceiverIdNecessary', 'ReceiverId is required');
  const group = state.groups.get(id);
  if (group === undefined)
    fail('OperationDenied.ReceiverNotExist', `recipient group ${id} does not exist`);
  if (groupStatus(group, now) === 2) {
    fail(
      'OperationDenied.ReceiverIsOperating',
      `recipient group ${id} is uploading; try again later`,
    );
  }
  return group;
}

function checkCounts(group: TcGroup, adding: number): void {
  if (adding > MAX_PER_CALL) {
    fail(
      'LimitExceeded.ReceiverDetailRequestLimit',
      `${adding} addresses in one call; at most ${MAX_PER_CALL}`,
    );
  }
  if (group.rows.length + adding > MAX_PER_GROUP) {
    fail(
      'LimitExceeded.ReceiverDetailCountLimit',
      `the group would hold ${group.rows.length + adding}; at most ${MAX_PER_GROUP}`,
    );
  }
}

/** Append rows and answer the five counts (the upload response). */
function append(
  state: TencentState,
  group: TcGroup,
  rows: readonly { email: string; data?: string }[],
  now: number,
): ActionResult {
  const seen = new Set(group.rows.map((r) => r.email.toLowerCase()));
  let tooLong = 0;
  let empty = 0;
  let repeat = 0;
  for (const row of rows) {
    if (row.email.trim() === '') {
      empty++;
      continue;
    }
    if (row.email.length > MAX_EMAIL_LENGTH) {
      tooLong++;
      continue;
    }
    if (seen.has(row.email.toLowerCase())) repeat++;
    seen.add(row.email.toLowerCase());
    const valid = isAddress(row.email);
    const stored: TcRecipient = {
      emailId: state.ids.emailId++,
      email: row.email,
      ...(row.data === undefined ? {} : { data: row.data }),
      createdAt: now,
      valid,
      reason: valid ? '' : 'invalid email address format',
    };
    group.rows.push(stored);
  }
  group.uploadingUntil = now + state.settings.uploadDelayMs;
  const valid = rows.length - tooLong - empty;
  return {
    TotalCount: rows.length,
    ValidCount: valid,
    TooLongCount: tooLong,
    EmptyEmailCount: empty,
    RepeatCount: repeat,
  };
}

/** CreateReceiverDetail. */
export function createReceiverDetail(a: ActionContext): ActionResult {
  const { params, state, ctx } = a;
  checkKnown(params, ['ReceiverId', 'Emails']);
  const group = uploadTarget(state, params, ctx.now());
  const emails = optStrings(params, 'Emails') ?? [];
  if (emails.length === 0)
    fail('MissingParameter.EmailsNecessary', 'Emails must hold at least one address');
  checkCounts(group, emails.length);
  const mismatch = variablesMismatch(group.rows.length > 0, group.dataKeys, undefined);
  if (mismatch !== undefined) {
    fail(
      'InvalidParameterValue.TemplateDataInconsistent',
      `Emails ${mismatch}; upload with CreateReceiverDetailWithData`,
    );
  }
  return append(
    state,
    group,
    emails.map((email) => ({ email })),
    ctx.now(),
  );
}

/** CreateReceiverDetailWithData: each row carries TemplateData (row-data.ts: ≤ 800 bytes, same keys). */
export function createReceiverDetailWithData(a: ActionContext): ActionResult {
  const { params, state, ctx } = a;
  checkKnown(params, ['ReceiverId', 'Datas']);
  const group = uploadTarget(state, params, ctx.now());
  const datas = optObjects(params, 'Datas') ?? [];
  if (datas.length === 0)
    fail('MissingParameter.EmailsNecessary', 'Datas must hold at least one row');
  checkCounts(group, datas.length);
  let keys = group.dataKeys;
  const rows = datas.map((row, i) => {
    const { email, data, rowKeys } = readDataRow(row, i);
    const mismatch = variablesMismatch(group.rows.length > 0 || i > 0, keys, rowKeys);
    if (mismatch !== undefined) {
      fail('InvalidParameterValue.TemplateDataInconsistent', `Datas.${i} ${mismatch}`);
    }
    keys = rowKeys;
    return { email, data };
  });
  if (keys !== undefined) group.dataKeys = keys;
  return append(state, group, rows, ctx.now());
}

function readDataRow(row: Params, i: number) {
  const where = `Datas.${i}.`;
  checkKnown(row, ['Email', 'TemplateData'], where);
  const email = reqString(row, 'Email', where);
  const data = reqString(row, 'TemplateData', where);
  if (email !== '' && !isAddress(email)) {
    fail(
      'InvalidParameterValue.ReceiverEmailInvalid',
      `${where}Email "${email}" is not a valid address`,
    );
  }
  const read = readRowData(data);
  if (!read.ok) fail(read.code, `${where}TemplateData ${read.problem}`);
  return { email, data, rowKeys: read.keys };
}

/** ListReceivers. */
export function listReceivers(a: ActionContext): ActionResult {
  const { params, state, ctx } = a;
  checkKnown(params, ['Offset', 'Limit', 'Status', 'KeyWord']);
  const { offset, limit } = paging(params);
  const status = optInt(params, 'Status');
  const keyword = optString(params, 'KeyWord');
  const all = [...state.groups.values()].filter(
    (g) =>
      (status === undefined || groupStatus(g, ctx.now()) === status) &&
      (keyword === undefined || g.name.includes(keyword)),
  );
  const data = all.slice(offset, offset + limit).map((g) => ({
    ReceiverId: g.id,
    ReceiversName: g.name,
    Count: g.rows.length,
    Desc: g.desc,
    ReceiversStatus: groupStatus(g, ctx.now()),
    CreateTime: formatCst(g.createdAt),
    InvalidCount: g.rows.filter((r) => !r.valid).length,
  }));
  return { TotalCount: all.length, Data: data };
}

/** ListReceiverDetails. */
export function listReceiverDetails(a: ActionContext): ActionResult {
  const { params, state } = a;
  checkKnown(params, [
    'ReceiverId',
    'Offset',
    'Limit',
    'Email',
    'CreateTimeBegin',
    'CreateTimeEnd',
    'Status',
  ]);
  const id = optInt(params, 'ReceiverId');
  if (id === undefined) fail('MissingParameter.ReceiverIdNecessary', 'ReceiverId is required');
  const { offset, limit } = paging(params);
  const group = state.groups.get(id);
  if (group === undefined)
    fail('OperationDenied.ReceiverNotExist', `recipient group ${id} does not exist`);
  const email = optString(params, 'Email');
  const status = optInt(params, 'Status');
  const begin = optString(params, 'CreateTimeBegin');
  const end = optString(params, 'CreateTimeEnd');
  const rows = group.rows.filter(
    (r) =>
      (email === undefined || r.email.includes(email)) &&
      (status === undefined || (r.valid ? 1 : 2) === status) &&
      (begin === undefined || formatCst(r.createdAt) >= begin) &&
      (end === undefined || formatCst(r.createdAt) <= end),
  );
  const data = rows.slice(offset, offset + limit).map((r) => ({
    Email: r.email,
    CreateTime: formatCst(r.createdAt),
    TemplateData: r.data ?? '',
    Reason: r.reason,
    Status: r.valid ? 1 : 2,
    EmailId: r.emailId,
  }));
  const valid = group.rows.filter((r) => r.valid).length;
  return {
    TotalCount: rows.length,
    Data: data,
    ValidCount: valid,
    InvalidCount: group.rows.length - valid,
  };
}

/** DeleteReceiver. */
export function deleteReceiver(a: ActionContext): ActionResult {
  const { params, state } = a;
  checkKnown(params, ['ReceiverId']);
  const id = optInt(params, 'ReceiverId');
  if (id === undefined) fail('MissingParameter.ReceiverIdNecessary', 'ReceiverId is required');
  if (!state.groups.delete(id))
    fail('OperationDenied.ReceiverNotExist', `recipient group ${id} does not exist`);
  return {};
}
