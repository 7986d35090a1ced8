/**
 * Sender domains and addresses (docs/providers/resources.md §2, §3): GetEmailIdentity,
 * CreateEmailIdentity, DeleteEmailIdentity, CreateEmailAddress, DeleteEmailAddress. At most 10
 * domains per account and 10 addresses per domain; an address needs a created domain, and a
 * domain with addresses cannot be deleted.
 */
import type { ActionContext, ActionResult } from './action.js';
import { fail } from './errors.js';
import { checkKnown, optInt, optString, reqString } from './params.js';
import type { TcDomain } from './state.js';

const MAX_DOMAINS = 10;
const MAX_SENDERS_PER_DOMAIN = 10;
const DOMAIN = /^[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$/;
const ADDRESS = /^[^\s@<>]+@([a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+)$/;

/** The records a domain must publish (Attributes), each found once the domain is verified. */
function records(d: TcDomain) {
  const found = (value: string) => (d.verified ? value : '');
  const row = (Type: string, SendDomain: string, ExpectedValue: string) => ({
    Type,
    SendDomain,
    ExpectedValue,
    CurrentValue: found(ExpectedValue),
    Status: d.verified,
  });
  return {
    IdentityType: 'DOMAIN',
    VerifiedForSendingStatus: d.verified,
    Attributes: [
      row('TXT', d.name, 'v=spf1 include:qcloudmail.com ~all'),
      row('TXT', `qcloud._domainkey.${d.name}`, `v=DKIM1; k=rsa; p=EMULATOR${d.name.length}`),
      row('MX', d.name, 'mxbiz1.qq.com'),
      row('TXT', `_dmarc.${d.name}`, 'v=DMARC1; p=none'),
    ],
  };
}

function domainParam(a: ActionContext): string {
  const name = reqString(a.params, 'EmailIdentity').toLowerCase();
  if (!DOMAIN.test(name)) {
    fail('InvalidParameterValue.InvalidEmailIdentity', `"${name}" is not a domain name`);
  }
  return name;
}

function existing(a: ActionContext, name: string): TcDomain {
  const d = a.state.domains.get(name);
  if (!d) fail('InvalidParameterValue.NotExistDomain', `domain ${name} has not been created`);
  return d;
}

/** GetEmailIdentity: the domain's records and whether it may send. */
export function getEmailIdentity(a: ActionContext): ActionResult {
  checkKnown(a.params, ['EmailIdentity']);
  return records(existing(a, domainParam(a)));
}

/** CreateEmailIdentity: a new, unverified domain and the records to publish. */
export function createEmailIdentity(a: ActionContext): ActionResult {
  checkKnown(a.params, ['EmailIdentity', 'DKIMOption', 'TagList']);
  const name = domainParam(a);
  const dkim = optInt(a.params, 'DKIMOption');
  if (dkim !== undefined && dkim > 2) fail('InvalidParameterValue', 'DKIMOption must be 0, 1 or 2');
  if (a.state.domains.has(name)) fail('InvalidParameterValue.RepeatCreation', `${name} exists`);
  if (a.state.domains.size >= MAX_DOMAINS) {
    fail('OperationDenied.ExceedDomainLimit', `at most ${MAX_DOMAINS} sender domains`);
  }
  const domain: TcDomain = { name, verified: false };
  a.state.domains.set(name, domain);
  return records(domain);
}

/** DeleteEmailIdentity: refused while the domain still has sender addresses. */
export function deleteEmailIdentity(a: ActionContext): ActionResult {
  checkKnown(a.params, ['EmailIdentity']);
  const name = existing(a, domainParam(a)).name;
  if (sendersOf(a, name) > 0) {
    fail('OperationDenied.SenderWithDomainIsNotEmpty', `${name} still has sender addresses`);
  }
  a.state.domains.delete(name);
  return {};
}

function sendersOf(a: ActionContext, domain: string): number {
  return [...a.state.senders.keys()].filter((s) => s.endsWith(`@${domain}`)).length;
}

/** CreateEmailAddress: an address on a created domain, with an optional display name. */
export function createEmailAddress(a: ActionContext): ActionResult {
  checkKnown(a.params, ['EmailAddress', 'EmailSenderName']);
  const address = reqString(a.params, 'EmailAddress').toLowerCase();
  const m = ADDRESS.exec(address);
  if (!m) fail('InvalidParameterValue.IllegalEmailAddress', `"${address}" is not an address`);
  const alias = optString(a.params, 'EmailSenderName');
  if (alias !== undefined && (alias.includes(':') || alias.length > 100)) {
    fail('InvalidParameterValue.IllegalSenderName', 'the sender name may not contain ":"');
  }
  const domain = existing(a, m[1] ?? '');
  if (a.state.senders.has(address)) {
    fail('InvalidParameterValue.RepeatEmailAddress', `${address} exists`);
  }
  if (sendersOf(a, domain.name) >= MAX_SENDERS_PER_DOMAIN) {
    fail('OperationDenied.ExceedSenderLimit', `at most ${MAX_SENDERS_PER_DOMAIN} per domain`);
  }
  a.state.senders.set(address, {
    address,
    ...(alias === undefined ? {} : { alias }),
    verified: domain.verified,
    createdAt: a.ctx.now(),
  });
  return {};
}

/** DeleteEmailAddress: by address. */
export function deleteEmailAddress(a: ActionContext): ActionResult {
  checkKnown(a.params, ['EmailAddress']);
  const address = reqString(a.params, 'EmailAddress').toLowerCase();
  if (!a.state.senders.delete(address)) {
    fail('InvalidParameterValue.NoSuchSender', `${address} does not exist`);
  }
  return {};
}
