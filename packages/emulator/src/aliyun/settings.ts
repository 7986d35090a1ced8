/**
 * The seed actions for tags after creation, IP protection and the sender callback URL
 * (docs/providers/aliyun-dm.md "Other actions"; docs/providers/aliyun-dm-limits.md). Their state
 * hangs off the account's `DmState` through a WeakMap, so `reset()` (a new DmState) starts them
 * afresh.
 */
import type { DmCall } from './call.js';
import { fail, invalid } from './errors.js';
import type { DmBody } from './render.js';
import type { DmState } from './state.js';
import { checkTagName, createTimeOf, required } from './validate.js';

interface Settings {
  ipProtection: '0' | '1';
  readonly ipfilters: Map<
    string,
    { readonly id: string; readonly ip: string; readonly at: number }
  >;
  readonly callbacks: Map<string, string>;
  counter: number;
}

const SETTINGS = new WeakMap<DmState, Settings>();

function settingsOf(state: DmState): Settings {
  let settings = SETTINGS.get(state);
  if (settings === undefined) {
    // Off until UpdateIpProtection turns it on: the documents give no default, and off is
    // what lets a new emulator account send from anywhere.
    settings = { ipProtection: '0', ipfilters: new Map(), callbacks: new Map(), counter: 0 };
    SETTINGS.set(state, settings);
  }
  return settings;
}

/** The tag `TagId` names, or `InvalidParameter` (the seeds name no code for an unknown tag). */
function tagOf(call: DmCall) {
  const id = required(call.params, 'TagId');
  const tag = call.state.tags.get(id);
  if (!tag) fail('InvalidParameter', `TagId ${id} does not exist.`);
  return tag;
}

/** ModifyTag: TagId, TagName (same rules as CreateTag, unique), TagDescription. */
export function modifyTag(call: DmCall): DmBody {
  const tag = tagOf(call);
  const name = required(call.params, 'TagName');
  checkTagName(name);
  const other = call.state.tagByName(name);
  if (other && other.id !== tag.id) fail('InvalidTagName.Malformed', `Tag ${name} already exists.`);
  const description = call.params.opt('TagDescription') ?? tag.description;
  call.state.tags.set(tag.id, { ...tag, name, description });
  return {};
}

/** DeleteTag: TagId. */
export function deleteTag(call: DmCall): DmBody {
  call.state.tags.delete(tagOf(call).id);
  return {};
}

/** UpdateIpProtection: `IpProtection` "1" on, "0" off. */
export function updateIpProtection(call: DmCall): DmBody {
  const value = required(call.params, 'IpProtection');
  if (value !== '0' && value !== '1') invalid('IpProtection', 'Use "0" or "1".');
  settingsOf(call.state).ipProtection = value;
  return {};
}

/** GetIpProtection. */
export function getIpProtection(call: DmCall): DmBody {
  return { IpProtection: settingsOf(call.state).ipProtection };
}

// A single IPv4 address, an `a-b` range of two, or a CIDR block (AddIpfilter,
// docs/providers/aliyun-dm.md "Other actions").
const IPV4 = String.raw`(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}`;
const IP_FILTER = new RegExp(`^${IPV4}(?:-${IPV4}|/(?:3[0-2]|[12]?\\d))?$`);

/** AddIpfilter: IpAddress. */
export function addIpfilter(call: DmCall): DmBody {
  const ip = required(call.params, 'IpAddress');
  if (!IP_FILTER.test(ip))
    invalid('IpAddress', 'Use an IPv4 address, an a-b range or a CIDR block.');
  const settings = settingsOf(call.state);
  settings.counter += 1;
  const id = String(settings.counter);
  settings.ipfilters.set(id, { id, ip, at: call.now });
  return {};
}

/** GetIpfilterList: every entry, in the order added. */
export function getIpfilterList(call: DmCall): DmBody {
  const rows = [...settingsOf(call.state).ipfilters.values()].map((f) => ({
    Id: f.id,
    IpAddress: f.ip,
    CreateTime: createTimeOf(f.at),
  }));
  return {
    TotalCount: rows.length,
    PageNumber: 1,
    PageSize: rows.length,
    data: { ipfilters: rows },
  };
}

/** DeleteIpfilterByEdmId: Id (FromType is deprecated and ignored). */
export function deleteIpfilterByEdmId(call: DmCall): DmBody {
  const id = required(call.params, 'Id');
  if (!settingsOf(call.state).ipfilters.delete(id))
    fail('InvalidParameter', `Id ${id} does not exist.`);
  return {};
}

/** The sender address `MailFrom` names, which must exist (InvalidMailAddress.NotFound). */
function senderOf(call: DmCall): string {
  const from = required(call.params, 'MailFrom');
  if (!call.state.senderByAddress(from)) fail('InvalidMailAddress.NotFound', `Got ${from}.`);
  return from.toLowerCase();
}

/** UpdateMailAddressMsgCallBackUrl: MailFrom, NotifyUrl (an http(s) URL). */
export function updateMailAddressMsgCallBackUrl(call: DmCall): DmBody {
  const from = senderOf(call);
  const url = required(call.params, 'NotifyUrl');
  if (!/^https?:\/\/\S+$/.test(url)) invalid('NotifyUrl', 'Use an http or https URL.');
  settingsOf(call.state).callbacks.set(from, url);
  return {};
}

/** GetMailAddressMsgCallBackUrl: MailFrom; `NotifyUrlStatus` "1" once a URL is set. */
export function getMailAddressMsgCallBackUrl(call: DmCall): DmBody {
  const url = settingsOf(call.state).callbacks.get(senderOf(call));
  return { NotifyUrl: url ?? '', NotifyUrlStatus: url === undefined ? '0' : '1' };
}
