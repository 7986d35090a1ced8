/**
 * The two resource actions the neutral views need beyond the seed tables: DescTemplate and
 * DeleteDomain (request and response fields as `@alicloud/dm20151123` 1.9.0 models them;
 * docs/providers/resources.md).
 */
import { z } from 'zod';
import { action } from './action.js';
import { reqNum, reqStr, str } from './schema.js';

const id = z.union([reqStr, reqNum]);

/** DescTemplate, DeleteDomain. */
export const RESOURCE_ACTIONS = {
  DescTemplate: action(
    'read',
    { TemplateId: id, FromType: reqNum.optional() },
    {
      TemplateName: str,
      TemplateNickName: str,
      TemplateSubject: str,
      TemplateText: str,
      TemplateStatus: str,
      TemplateType: str,
      CreateTime: str,
      Remark: str,
      SmsContent: str,
      SmsType: str,
    },
  ),
  DeleteDomain: action('write', { DomainId: id }, {}),
} as const;
