/**
 * The documented limits of the raw requests, checked before any request on top of the shapes
 * in actions.ts (which already bound list sizes: 50 To / 20 Cc / 20 Bcc, 10 attachments, 20,000
 * rows per upload, Limit <= 100). Every limit, those shapes included, has one row with its
 * public source (a cloud.tencent.com / tencentcloud.com page or the SDK model) in
 * docs/providers/tencent-ses-limits.md, which also records the decisions where sources disagree
 * (the Unsubscribe order, subject and password lengths). The neutral operations do not run
 * these: their params are built from checked messages (client.ts `mappedOperation`).
 */
import type { Issue } from '@mailbridge/core';
import { invalidInput } from '@mailbridge/core/provider';
import type { TencentSesAction } from './actions.js';
import { PROVIDER_ID } from './config.js';
import { RECIPIENT_DATA_MAX_BYTES } from './groups.js';
import {
  anyOf,
  base64,
  chars,
  date,
  dateOrder,
  dateTime,
  decodedBytes,
  digitsRange,
  isStringRecord,
  oneOf,
  type Params,
  type Rule,
  requiredWhen,
  templateDataJson,
} from './limit-rules.js';

/** Subject of a SendEmail: the FAQ's 998 characters (the capabilities' `subject.maxLength`). */
export const SEND_SUBJECT_MAX = 998;

/** BatchSendEmail: InvalidParameterValue.SubjectLengthError outside 1-100 characters. */
export const BATCH_SUBJECT_MAX = 100;

/** The whole email (bodies and attachments together): at most 4 MB (docs/providers/tencent-ses-limits.md). */
export const EMAIL_MAX_BYTES = 4 * 1024 * 1024;

/** Unsubscribe digits on a send: 0-10 in the API pages, 11-12 in the Go SDK models. */
const SEND_UNSUBSCRIBE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** UnsubscribeConfig digits on the address-level pages (118925, 70116): 0-10. */
const ADDRESS_UNSUBSCRIBE = SEND_UNSUBSCRIBE.slice(0, 11);

/**
 * FromEmailAddress: `addr`, or `alias <addr>` with one space before `<` and no `:` in the alias
 * (SendEmail https://cloud.tencent.com/document/api/1288/51034, BatchSendEmail 63481).
 */
const sender: Rule = (params) => {
  const from = params.FromEmailAddress;
  if (typeof from !== 'string' || !/[<>]/.test(from)) return [];
  const m = /^(.*[^ ]) <([^<>\s]+)>$/.exec(from);
  if (m && !(m[1] ?? '').includes(':')) return [];
  const message =
    'must be addr or "alias <addr>" with one space before < and no : in the alias (InvalidParameterValue.IllegalSenderName)';
  return [{ path: ['FromEmailAddress'], message }];
};

/** Bcc must not repeat a Destination address (51034: "Bcc和Destination不能重复"). */
const bccNotInTo: Rule = (params) => {
  const to = new Set(((params.Destination as string[]) ?? []).map((a) => a.toLowerCase()));
  const bcc = (params.Bcc as string[] | undefined) ?? [];
  return bcc.flatMap((address, i) =>
    to.has(address.toLowerCase())
      ? [{ path: ['Bcc', i], message: `${address} is also in Destination; Bcc must not repeat it` }]
      : [],
  );
};

interface AttachmentParam {
  readonly Content?: string;
  readonly FileURL?: string;
}

/**
 * Attachment (data types https://cloud.tencent.com/document/api/1288/51053): a FileName of 1-255
 * characters (code points, as the capabilities' `filenameMaxLength` counts them), base64 Content,
 * all attachments together at most 4 MB before encoding; FileURL is "not open, do not use".
 */
