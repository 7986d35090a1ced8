/** Error codes of the template and query actions (their pages; docs/providers/tencent-ses.md "Error classification"). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { b64, sendBody, tc } from './helpers/tencent-sign.js';

const T0 = Date.UTC(2030, 5, 15);
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ startTime: T0, seed: { tencent: { limits: { templates: 3 } } } });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const content = { Html: b64('<p>{{x}}</p>') };
const rows: readonly (readonly [string, string, Record<string, unknown>])[] = [
  [
    'CreateEmailTemplate',
    'InvalidParameterValue.TemplateNameIsNULL',
    { TemplateName: '', TemplateContent: content },
  ],
  [
    'CreateEmailTemplate',
    'InvalidParameterValue.TemplateNameIllegal',
    { TemplateName: 'x'.repeat(101), TemplateContent: content },
  ],
  [
    'CreateEmailTemplate',
    'InvalidParameterValue.TemplateContentIsNULL',
    { TemplateName: 'n', TemplateContent: {} },
  ],
  [
    'CreateEmailTemplate',
    'InvalidParameterValue.TemplateContentIsWrong',
    { TemplateName: 'n', TemplateContent: { Html: '<p>raw</p>' } },
  ],
  [
    'CreateEmailTemplate',
    'FailedOperation.TemplateContentToolarge',
    { TemplateName: 'n', TemplateContent: { Text: b64('x'.repeat(1024 * 1024 + 1)) } },
  ],
  [
    'CreateEmailTemplate',
    'UnknownParameter',
    { TemplateName: 'n', TemplateContent: { Html: content.Html, Css: 'x' } },
  ],
  [
    'UpdateEmailTemplate',
    'InvalidParameterValue.TemplateNotExist',
    { TemplateID: 9, TemplateName: 'n', TemplateContent: content },
  ],
  ['GetEmailTemplate', 'InvalidParameterValue.TemplateNotExist', { TemplateID: 9 }],
  ['GetEmailTemplate', 'MissingParameter', {}],
  ['GetEmailTemplate', 'InvalidParameter', { TemplateID: '100001' }],
  ['DeleteEmailTemplate', 'InvalidParameterValue.TemplateNotExist', { TemplateID: 9 }],
  ['ListEmailTemplates', 'FailedOperation.InvalidLimit', { Offset: 0, Limit: 101 }],
  ['ListEmailTemplates', 'MissingParameter', { Offset: 0 }],
  ['ListEmailIdentities', 'FailedOperation.InvalidLimit', { Limit: 101 }],
  ['ListSendTasks', 'FailedOperation.InvalidLimit', { Offset: 0, Limit: 101 }],
  [
    'GetSendEmailStatus',
    'FailedOperation.InvalidLimit',
    { RequestDate: '2030-06-15', Offset: 0, Limit: 101 },
  ],
  [
    'GetSendEmailStatus',
    'InvalidParameterValue.WrongDate',
    { RequestDate: '2030/06/15', Offset: 0, Limit: 10 },
  ],
  [
    'GetSendEmailStatus',
    'FailedOperation.NotSupportDate',
    { RequestDate: '2030-05-01', Offset: 0, Limit: 10 },
  ],
  [
    'GetStatisticsReport',
    'InvalidParameterValue.WrongDate',
    { StartDate: '2030-06-15', EndDate: '2030-06-01' },
  ],
];

describe('Tencent template and query errors', () => {
  it.each(rows)('%s → %s', async (action, code, params) => {
    expect((await tc(emu, action, params)).Error?.Code).toBe(code);
  });

  it('caps the number of templates (FailedOperation.ExceedTemplateLimit)', async () => {
    // The default seed has 2 templates and this emulator allows 3.
    expect(
      (await tc(emu, 'CreateEmailTemplate', { TemplateName: 'a', TemplateContent: content })).Error,
    ).toBeUndefined();
    const r = await tc(emu, 'CreateEmailTemplate', { TemplateName: 'b', TemplateContent: content });
    expect(r.Error?.Code).toBe('FailedOperation.ExceedTemplateLimit');
  });

  it('refuses requests over 8 MB (RequestSizeLimitExceeded) without executing', async () => {
    const huge = sendBody({
      Attachments: [{ FileName: 'a.bin', Content: 'A'.repeat(8 * 1024 * 1024) }],
    });
    expect((await tc(emu, 'SendEmail', huge)).Error?.Code).toBe('RequestSizeLimitExceeded');
    expect(emu.outbox).toHaveLength(0);
  });

  it('a template updated while review is slow is pending again and cannot be used', async () => {
    emu.seed({ tencent: { templateReviewMs: null } });
    const update = {
      TemplateID: 100001,
      TemplateName: 'welcome',
      TemplateContent: { Text: b64('Hey {{name}}') },
    };
    expect((await tc(emu, 'UpdateEmailTemplate', update)).Error).toBeUndefined();
    expect((await tc(emu, 'SendEmail', sendBody())).Error?.Code).toBe(
      'FailedOperation.InvalidTemplateID',
    );
  });
});
