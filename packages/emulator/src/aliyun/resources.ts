/**
 * Account-resource actions (docs/providers/resources.md §1-§3, request and response fields as
 * `@alicloud/dm20151123` 1.9.0 models them): DescTemplate, QueryDomainByParam, DescDomain,
 * CreateDomain, DeleteDomain, CreateMailAddress, DeleteMailAddress. State lives in `DmState`,
 * so a domain or address created here can send at once when its domain is verified.
 */
import type { DmCall } from './call.js';
import { DmFailure, fail } from './errors.js';
import { listAnswer, matches } from './queries.js';
import type { DmBody } from './render.js';
import { type DmDomain, type SendType, TEMPLATE_STATUS_CODE } from './state.js';
import { createTimeOf, domainOf, isEmail, required, utcSeconds } from './validate.js';

const DOMAIN = /^[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/;
/** The account's limit on sender domains (emulator choice; InvalidDomainNumber.Malformed). */
const MAX_DOMAINS = 20;

const notFound = (code: string, what: string): never => {
  throw new DmFailure(code, `The specified ${what} does not exist.`, 404);
};

/** DescTemplate: one template by TemplateId. */
export function descTemplate(call: DmCall): DmBody {
  const id = required(call.params, 'TemplateId');
  const t = call.state.templates.get(id) ?? notFound('InvalidTemplate.NotFound', 'template');
  return {
    TemplateName: t.name,
    TemplateNickName: '',
    TemplateSubject: t.subject,
    TemplateText: t.html ?? t.text ?? '',
    TemplateStatus: TEMPLATE_STATUS_CODE[t.status],
    TemplateType: '0',
    CreateTime: createTimeOf(t.createTime),
    Remark: t.status === 'rejected' ? 'Rejected in review' : '',
    SmsContent: '',
    SmsType: '',
  };
}

function domainById(call: DmCall, id: string): DmDomain {
  if (!/^\d+$/.test(id)) fail('InvalidDomainId.Malformed', `Got "${id}".`);
  for (const d of call.state.domains.values()) if (d.id === id) return d;
  return notFound('InvalidDomain.NotFound', 'domain');
}

/** The domain fields every answer shares; `0` means passed for each check. */
function domainFields(d: DmDomain) {
  const ok = d.verified ? '0' : '1';
  return {
    DomainId: d.id,
    DomainName: d.name,
    DomainRecord: `dm-verify-${d.id}`,
    DomainStatus: ok,
    ConfirmStatus: ok,
    MxAuthStatus: ok,
    SpfAuthStatus: ok,
    CnameAuthStatus: ok,
    IcpStatus: '1',
    CreateTime: createTimeOf(d.createTime),
    UtcCreateTime: utcSeconds(d.createTime),
  };
}

/** QueryDomainByParam: KeyWord (in the name), Status (0 normal, 1 abnormal), PageNo, PageSize (10). */
export function queryDomainByParam(call: DmCall): DmBody {
  const keyword = call.params.opt('KeyWord');
  const status = call.params.opt('Status');
  if (status !== undefined && status !== '0' && status !== '1') {
    fail('InvalidDomainStatus.Malformed', `Status must be 0 or 1, got "${status}".`);
  }
  const rows = [...call.state.domains.values()]
    .filter((d) => matches(keyword, d.name))
    .filter((d) => status === undefined || (d.verified ? '0' : '1') === status)
    .map(domainFields);
  return listAnswer(call, rows, 'domain', 10);
}

/** DescDomain: the records to publish for one domain and their check results. */
export function descDomain(call: DmCall): DmBody {
  const d = domainById(call, required(call.params, 'DomainId'));
  return {
    ...domainFields(d),
    DomainType: `dm-verify-${d.id}`,
    SpfRecord: 'include:spf1.dm.aliyun.com',
    MxRecord: 'mx01.dm.aliyun.com',
    CnameRecord: 'dmtrace',
    TracefRecord: 'tracedm.aliyuncs.com',
    DnsMx: d.verified ? 'mx01.dm.aliyun.com' : '',
    DnsSpf: d.verified ? 'v=spf1 include:spf1.dm.aliyun.com -all' : '',
    DnsTxt: d.verified ? `dm-verify-${d.id}` : '',
    DefaultDomain: '0',
    TlDomainName: d.name.split('.').slice(-2).join('.'),
  };
}

/** CreateDomain: a new, unverified domain; answers its DomainId. */
export function createDomain(call: DmCall): DmBody {
  const name = required(call.params, 'DomainName').toLowerCase();
  if (!DOMAIN.test(name) || name.length > 253)
    fail('InvalidDomainName.Malformed', `Got "${name}".`);
  if (call.state.domains.has(name)) fail('InvalidDomainName.Duplicate', `${name} exists.`);
  if (call.state.domains.size >= MAX_DOMAINS) fail('InvalidDomainNumber.Malformed');
  const id = call.state.nextId();
  call.state.domains.set(name, { id, name, verified: false, createTime: call.now });
  return { DomainId: id };
}

/** DeleteDomain: removes the domain; its sender addresses cannot send any more. */
export function deleteDomain(call: DmCall): DmBody {
  const d = domainById(call, required(call.params, 'DomainId'));
  call.state.domains.delete(d.name);
  return {};
}

/** CreateMailAddress: AccountName on a domain of the account, Sendtype batch or trigger. */
export function createMailAddress(call: DmCall): DmBody {
  const address = required(call.params, 'AccountName').toLowerCase();
  const sendType = required(call.params, 'Sendtype');
  if (sendType !== 'batch' && sendType !== 'trigger') {
    fail('InvalidMailAddressSendType.Malformed', `Sendtype must be batch or trigger.`);
  }
  if (!isEmail(address)) fail('InvalidMailAddressName.Malformed', `Got "${address}".`);
  if (!call.state.domains.has(domainOf(address))) {
    fail(
      'InvalidMailAddressDomain.Malformed',
      `${domainOf(address)} is not a domain of the account.`,
    );
  }
  if (call.state.senderByAddress(address)) fail('InvalidMailAddressName.Duplicate');
  const id = call.state.nextId();
  call.state.senders.set(address, {
    id,
    address,
    sendType: sendType as SendType,
    frozen: false,
    replyAddress: call.params.opt('ReplyAddress'),
    replyVerified: false,
    createTime: call.now,
  });
  return { MailAddressId: id };
}

/** DeleteMailAddress: by MailAddressId. */
export function deleteMailAddress(call: DmCall): DmBody {
  const id = required(call.params, 'MailAddressId');
  for (const [key, s] of call.state.senders) {
    if (s.id === id) {
      call.state.senders.delete(key);
      return {};
    }
  }
  return notFound('InvalidMailAddress.NotFound', 'sender address');
}
