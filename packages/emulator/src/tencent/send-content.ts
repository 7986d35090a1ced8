/**
 * The body of a SendEmail: a stored, approved template with its TemplateData, or (only when
 * the account allows it) a deprecated `Simple` raw body (docs/providers/tencent-ses.md "Sending", "Data types").
 */
import type { Sender } from './content.js';
import { decodeBase64Text, readTemplateData, render } from './content.js';
import { fail } from './errors.js';
import { checkKnown, optObject, optString, type Params, reqInt, reqString } from './params.js';
import type { TencentState } from './state.js';

/** The rendered body of one send. */
export interface SendContent {
  readonly html?: string;
  readonly text?: string;
  readonly templateId?: number;
  readonly templateData?: Readonly<Record<string, string>>;
  /** Renders the subject with the same data (newer docs allow variables in Subject). */
  readonly render: (text: string) => string;
}

/** Read Template or Simple from SendEmail parameters. */
export function readSendContent(state: TencentState, params: Params): SendContent {
  const template = optObject(params, 'Template');
  const simple = optObject(params, 'Simple');
  if (template === undefined && simple === undefined) {
    fail('FailedOperation.MissingEmailContent', 'pass Template (TemplateID + TemplateData)');
  }
  if (template !== undefined && simple !== undefined) {
    // Not documented either way; refusing makes an adapter that sends both visible.
    fail('InvalidParameterValue', 'pass either Template or Simple, not both');
  }
  if (simple !== undefined) return readSimple(state, simple);
  return readTemplate(state, template as Params);
}

/** Simple is granted only by special configuration (docs/providers/tencent-ses.md "Sending"): seed `allowSimple`. */
export function readSimple(state: TencentState, simple: Params): SendContent {
  if (!state.settings.allowSimple) {
    fail(
      'FailedOperation.WithOutPermission',
      'this account may only send with a template (Simple is not allowed)',
    );
  }
  checkKnown(simple, ['Html', 'Text'], 'Simple.');
  const html = decodeField(simple, 'Html');
  const text = decodeField(simple, 'Text');
  if (html === undefined && text === undefined) {
    fail('FailedOperation.MissingEmailContent', 'Simple needs Html or Text');
  }
  return {
    ...(html === undefined ? {} : { html }),
    ...(text === undefined ? {} : { text }),
    render: (s) => s,
  };
}

function decodeField(simple: Params, key: 'Html' | 'Text'): string | undefined {
  const raw = optString(simple, key, 'Simple.');
  if (raw === undefined) return undefined;
  const decoded = decodeBase64Text(raw);
  if (decoded === undefined) {
    fail(
      'InvalidParameterValue.EmailContentIsWrong',
      `Simple.${key} is not valid base64 of UTF-8 text`,
    );
  }
  return decoded;
}

function readTemplate(state: TencentState, template: Params): SendContent {
  checkKnown(template, ['TemplateID', 'TemplateData'], 'Template.');
  const id = reqInt(template, 'TemplateID', 'Template.');
  const dataText = reqString(template, 'TemplateData', 'Template.');
  const stored = state.templates.get(id);
  if (stored === undefined || stored.status !== 0) {
    const why = stored === undefined ? 'does not exist' : 'is not approved';
    fail('FailedOperation.InvalidTemplateID', `template ${id} ${why}`);
  }
  const parsed = readTemplateData(dataText);
  if (!parsed.ok) {
    const why =
      parsed.why === 'json' ? 'is not valid JSON' : 'must be a JSON object of string values';
    fail('FailedOperation.WrongContentJson', `Template.TemplateData ${why}`);
  }
  const fill = (s: string) => render(s, parsed.data);
  return {
    ...(stored.html === undefined ? {} : { html: fill(stored.html) }),
    ...(stored.text === undefined ? {} : { text: fill(stored.text) }),
    templateId: id,
    templateData: parsed.data,
    render: fill,
  };
}

/**
 * The sender must be a created sender address on a verified domain (docs/providers/tencent-ses.md "Sending"). Tencent answers
 * FailedOperation.NotAuthenticatedSender ("the sender is not verified") for SendEmail.
 */
export function checkSenderForSend(state: TencentState, sender: Sender): void {
  const why = senderProblem(state, sender);
  if (why !== undefined) fail('FailedOperation.NotAuthenticatedSender', why);
}

/** Why this sender cannot send, or undefined when it can. */
export function senderProblem(state: TencentState, sender: Sender): string | undefined {
  const domain = sender.address.slice(sender.address.indexOf('@') + 1).toLowerCase();
  const known = state.domains.get(domain);
  if (known === undefined || !known.verified) return `sender domain ${domain} is not verified`;
  const stored = state.senders.get(sender.address.toLowerCase());
  if (stored === undefined) return `sender address ${sender.address} has not been created`;
  if (!stored.verified) return `sender address ${sender.address} is not verified`;
  return undefined;
}
