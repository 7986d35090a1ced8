/**
 * Templates over SES (docs/providers/resources.md §1): ListEmailTemplates, GetEmailTemplate,
 * CreateEmailTemplate, UpdateEmailTemplate (reviewed again), DeleteEmailTemplate. Bodies travel
 * base64-encoded both ways.
 */
import type { ResourceStatus, Template, TemplateInput } from '@mailbridge/core';
import type { ProviderTemplates } from '@mailbridge/core/provider';
import { mappedOperation, type RequestContext } from './client.js';
import { offsetOf, page } from './groups.js';
import { fromSeconds } from './resources.js';

/** TemplateStatus (docs/providers/resources.md §1): 0 approved, 1 under review, 2 rejected. */
function statusOf(code: number | undefined): ResourceStatus {
  if (code === 0) return 'verified';
  if (code === 1) return 'pending';
  return 'failed';
}

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const decode = (text: string) => Buffer.from(text, 'base64').toString('utf8');

/** TemplateContent with each given body base64-encoded. */
function content(input: TemplateInput) {
  return {
    ...(input.html === undefined ? {} : { Html: encode(input.html) }),
    ...(input.text === undefined ? {} : { Text: encode(input.text) }),
  };
}

/** The template operations; the core has checked that ids are numeric. */
export function templateOperations(context: RequestContext): ProviderTemplates {
  return {
    list: (cursor, pageSize) => {
      const offset = offsetOf(cursor);
      return mappedOperation(
        context,
        'ListEmailTemplates',
        { Offset: offset, Limit: pageSize },
        (out) =>
          page(offset, out.TemplatesMetadata ?? [], out.TotalCount, (t): Template => {
            const createdAt = fromSeconds(t.CreatedTimestamp);
            return {
              id: String(t.TemplateID ?? ''),
              name: t.TemplateName ?? '',
              status: statusOf(t.TemplateStatus),
              providerStatus: String(t.TemplateStatus ?? ''),
              ...(createdAt ? { createdAt } : {}),
              ...(t.ReviewReason ? { reason: t.ReviewReason } : {}),
            };
          }),
      );
    },
    get: (id) =>
      mappedOperation(context, 'GetEmailTemplate', { TemplateID: Number(id) }, (out) => ({
        id,
        name: out.TemplateName ?? '',
        status: statusOf(out.TemplateStatus),
        providerStatus: String(out.TemplateStatus ?? ''),
        ...(out.TemplateContent?.Html ? { html: decode(out.TemplateContent.Html) } : {}),
        ...(out.TemplateContent?.Text ? { text: decode(out.TemplateContent.Text) } : {}),
      })),
    create: (input) =>
      mappedOperation(
        context,
        'CreateEmailTemplate',
        { TemplateName: input.name, TemplateContent: content(input) },
        (out): Template => ({
          id: String(out.TemplateID),
          name: input.name,
          // A new template waits for review before it can be sent.
          status: 'pending',
          providerStatus: '1',
          ...(input.html === undefined ? {} : { html: input.html }),
          ...(input.text === undefined ? {} : { text: input.text }),
        }),
      ),
    update: (id, input) =>
      mappedOperation(
        context,
        'UpdateEmailTemplate',
        { TemplateID: Number(id), TemplateName: input.name, TemplateContent: content(input) },
        () => undefined,
      ),
    delete: (id) =>
      mappedOperation(context, 'DeleteEmailTemplate', { TemplateID: Number(id) }, () => undefined),
  };
}