const attachments: Rule = (params) => {
  const list = (params.Attachments as AttachmentParam[] | undefined) ?? [];
  const issues: Issue[] = [];
  let total = 0;
  list.forEach((a, i) => {
    issues.push(
      ...chars(['Attachments', i, 'FileName'], 1, 255, 'FailedOperation.InvalidAttachName')(params),
    );
    if (a.FileURL !== undefined)
      issues.push({
        path: ['Attachments', i, 'FileURL'],
        message: 'is a feature SES has not opened',
      });
    if (a.Content === undefined)
      issues.push({ path: ['Attachments', i, 'Content'], message: 'is required (base64 content)' });
    else
      issues.push(
        ...base64(
          ['Attachments', i, 'Content'],
          'InvalidParameterValue.AttachContentIsWrong',
        )(params),
      );
    total += a.Content === undefined ? 0 : decodedBytes(a.Content);
  });
  if (total > EMAIL_MAX_BYTES) {
    const message = `must total at most 4 MB (4194304 bytes) before base64, got ${total} (FailedOperation.AttachContentToolarge)`;
    issues.push({ path: ['Attachments'], message });
  }
  return issues;
};

/** BatchSendEmail: attachments are "暂未支持" (not supported yet, 63481). */
const noAttachments: Rule = (params) =>
  ((params.Attachments as unknown[] | undefined) ?? []).length > 0
    ? [
        {
          path: ['Attachments'],
          message: 'must be empty: BatchSendEmail does not support attachments yet (at most 0)',
        },
      ]
    : [];

interface RowParam {
  readonly TemplateData: string;
}

/**
 * ReceiverInputData rows: TemplateData a JSON object of at most 800 bytes, the same variable
 * names in every row (InvalidParameterValue.TemplateDataLenLimit / TemplateDataInconsistent).
 */
const rows: Rule = (params) => {
  const list = (params.Datas as RowParam[] | undefined) ?? [];
  const issues: Issue[] = [];
  let keys: string | undefined;
  list.forEach((row, i) => {
    const path = ['Datas', i, 'TemplateData'];
    const bytes = Buffer.byteLength(row.TemplateData);
    if (bytes > RECIPIENT_DATA_MAX_BYTES)
      issues.push({
        path,
        message: `must be at most ${RECIPIENT_DATA_MAX_BYTES} bytes, got ${bytes} (InvalidParameterValue.TemplateDataLenLimit)`,
      });
    else if (!isStringRecord(row.TemplateData))
      issues.push({
        path,
        message: 'must be a JSON object of string values (InvalidParameterValue.TemplateDataError)',
      });
    else {
      const own = Object.keys(JSON.parse(row.TemplateData)).sort().join(',');
      keys ??= own;
      if (own !== keys)
        issues.push({
          path,
          message: `must use the same variables as the rows before it (${keys}) (InvalidParameterValue.TemplateDataInconsistent)`,
        });
    }
  });
  return issues.slice(0, 20);
};

/** UpdateEmailSmtpPassWord: 10-20 characters, at least 2 digits, 2 lowercase, 2 uppercase. */
const smtpPassword: Rule = (params) => {
  const password = params.Password;
  if (typeof password !== 'string') return [];
  const count = (re: RegExp) => (password.match(re) ?? []).length;
  const ok =
    password.length >= 10 &&
    password.length <= 20 &&
    count(/\d/g) >= 2 &&
    count(/[a-z]/g) >= 2 &&
    count(/[A-Z]/g) >= 2;
  if (ok) return [];
  const message =
    'must be 10-20 characters with at least 2 digits, 2 lowercase and 2 uppercase letters (InvalidParameterValue.InvalidSmtpPassWord)';
  return [{ path: ['Password'], message }];
};

const simple = [
  base64(['Simple', 'Html'], 'InvalidParameterValue.EmailContentIsWrong'),
  base64(['Simple', 'Text'], 'InvalidParameterValue.EmailContentIsWrong'),
];
const templateContent = [
  (params: Params) =>
    anyOf(
      ['Html', 'Text'],
      'InvalidParameterValue.TemplateContentIsNULL',
    )((params.TemplateContent as Params | undefined) ?? {}).map((i) => ({
      ...i,
      path: ['TemplateContent', ...i.path],
    })),
  base64(['TemplateContent', 'Html'], 'InvalidParameterValue.TemplateContentIsWrong'),
  base64(['TemplateContent', 'Text'], 'InvalidParameterValue.TemplateContentIsWrong'),
];
const dateRange = [date(['StartDate']), date(['EndDate']), dateOrder('StartDate', 'EndDate')];

/**
 * The rules of each action that has documented limits beyond its request shape; the source of
 * each is its row in docs/providers/tencent-ses-limits.md.
 */
