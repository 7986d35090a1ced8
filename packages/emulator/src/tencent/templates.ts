/**
 * Templates (docs/providers/tencent-ses.md "Templates and tasks"): bodies travel base64, variables are `{{name}}`, and a
 * template is reviewed before use (TemplateStatus 0 approved, 1 pending, 2 rejected). The
 * emulator's review approves after `templateReviewMs` of emulator time (0 = at once).
 */
import type { ActionContext, ActionResult } from './action.js';
import { decodeBase64Text } from './content.js';
import { fail } from './errors.js';
import { checkKnown, optObject, optString, type Params, paging, reqInt } from './params.js';
import type { TcTemplate, TencentState } from './state.js';

/**
 * Tencent documents FailedOperation.TemplateContentToolarge without a number; 1 MB of decoded
 * content is the emulator's assumption.
 */
const MAX_TEMPLATE_BYTES = 1024 * 1024;
const MAX_NAME_LENGTH = 100;

interface Content {
  html?: string;
  text?: string;
}

function readName(params: Params): string {
  const name = optString(params, 'TemplateName') ?? '';
  if (name.trim() === '') fail('InvalidParameterValue.TemplateNameIsNULL', 'TemplateName is empty');
  if (name.length > MAX_NAME_LENGTH || /[<>]/.test(name)) {
    fail(
      'InvalidParameterValue.TemplateNameIllegal',
      `TemplateName must be 1-${MAX_NAME_LENGTH} characters without < or >`,
    );
  }
  return name;
}

function readContent(params: Params): Content {
  const content = optObject(params, 'TemplateContent') ?? {};
  checkKnown(content, ['Html', 'Text'], 'TemplateContent.');
  const out: Content = {};
  for (const key of ['Html', 'Text'] as const) {
    const raw = optString(content, key, 'TemplateContent.');
    if (raw === undefined || raw === '') continue;
    const decoded = decodeBase64Text(raw);
    if (decoded === undefined) {
      fail(
        'InvalidParameterValue.TemplateContentIsWrong',
        `TemplateContent.${key} is not valid base64 of UTF-8 text`,
      );
    }
    if (key === 'Html') out.html = decoded;
    else out.text = decoded;
  }
  if (out.html === undefined && out.text === undefined) {
    fail(
      'InvalidParameterValue.TemplateContentIsNULL',
      'TemplateContent needs Html or Text (base64)',
    );
  }
  const size = Buffer.byteLength(out.html ?? '') + Buffer.byteLength(out.text ?? '');
  if (size > MAX_TEMPLATE_BYTES) {
    fail(
      'FailedOperation.TemplateContentToolarge',
      `template content is ${size} bytes; the emulator allows 1 MB`,
    );
  }
  return out;
}

/** Put a template under (emulated) review. */
function review(state: TencentState, now: number): Pick<TcTemplate, 'status' | 'reviewAt'> {
  const delay = state.settings.templateReviewMs;
  if (delay === 0) return { status: 0 };
  return delay === null ? { status: 1 } : { status: 1, reviewAt: now + delay };
}

function existing(state: TencentState, params: Params): TcTemplate {
  const id = reqInt(params, 'TemplateID');
  const template = state.templates.get(id);
  if (template === undefined)
    fail('InvalidParameterValue.TemplateNotExist', `template ${id} does not exist`);
  return template;
}

/** CreateEmailTemplate. */
export function createEmailTemplate(a: ActionContext): ActionResult {
  const { params, state, ctx } = a;
  checkKnown(params, ['TemplateName', 'TemplateContent']);
  const name = readName(params);
  const content = readContent(params);
  if (state.templates.size >= state.settings.maxTemplates) {
    fail('FailedOperation.ExceedTemplateLimit', `at most ${state.settings.maxTemplates} templates`);
  }
  const id = state.ids.template++;
  state.templates.set(id, {
    id,
    name,
    ...content,
    ...review(state, ctx.now()),
    reviewReason: '',
    createdAt: ctx.now(),
  });
  return { TemplateID: id };
}

/** UpdateEmailTemplate: replaces name and content; the template is reviewed again. */
export function updateEmailTemplate(a: ActionContext): ActionResult {
  const { params, state, ctx } = a;
  checkKnown(params, ['TemplateID', 'TemplateName', 'TemplateContent']);
  const template = existing(state, params);
  const name = readName(params);
  const content = readContent(params);
  template.name = name;
  delete template.html;
  delete template.text;
  Object.assign(template, content, review(state, ctx.now()));
  if (template.status === 0) delete template.reviewAt;
  return {};
}

const b64 = (text: string | undefined) =>
  text === undefined ? undefined : Buffer.from(text, 'utf8').toString('base64');

/** GetEmailTemplate: content back in base64. */
export function getEmailTemplate(a: ActionContext): ActionResult {
  checkKnown(a.params, ['TemplateID']);
  const t = existing(a.state, a.params);
  const html = b64(t.html);
  const text = b64(t.text);
  return {
    TemplateContent: {
      ...(html === undefined ? {} : { Html: html }),
      ...(text === undefined ? {} : { Text: text }),
    },
    TemplateStatus: t.status,
    TemplateName: t.name,
  };
}

/** ListEmailTemplates, newest first. */
export function listEmailTemplates(a: ActionContext): ActionResult {
  checkKnown(a.params, ['Limit', 'Offset']);
  const { offset, limit } = paging(a.params);
  const all = [...a.state.templates.values()].sort((x, y) => y.id - x.id);
  return {
    TemplatesMetadata: all.slice(offset, offset + limit).map((t) => ({
      CreatedTimestamp: Math.floor(t.createdAt / 1000),
      TemplateName: t.name,
      TemplateStatus: t.status,
      TemplateID: t.id,
      ReviewReason: t.reviewReason,
    })),
    TotalCount: all.length,
  };
}

/** DeleteEmailTemplate; an unknown id is InvalidParameterValue.TemplateNotExist. */
export function deleteEmailTemplate(a: ActionContext): ActionResult {
  checkKnown(a.params, ['TemplateID']);
  const t = existing(a.state, a.params);
  a.state.templates.delete(t.id);
  return {};
}
