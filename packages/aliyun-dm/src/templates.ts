/**
 * Templates over DirectMail: QueryTemplateByParam pages, DescTemplate reads one. The API has no
 * action to create, change or delete a template (console only), so those are absent and the
 * capabilities say so.
 */
import type { ResourceStatus, Template } from '@mailbridge/core';
import type { ProviderTemplates } from '@mailbridge/core/provider';
import type { AliyunDmResponse } from './actions.js';
import { actionOperation, type ClientContext } from './client.js';
import { dmTime, mapOperation, pageNoOf, pageOf } from './resources.js';

/** TemplateStatus codes (DescTemplate, SDK): 0 draft, 1 pending approval, 2 approved, 3 rejected. */
const STATUS: Readonly<Record<string, ResourceStatus>> = {
  '0': 'draft',
  '1': 'pending',
  '2': 'verified',
  '3': 'failed',
};

type Row = NonNullable<
  NonNullable<AliyunDmResponse<'QueryTemplateByParam'>['data']>['template']
>[number];

function toTemplate(row: Row): Template {
  const createdAt = dmTime(row.UtcCreateTime, row.CreateTime);
  const status = row.TemplateStatus ?? '';
  return {
    id: row.TemplateId ?? '',
    name: row.TemplateName ?? '',
    status: STATUS[status] ?? 'pending',
    providerStatus: status,
    ...(createdAt ? { createdAt } : {}),
  };
}

/** The template operations (list and get). */
export function templateOperations(ctx: ClientContext): ProviderTemplates {
  return {
    list: (cursor, pageSize) => {
      const pageNo = pageNoOf(cursor);
      return mapOperation(
        actionOperation(ctx, 'QueryTemplateByParam', { PageNo: pageNo, PageSize: pageSize }),
        (out) =>
          pageOf((out.data?.template ?? []).map(toTemplate), pageNo, pageSize, out.TotalCount),
      );
    },
    get: (id) =>
      mapOperation(actionOperation(ctx, 'DescTemplate', { TemplateId: id }), (out): Template => {
        const status = out.TemplateStatus ?? '';
        const createdAt = dmTime(undefined, out.CreateTime);
        return {
          id,
          name: out.TemplateName ?? '',
          status: STATUS[status] ?? 'pending',
          providerStatus: status,
          ...(out.TemplateSubject ? { subject: out.TemplateSubject } : {}),
          // TemplateText is the body as stored: HTML or plain text (the API does not say which).
          ...(out.TemplateText ? { html: out.TemplateText } : {}),
          ...(createdAt ? { createdAt } : {}),
          ...(out.Remark ? { reason: out.Remark } : {}),
        };
      }),
  };
}
