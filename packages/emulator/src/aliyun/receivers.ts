import { randomUUID } from 'node:crypto';
import type { DmCall } from './call.js';
import { fail, invalid } from './errors.js';
import type { DmBody } from './render.js';
import type { DmMember, DmReceiver, DmState } from './state.js';
import {
  charLength,
  createTimeOf,
  intParam,
  isEmail,
  paginate,
  paging,
  required,
  utcSeconds,
} from './validate.js';

/** Recipient lists (docs/providers/aliyun-dm.md "Recipient lists" and "Error codes"). */

/**
 * Keep a list at least 10 minutes after a BatchSendMail used it (docs/providers/aliyun-dm.md
 * "Recipient lists").
 */
const KEEP_AFTER_BATCH_MS = 10 * 60 * 1000;
const MAX_DETAILS_PER_CALL = 500;
/** The schema QueryReceiverDetail reports, in Detail field order (u, n, g, b, m). */
const DATA_SCHEMA = 'UserName,NickName,Gender,Birthday,Mobile';

function findById(state: DmState, id: string): DmReceiver {
  const receiver = state.receivers.get(id);
  if (!receiver) fail('InvalidReceiver.NotFound', `No recipient list with id ${id}.`);
  return receiver;
}

/** CreateReceiver: a unique ReceiversName of 1–30 characters and an alias under 30. */
export function createReceiver(call: DmCall): DmBody {
  const { params, state } = call;
  const name = required(params, 'ReceiversName');
  const alias = required(params, 'ReceiversAlias');
  if (charLength(name) > 30) fail('InvalidReceiverName.Malformed', 'At most 30 characters.');
  if (charLength(alias) >= 30) {
    fail('InvalidReceiverName.Malformed', 'ReceiversAlias must be under 30 characters.');
  }
  if (state.receiverByName(name)) fail('InvalidReceiverName.Malformed', `${name} already exists.`);
  const id = randomUUID().replace(/-/g, '');
  state.receivers.set(id, {
    id,
    name,
    alias,
    desc: params.opt('Desc') ?? '',
    createTime: call.now,
    members: new Map(),
    lastBatchAt: undefined,
  });
  return { ReceiverId: id };
}

function parseArray(params: DmCall['params'], name: string): unknown[] {
  const raw = params.opt(name);
  if (raw === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // answered below
  }
  invalid(name, 'expected a JSON array serialized as a string.');
}

/** CustomDetail `[{"Email","CustomData":{…}}]`: extra template variables per address. */
function customData(params: DmCall['params']): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const item of parseArray(params, 'CustomDetail')) {
    if (typeof item !== 'object' || item === null) continue;
    const { Email: email, CustomData: data } = item as { Email?: unknown; CustomData?: unknown };
    if (typeof email !== 'string' || typeof data !== 'object' || data === null) continue;
    const vars: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) vars[key] = String(value);
    out.set(email.toLowerCase(), vars);
  }
  return out;
}

const FIELDS: readonly (readonly [string, string])[] = [
  ['u', 'UserName'],
  ['n', 'NickName'],
  ['g', 'Gender'],
  ['b', 'Birthday'],
  ['m', 'Mobile'],
];

/** One Detail entry `{e,u,n,g,b,m}` → a member, or the reason it was refused. */
function toMember(entry: unknown, receiver: DmReceiver, now: number): DmMember | string {
  const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
    string,
    unknown
  >;
  const email = fields['e'];
  if (typeof email !== 'string' || !isEmail(email)) return 'Invalid email address.';
  if (receiver.members.has(email.toLowerCase())) return 'Duplicate email address.';
  const data: Record<string, string> = {};
  for (const [short, long] of FIELDS) {
    const value = fields[short];
    if (value !== undefined && value !== null && value !== '') data[long] = String(value);
  }
  // UserName ≤75 and NickName ≤25 characters (guide "Create recipient lists", doc-detail/57125).
  if (charLength(data['UserName'] ?? '') > 75) return 'UserName is over 75 characters.';
  if (charLength(data['NickName'] ?? '') > 25) return 'NickName is over 25 characters.';
  return { email, data, createTime: now };
}

/**
 * SaveReceiverDetail: up to 500 recipients per call. A bad or duplicate address counts in
 * ErrorCount and is listed in `Data.Detail` (capital D, unlike other answers); it does not
 * fail the call (docs/providers/aliyun-dm.md "Recipient lists").
 */
