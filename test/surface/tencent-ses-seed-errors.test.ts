/**
 * The emulator's BatchSendEmail (the seed action) answers every business error code of its
 * page (https://www.tencentcloud.com/document/api/1084/43052, "Error Codes"; InternalError
 * aside) for the request that earns it. The requests go through the unchanged official SDK,
 * which checks nothing itself, so they reach the emulator even where our raw client would refuse
 * them first (tencent-ses-limits.property.test.ts).
 */
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { ses } from 'tencentcloud-sdk-nodejs-ses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    seed: {
      tencent: {
        allowSimple: true,
        groups: [
          { id: 501, name: 'plain', recipients: [{ email: 'ann@example.com' }] },
          { id: 502, name: 'empty' },
          {
            id: 503,
            name: 'with-data',
            recipients: [{ email: 'bob@example.com', data: { title: 't' } }],
          },
        ],
        templates: [{ id: 700, name: 'draft', text: 'Hi', status: 'pending' }],
      },
    },
  });
});
afterAll(() => emu.close());

const client = () => {
  const key = emu.credentials.tencent[0] ?? { id: '', secret: '' };
  return new ses.v20201002.Client({
    credential: { secretId: key.id, secretKey: key.secret },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint: emu.host, protocol: 'http://', reqTimeout: 10 } },
  });
};

const valid = {
  FromEmailAddress: 'noreply@mail.example.com',
  ReceiverId: 501,
  Subject: 'News',
  TaskType: 1,
  Template: { TemplateID: 100002, TemplateData: '{"title":"t","body":"b"}' },
};
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** The seed page's codes, each with a request that earns it. */
const CASES: readonly [string, Record<string, unknown>][] = [
  ['MissingParameter.SendParamNecessary', { ...valid, Template: undefined }],
  ['InvalidParameterValue.SubjectLengthError', { ...valid, Subject: 'x'.repeat(101) }],
  ['MissingParameter.TimedParamNecessary', { ...valid, TaskType: 2 }],
  [
    'MissingParameter.CycleParamNecessary',
    { ...valid, TaskType: 3, CycleParam: { BeginTime: '2099-01-01 00:00:00' } },
  ],
  [
    'InvalidParameterValue.BeginTimeBeforeNow',
    { ...valid, TaskType: 2, TimedParam: { BeginTime: '2020-01-01 00:00:00' } },
  ],
  ['OperationDenied.ReceiverNotExist', { ...valid, ReceiverId: 999 }],
  ['OperationDenied.ReceiverStatusError', { ...valid, ReceiverId: 502 }],
  [
    'OperationDenied.SendAddressStatusError',
    { ...valid, FromEmailAddress: 'nobody@mail.example.com' },
  ],
  [
    'OperationDenied.TemplateStatusError',
    { ...valid, Template: { TemplateID: 700, TemplateData: '{}' } },
  ],
  [
    'InvalidParameterValue.TemplateDataError',
    { ...valid, Template: { TemplateID: 100002, TemplateData: 'not json' } },
  ],
  [
    'InvalidParameterValue.TemplateNotMatchData',
    { ...valid, ReceiverId: 503, Template: { TemplateID: 100002, TemplateData: '' } },
  ],
  [
    'InvalidParameterValue.EmailContentIsWrong',
    { ...valid, Template: undefined, Simple: { Html: '%%% not base64' } },
  ],
  [
    'FailedOperation.EmailContentToolarge',
    { ...valid, Template: undefined, Simple: { Text: b64('x'.repeat(4 * 1024 * 1024 + 1)) } },
  ],
];

describe('BatchSendEmail errors of the seed page, as the official SDK receives them', () => {
  it('accepts the valid request the cases start from', async () => {
    const { TaskId } = await client().BatchSendEmail(valid as never);
    expect(TaskId).toEqual(expect.any(Number));
  });

  it.each(CASES)('%s', async (code, params) => {
    const error = await client()
      .BatchSendEmail(params as never)
      .then(
        () => undefined,
        (e: unknown) => e as { code?: string; requestId?: string },
      );
    expect(error?.code).toBe(code);
    expect(error?.requestId).toEqual(expect.any(String));
  });
});
