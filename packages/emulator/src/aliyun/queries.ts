import type { DmCall } from './call.js';
import { fail } from './errors.js';
import type { DmBody } from './render.js';
import { TEMPLATE_STATUS_CODE } from './state.js';
import {
  addressOf,
  checkTagName,
  createTimeOf,
  DAY_MS,
  intParam,
  paginate,
  paging,
  required,
  utcSeconds,
} from './validate.js';

/**
 * Read-mostly actions (docs/providers/aliyun-dm.md "Other actions"): templates, tasks, sender
 * addresses, tags and the account summary. List answers wrap their rows in a lowercase `data.<row>`
 * array, as the SDK models do.
 */

/** Does any text contain the keyword (case-insensitive)? No keyword matches all. */
export function matches(keyword: string | undefined, ...texts: string[]): boolean {
  if (keyword === undefined) return true;
  const k = keyword.toLowerCase();
  return texts.some((t) => t.toLowerCase().includes(k));
}

/** A PageNo/PageSize list answer wrapping its rows in `data.<row>`, as the SDK models do. */
export function listAnswer(
  call: DmCall,
  rows: readonly DmBody[],
  row: string,
  size: number,
): DmBody {
  const { pageNo, pageSize } = paging(call.params, size);
  return {
    TotalCount: rows.length,
    PageNumber: pageNo,
    PageSize: pageSize,
    data: { [row]: paginate(rows, pageNo, pageSize) },
  };
}

/** QueryTemplateByParam: KeyWord, PageNo (1), PageSize (20); Status and FromType are ignored. */
export function queryTemplateByParam(call: DmCall): DmBody {
  const keyword = call.params.opt('KeyWord');
  const rows = [...call.state.templates.values()]
    .filter((t) => matches(keyword, t.name))
    .map((t) => ({
      TemplateId: t.id,
      TemplateName: t.name,
      TemplateComment: '',
      TemplateStatus: TEMPLATE_STATUS_CODE[t.status],
      TemplateType: 0,
      CreateTime: createTimeOf(t.createTime),
      UtcCreatetime: utcSeconds(t.createTime),
      SmsStatus: 0,
      SmsTemplateCode: 0,
      Smsrejectinfo: 0,
    }));
  return listAnswer(call, rows, 'template', 20);
}

/** QueryTaskByParam: batch sends, newest first; TaskStatus "1" = sent successfully. */
export function queryTaskByParam(call: DmCall): DmBody {
  const keyword = call.params.opt('KeyWord');
  const status = intParam(call.params, 'Status', { min: 0, max: 9, fallback: 1 });
  const rows = [...call.state.tasks]
    .reverse()
    .filter((t) => status === 1 && matches(keyword, t.templateName, t.receiversName, t.tagName))
    .map((t) => ({
      TaskId: t.id,
      TemplateName: t.templateName,
      ReceiversName: t.receiversName,
      TagName: t.tagName,
      TaskStatus: '1',
      AddressType: t.addressType,
      RequestCount: String(t.requestCount),
      CreateTime: createTimeOf(t.createTime),
      UtcCreateTime: utcSeconds(t.createTime),
      IpPoolId: '',
      IpPoolName: '',
      ConfigSetId: '',
      ConfigSetName: '',
    }));
  return listAnswer(call, rows, 'task', 10);
}

function sentSince(call: DmCall, account: string | undefined, since: number): number {
  return call.ctx.outbox.filter(
    (e) =>
      e.provider === 'aliyun-dm' &&
      e.time >= since &&
      (account === undefined || addressOf(e.from) === account),
  ).length;
}

/** QueryMailAddressByParam: KeyWord (in the address), Sendtype, PageNo/PageSize; SDK casing. */
export function queryMailAddressByParam(call: DmCall): DmBody {
  const keyword = call.params.opt('KeyWord');
  const sendtype = call.params.opt('Sendtype');
  const rows = [...call.state.senders.values()]
    .filter(
      (s) => matches(keyword, s.address) && (sendtype === undefined || s.sendType === sendtype),
    )
    .map((s) => {
      const verified = call.state.domains.get(s.address.split('@')[1] ?? '')?.verified === true;
      return {
        MailAddressId: s.id,
        AccountName: s.address,
        Sendtype: s.sendType,
        ReplyAddress: s.replyAddress ?? '',
        ReplyStatus: s.replyVerified ? '1' : '0',
        AccountStatus: s.frozen ? '1' : '0',
        DomainStatus: verified ? '0' : '1',
        DailyCount: '2000',
        MonthCount: '60000',
        DailyReqCount: String(sentSince(call, s.address, call.now - DAY_MS)),
        MonthReqCount: String(sentSince(call, s.address, call.now - 30 * DAY_MS)),
        CreateTime: createTimeOf(s.createTime),
        ConfigSetId: '',
        ConfigSetName: '',
      };
    });
  return listAnswer(call, rows, 'mailAddress', 10);
}

/** CreateTag: TagName 1–128 of `[A-Za-z0-9_-]`, unique; answers the new TagId. */
export function createTag(call: DmCall): DmBody {
  const { params, state } = call;
  const name = required(params, 'TagName');
  checkTagName(name);
  if (state.tagByName(name)) fail('InvalidTagName.Malformed', `Tag ${name} already exists.`);
  const id = state.nextId();
  state.tags.set(id, { id, name, description: params.opt('TagDescription') ?? '' });
  return { TagId: id };
}

/** QueryTagByParam: KeyWord, PageNo, PageSize. */
export function queryTagByParam(call: DmCall): DmBody {
  const keyword = call.params.opt('KeyWord');
  const rows = [...call.state.tags.values()]
    .filter((t) => matches(keyword, t.name))
    .map((t) => ({ TagId: t.id, TagName: t.name, TagDescription: t.description }));
  return listAnswer(call, rows, 'tag', 10);
}

const DAILY_QUOTA = 2000;

/**
 * DescAccountSummary: fixed quotas (the 2019 manual's example values, docs/providers/aliyun-dm.md
 * "Other actions") and live resource counts.
 */
export function descAccountSummary(call: DmCall): DmBody {
  const { state } = call;
  const today = sentSince(call, undefined, call.now - (call.now % DAY_MS));
  return {
    DailyQuota: DAILY_QUOTA,
    MonthQuota: 60000,
    QuotaLevel: 2,
    MaxQuotaLevel: 10,
    Domains: state.domains.size,
    MailAddresses: state.senders.size,
    Receivers: state.receivers.size,
    Templates: state.templates.size,
    Tags: state.tags.size,
    EnableTimes: 0,
    UserStatus: 0,
    DailyRemainFreeQuota: Math.max(0, DAILY_QUOTA - today),
    RemainFreeQuota: Math.max(0, DAILY_QUOTA - today),
    IpChannelType: 'normal',
    DayuStatus: 0,
    SmsRecord: 0,
    SmsSign: 0,
    SmsTemplates: 0,
  };
}