export function saveReceiverDetail(call: DmCall): DmBody {
  const { params, state } = call;
  const receiver = findById(state, required(params, 'ReceiverId'));
  required(params, 'Detail');
  const entries = parseArray(params, 'Detail');
  if (entries.length > MAX_DETAILS_PER_CALL) {
    invalid('Detail', `${entries.length} recipients; at most ${MAX_DETAILS_PER_CALL} per call.`);
  }
  const custom = customData(params);
  const errors: { Email: string; ErrMessage: string }[] = [];
  for (const entry of entries) {
    const member = toMember(entry, receiver, call.now);
    if (typeof member === 'string') {
      const e = (entry as { e?: unknown } | null)?.e;
      errors.push({ Email: typeof e === 'string' ? e : '', ErrMessage: member });
      continue;
    }
    const data = { ...member.data, ...custom.get(member.email.toLowerCase()) };
    receiver.members.set(member.email.toLowerCase(), { ...member, data });
  }
  return {
    SuccessCount: entries.length - errors.length,
    ErrorCount: errors.length,
    Data: { Detail: errors },
  };
}

/** QueryReceiverByParam: KeyWord (in the name), Status (0 uploading, 1 done), PageNo/PageSize. */
export function queryReceiverByParam(call: DmCall): DmBody {
  const { params, state } = call;
  const { pageNo, pageSize } = paging(params, 10);
  const status = intParam(params, 'Status', { min: 0, max: 1, fallback: -1 });
  const keyword = params.opt('KeyWord')?.toLowerCase();
  // Uploads finish at once in the emulator, so every list is "1" (upload complete).
  const lists = [...state.receivers.values()].filter(
    (r) => (keyword === undefined || r.name.toLowerCase().includes(keyword)) && status !== 0,
  );
  const page = paginate(lists, pageNo, pageSize);
  const more = pageNo * pageSize < lists.length;
  return {
    TotalCount: lists.length,
    PageSize: pageSize,
    NextStart: more ? String(pageNo + 1) : '',
    data: {
      receiver: page.map((r) => ({
        ReceiverId: r.id,
        ReceiversName: r.name,
        ReceiversAlias: r.alias,
        ReceiversStatus: '1',
        Count: String(r.members.size),
        Desc: r.desc,
        CreateTime: createTimeOf(r.createTime),
        UtcCreateTime: utcSeconds(r.createTime),
      })),
    },
  };
}

/**
 * QueryReceiverDetail: NextStart is an offset (default "0"); `Data` is the member's
 * variables as a JSON object string (the real format is unconfirmed, docs/providers/aliyun-dm.md
 * "Recipient lists").
 */
export function queryReceiverDetail(call: DmCall): DmBody {
  const { params, state } = call;
  const receiver = findById(state, required(params, 'ReceiverId'));
  const keyword = params.opt('KeyWord')?.toLowerCase();
  if (keyword !== undefined && keyword.length > 50) invalid('KeyWord', 'at most 50 characters.');
  const start = intParam(params, 'NextStart', {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    fallback: 0,
  });
  const pageSize = intParam(params, 'PageSize', { min: 1, max: 100, fallback: 10 });
  const members = [...receiver.members.values()].filter(
    (m) => keyword === undefined || m.email.toLowerCase().includes(keyword),
  );
  const page = members.slice(start, start + pageSize);
  const next = start + pageSize < members.length ? String(start + pageSize) : '';
  return {
    TotalCount: members.length,
    NextStart: next,
    DataSchema: DATA_SCHEMA,
    data: {
      detail: page.map((m) => ({
        Email: m.email,
        Data: JSON.stringify(m.data),
        CreateTime: createTimeOf(m.createTime),
        UtcCreateTime: utcSeconds(m.createTime),
      })),
    },
  };
}

/** DeleteReceiver: refused (InvalidReceiverStatus.Malformed) within 10 minutes of a batch send. */
export function deleteReceiver(call: DmCall): DmBody {
  const receiver = findById(call.state, required(call.params, 'ReceiverId'));
  if (receiver.lastBatchAt !== undefined && call.now - receiver.lastBatchAt < KEEP_AFTER_BATCH_MS) {
    fail(
      'InvalidReceiverStatus.Malformed',
      'The list was used by BatchSendMail in the last 10 minutes.',
    );
  }
  call.state.receivers.delete(receiver.id);
  return {};
}

/**
 * DeleteReceiverDetail: removes one address. `Email` is optional in the 2019 manual and the SDK
 * (docs/providers/aliyun-dm.md "Recipient lists"), but what the service does without it is
 * unconfirmed, so the emulator requires it (MissingEmail).
 */
export function deleteReceiverDetail(call: DmCall): DmBody {
  const receiver = findById(call.state, required(call.params, 'ReceiverId'));
  const email = required(call.params, 'Email');
  if (!isEmail(email)) fail('InvalidReceiverName.Malformed', `Got "${email}".`);
  receiver.members.delete(email.toLowerCase());
  return {};
}
