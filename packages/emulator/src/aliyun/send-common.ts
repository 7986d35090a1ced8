import { DmFailure, fail, invalid } from './errors.js';
import type { DmParams } from './params.js';
import type { DmSender, DmState, SendType } from './state.js';
import { charLength, checkTagName, domainOf, isEmail, oneOf } from './validate.js';

/**
 * Checks shared by SingleSendMail and BatchSendMail (docs/providers/aliyun-dm.md "Sending" and
 * "Error codes"), in the order a client is most helped by: parameter syntax first, then the sender
 * and its domain.
 */

/**
 * The sender address (AccountName): well formed, known in this region, not frozen, of the type the
 * action needs (SingleSendMail `trigger`, BatchSendMail `batch`; docs/providers/aliyun-dm.md
 * "Sending" documents the batch rule), on a verified domain.
 */
export function checkSender(state: DmState, accountName: string, needs: SendType): DmSender {
  if (!isEmail(accountName)) fail('InvalidMailAddressName.Malformed', `Got "${accountName}".`);
  const sender = state.senderByAddress(accountName);
  if (!sender) fail('InvalidMailAddress.NotFound', `No sender address ${accountName}.`);
  if (sender.frozen) fail('InvalidMailAddressStatus.Malformed', `${accountName} is frozen.`);
  if (sender.sendType !== needs) {
    fail(
      'InvalidMailAddressSendType.Malformed',
      `${accountName} is a ${sender.sendType} address; this action needs a ${needs} address.`,
    );
  }
  const domain = state.domains.get(domainOf(accountName));
  if (!domain?.verified) {
    fail('InvalidMailAddressDomain.Malformed', `Domain ${domainOf(accountName)} is not verified.`);
  }
  return sender;
}

/** AddressType is `0` (random account) or `1` (the sender address). */
export function checkAddressType(params: DmParams): string {
  return oneOf(params, 'AddressType', ['0', '1']) ?? '1';
}

/**
 * ReplyAddress must be an address; ReplyAddressAlias at most 15 characters
 * (docs/providers/aliyun-dm-limits.md "Sending (SingleSendMail, BatchSendMail)").
 */
export function readReply(params: DmParams): { address?: string; alias?: string } {
  const address = params.opt('ReplyAddress');
  const alias = params.opt('ReplyAddressAlias');
  if (address !== undefined && !isEmail(address)) fail('InvalidReplyAddress.Malformed');
  if (alias !== undefined && charLength(alias) > 15) {
    fail('InvalidReplyAddressAlias.Malformed', 'At most 15 characters.');
  }
  return { ...(address && { address }), ...(alias && { alias }) };
}

/** TagName: 1–128 of `[A-Za-z0-9_-]` (SDK), naming a tag that exists. */
export function readTag(params: DmParams, state: DmState): string | undefined {
  const tag = params.opt('TagName');
  if (tag === undefined) return undefined;
  checkTagName(tag);
  if (!state.tagByName(tag)) fail('InvalidTagName.Malformed', `Tag ${tag} does not exist.`);
  return tag;
}

/**
 * Options whose values are enumerated: ClickTrace `0`/`1` (a string, not a boolean),
 * UnSubscribeLinkType and UnSubscribeFilterLevel (docs/providers/aliyun-dm.md "Sending").
 * DomainAuth is refused rather than ignored: the emulator does not model domain-level senders.
 */
export function checkOptions(params: DmParams): void {
  oneOf(params, 'ClickTrace', ['0', '1']);
  oneOf(params, 'UnSubscribeLinkType', ['disabled', 'default']);
  oneOf(params, 'UnSubscribeFilterLevel', [
    'disabled',
    'default',
    'mailfrom',
    'mailfrom_domain',
    'edm_id',
  ]);
  const domainAuth = oneOf(params, 'DomainAuth', ['true', 'false']);
  if (domainAuth === 'true') {
    throw new DmFailure(
      'UnsupportedOperation',
      'DomainAuth=true is not implemented by @mailbridge/emulator.',
    );
  }
}

/** Headers: a JSON object of string values; at most 10 are kept, extras are dropped (SDK). */
export function readHeaders(params: DmParams): Record<string, string> | undefined {
  const raw = params.opt('Headers');
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    invalid('Headers', 'expected a JSON object.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    invalid('Headers', 'expected a JSON object.');
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed).slice(0, 10)) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      invalid('Headers', `the value of ${name} must be a string.`);
    }
    out[name] = String(value);
  }
  return out;
}

/** Replace `{Name}` variables ("Create email templates" page); unknown names stay as written. */
export function renderTemplate(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (match, name: string) => vars[name] ?? match);
}

/** `Alias <address>` when an alias is given, else the bare address. */
export function fromHeader(address: string, alias: string | undefined): string {
  return alias === undefined ? address : `${alias} <${address}>`;
}
