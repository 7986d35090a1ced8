/**
 * The domain and template actions the seeds do not name (`@alicloud/dm20151123` 1.9.0 request
 * and response models; limits in docs/providers/aliyun-dm-limits.md, "Templates").
 */
import { z } from '@mailbridge/core/schema';
import { action, jsonParam } from './action.js';
import { chars } from './limit-rules.js';
import { bool, num, reqNum, reqStr, str } from './schemas.js';

const id = z.union([reqStr, reqNum]);

/** ChangeDomainDkimRecord, DeleteDomain, DescTemplate, SendTestByTemplate. */
export const DOMAIN_TEMPLATE_ACTIONS = {
  // A new DKIM key of `DkimRsaLength` bits for the domain (the model names no values).
  ChangeDomainDkimRecord: action(
    'write',
    { Domain: reqStr, DkimRsaLength: z.int().check(z.positive()) },
    { Changed: bool, DkimPublicKey: str, DkimRsaLength: num, Hostname: str },
  ),
  DeleteDomain: action('write', { DomainId: id }, {}),
  DescTemplate: action(
    'read',
    // `FromType` is deprecated in the SDK model and kept for compatibility.
    { TemplateId: id, FromType: z.optional(reqNum) },
    {
      TemplateName: str,
      TemplateNickName: str,
      TemplateSubject: str,
      TemplateText: str,
      TemplateType: str,
      TemplateStatus: str,
      CreateTime: str,
      Remark: str,
      SmsContent: str,
      SmsType: str,
    },
  ),
  // Sends one real test message: a send, never retried blindly. Lengths per the SDK model.
  SendTestByTemplate: action(
    'send',
    {
      TemplateId: id,
      AccountName: chars(1, 60),
      Email: chars(1, 60),
      UserName: z.optional(chars(0, 30)),
      NickName: z.optional(chars(0, 30)),
      Gender: z.optional(chars(0, 30)),
      Birthday: z.optional(chars(0, 30)),
      Mobile: z.optional(chars(0, 30)),
      TemplateParams: z.optional(jsonParam),
    },
    {},
  ),
} as const;