export const TENCENT_SES_LIMITS: Readonly<Partial<Record<TencentSesAction, readonly Rule[]>>> = {
  SendEmail: [
    sender,
    chars(['Subject'], 1, SEND_SUBJECT_MAX, 'FAQ: at most 998 characters'),
    anyOf(['Destination', 'Cc', 'Bcc'], 'Destination/Cc/Bcc: at least one must be present'),
    bccNotInTo,
    anyOf(['Template', 'Simple'], 'FailedOperation.MissingEmailContent'),
    templateDataJson(['Template', 'TemplateData']),
    ...simple,
    attachments,
    oneOf(['Unsubscribe'], SEND_UNSUBSCRIBE, 'unsubscribe-link language'),
  ],
  BatchSendEmail: [
    sender,
    chars(['Subject'], 1, BATCH_SUBJECT_MAX, 'InvalidParameterValue.SubjectLengthError'),
    requiredWhen('TimedParam', 'TaskType', 2, 'MissingParameter.TimedParamNecessary'),
    requiredWhen('CycleParam', 'TaskType', 3, 'MissingParameter.CycleParamNecessary'),
    dateTime(['TimedParam', 'BeginTime']),
    dateTime(['CycleParam', 'BeginTime']),
    noAttachments,
    // Empty when the group was filled with per-recipient data (63481, the Template note).
    templateDataJson(['Template', 'TemplateData'], true),
    ...simple,
    oneOf(['Unsubscribe'], SEND_UNSUBSCRIBE, 'unsubscribe-link language'),
  ],
  CreateReceiver: [chars(['Desc'], 0, 300, 'InvalidParameterValue.ReceiverDescIllegal')],
  CreateReceiverDetailWithData: [rows],
  ListReceivers: [oneOf(['Status'], [1, 2, 3], '1 awaiting upload, 2 uploading, 3 complete')],
  ListReceiverDetails: [oneOf(['Status'], [1, 2], '1 valid, 2 invalid')],
  ListSendTasks: [
    oneOf(['Status'], [1, 5, 6, 7, 10], 'task status'),
    oneOf(['TaskType'], [1, 2, 3], '1 now, 2 timed, 3 cycle'),
  ],
  CreateEmailTemplate: templateContent,
  UpdateEmailTemplate: templateContent,
  CreateEmailIdentity: [oneOf(['DKIMOption'], [0, 1, 2], '0 1024-bit, 1 2048-bit, 2 both')],
  UpdateEmailSmtpPassWord: [
    smtpPassword,
    chars(['EmailAddress'], 1, 128, 'ses_models.d.ts: at most 128'),
  ],
  ListBlackEmailAddress: dateRange,
  GetStatisticsReport: dateRange,
  CreateCustomBlacklist: [date(['ExpireDate'])],
  UpdateCustomBlackList: [date(['ExpireDate'])],
  ListCustomBlacklist: [oneOf(['Status'], [0, 1, 2], '0 expired, 1 active, 2 all')],
  CreateAddressUnsubscribeConfig: [
    oneOf(['UnsubscribeConfig'], ADDRESS_UNSUBSCRIBE, 'unsubscribe-link language'),
    oneOf(['Status'], [0, 1], '0 off, 1 on'),
  ],
  UpdateAddressUnsubscribeConfig: [
    oneOf(['UnsubscribeConfig'], ADDRESS_UNSUBSCRIBE, 'unsubscribe-link language'),
    oneOf(['Status'], [0, 1], '0 off, 1 on'),
  ],
  ListAddressUnsubscribeConfig: [digitsRange(['Limit'], 1, 100)],
};

/**
 * Throw `invalid_input` when params break a documented limit of the action; the issue paths
 * start with the action and name the parameter, the messages state the limit.
 */
export function checkLimits(action: TencentSesAction, params: Params): void {
  const rules = TENCENT_SES_LIMITS[action];
  if (rules === undefined) return;
  const issues = rules.flatMap((rule) => rule(params));
  if (issues.length === 0) return;
  throw invalidInput(
    issues.map((i) => ({ ...i, path: [action, ...i.path] })),
    PROVIDER_ID,
  );
}
