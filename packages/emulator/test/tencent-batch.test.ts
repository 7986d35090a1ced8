import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { b64, tcOk } from './helpers/tencent-sign.js';

const T0 = Date.UTC(2030, 0, 1, 0, 0, 0); // 2030-01-01 08:00:00 in UTC+8
const HOUR = 3_600_000;
/** `YYYY-MM-DD HH:mm:ss` in UTC+8, as BeginTime is written. */
const cst = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 19).replace('T', ' ');

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ startTime: T0 });
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
  emu.setTime(T0);
});

async function groupWithData(): Promise<number> {
  const { ReceiverId } = await tcOk(emu, 'CreateReceiver', {
    ReceiversName: 'customers',
    Desc: 'all customers',
  });
  const up = await tcOk(emu, 'CreateReceiverDetailWithData', {
    ReceiverId,
    Datas: [
      { Email: 'ann@example.com', TemplateData: JSON.stringify({ name: 'Ann' }) },
      { Email: 'bob@example.com', TemplateData: JSON.stringify({ name: 'Bob' }) },
    ],
  });
  expect(up).toMatchObject({
    TotalCount: 2,
    ValidCount: 2,
    TooLongCount: 0,
    EmptyEmailCount: 0,
    RepeatCount: 0,
  });
  return ReceiverId as number;
}

const batch = (ReceiverId: number, extra: Record<string, unknown>) =>
  tcOk(emu, 'BatchSendEmail', {
    FromEmailAddress: 'noreply@mail.example.com',
    ReceiverId,
    Subject: 'Hi {{name}}',
    Template: { TemplateID: 100001, TemplateData: '' },
    ...extra,
  });

async function task(id: unknown) {
  const list = await tcOk(emu, 'ListSendTasks', { Offset: 0, Limit: 100 });
  return (list.Data as { TaskId: number; TaskStatus: number; SendCount: number }[]).find(
    (t) => t.TaskId === id,
  );
}

describe('Tencent recipient groups', () => {
  it('creates, uploads, lists and deletes a group', async () => {
    const id = await groupWithData();
    const groups = await tcOk(emu, 'ListReceivers', { Offset: 0, Limit: 10 });
    expect(groups.Data).toEqual([
      {
        ReceiverId: id,
        ReceiversName: 'customers',
        Count: 2,
        Desc: 'all customers',
        ReceiversStatus: 3,
        CreateTime: '2030-01-01 08:00:00',
        InvalidCount: 0,
      },
    ]);
    const details = await tcOk(emu, 'ListReceiverDetails', { ReceiverId: id, Offset: 0, Limit: 1 });
    expect(details).toMatchObject({ TotalCount: 2, ValidCount: 2, InvalidCount: 0 });
    expect(details.Data).toEqual([
      expect.objectContaining({
        Email: 'ann@example.com',
        TemplateData: '{"name":"Ann"}',
        Status: 1,
      }),
    ]);
    await tcOk(emu, 'DeleteReceiver', { ReceiverId: id });
    expect((await tcOk(emu, 'ListReceivers', { Offset: 0, Limit: 10 })).TotalCount).toBe(0);
  });

  it('counts empty, too long and repeated addresses, without de-duplicating', async () => {
    const { ReceiverId } = await tcOk(emu, 'CreateReceiver', { ReceiversName: 'plain' });
    const long = `${'x'.repeat(250)}@example.com`;
    const up = await tcOk(emu, 'CreateReceiverDetail', {
      ReceiverId,
      Emails: ['a@example.com', 'a@example.com', '', long, 'not-an-address'],
    });
    expect(up).toEqual(
      expect.objectContaining({
        TotalCount: 5,
        ValidCount: 3,
        TooLongCount: 1,
        EmptyEmailCount: 1,
        RepeatCount: 1,
      }),
    );
    const details = await tcOk(emu, 'ListReceiverDetails', {
      ReceiverId,
      Offset: 0,
      Limit: 10,
      Status: 2,
    });
    expect(details.Data).toEqual([expect.objectContaining({ Email: 'not-an-address', Status: 2 })]);
  });

  it('stays "uploading" (status 2) for uploadDelayMs of emulator time', async () => {
    emu.seed({ tencent: { uploadDelayMs: 60_000 } });
    const { ReceiverId } = await tcOk(emu, 'CreateReceiver', { ReceiversName: 'slow' });
    const status = async () =>
      (
        (await tcOk(emu, 'ListReceivers', { Offset: 0, Limit: 10 })).Data as {
          ReceiversStatus: number;
        }[]
      )[0]?.ReceiversStatus;
    expect(await status()).toBe(1);
    await tcOk(emu, 'CreateReceiverDetail', { ReceiverId, Emails: ['a@example.com'] });
    expect(await status()).toBe(2);
    emu.advance(60_000);
    expect(await status()).toBe(3);
  });
});

describe('Tencent BatchSendEmail', () => {
  it('TaskType 1 sends at once, one copy per recipient rendered with its own data', async () => {
    const id = await groupWithData();
    const { TaskId, RequestId } = await batch(id, { TaskType: 1 });
    expect(typeof TaskId).toBe('number');
    expect(emu.outbox.map((e) => [e.to, e.subject, e.html])).toEqual([
      ['ann@example.com', 'Hi Ann', '<p>Hello Ann</p>'],
      ['bob@example.com', 'Hi Bob', '<p>Hello Bob</p>'],
    ]);
    expect(emu.outbox[0]).toMatchObject({
      action: 'BatchSendEmail',
      taskId: String(TaskId),
      requestId: RequestId,
      templateId: '100001',
    });
    expect(await task(TaskId)).toMatchObject({
      TaskStatus: 10,
      TaskType: 1,
      SendCount: 2,
      RequestCount: 2,
      ReceiversName: 'customers',
    });
  });

  it('TaskType 2 fires when the emulator clock passes BeginTime (UTC+8)', async () => {
    const id = await groupWithData();
    const { TaskId } = await batch(id, { TaskType: 2, TimedParam: { BeginTime: cst(T0 + HOUR) } });
    expect(await task(TaskId)).toMatchObject({
      TaskStatus: 1,
      TimedParam: { BeginTime: '2030-01-01 09:00:00' },
    });
    emu.advance(HOUR - 1000);
    expect(emu.outbox).toHaveLength(0);
    emu.advance(1000);
    expect(emu.outbox.map((e) => e.to)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(emu.outbox[0]?.time).toBe(T0 + HOUR);
    expect(await task(TaskId)).toMatchObject({ TaskStatus: 10, SendCount: 2 });
  });

  it('TaskType 3 fires every IntervalTime hours from BeginTime and stays "sending" (5)', async () => {
    const id = await groupWithData();
    const { TaskId } = await batch(id, {
      TaskType: 3,
      CycleParam: { BeginTime: cst(T0 + HOUR), IntervalTime: 24 },
    });
    expect(await task(TaskId)).toMatchObject({
      TaskStatus: 1,
      CycleParam: { IntervalTime: 24 },
      TimedParam: null,
    });
    emu.advance(HOUR);
    expect(emu.outbox).toHaveLength(2);
    expect(await task(TaskId)).toMatchObject({ TaskStatus: 5, SendCount: 2 });
    emu.advance(24 * HOUR);
    expect(emu.outbox).toHaveLength(4);
    emu.advance(48 * HOUR); // two more firings in one move
    expect(emu.outbox).toHaveLength(8);
    expect(emu.outbox.map((e) => e.time).filter((_t, i) => i % 2 === 0)).toEqual(
      [1, 25, 49, 73].map((h) => T0 + h * HOUR),
    );
    expect(await task(TaskId)).toMatchObject({ TaskStatus: 5, SendCount: 8 });
  });

  it('TaskType 3 with TermCycle 1 fires once and finishes', async () => {
    const id = await groupWithData();
    const { TaskId } = await batch(id, {
      TaskType: 3,
      CycleParam: { BeginTime: cst(T0), IntervalTime: 1, TermCycle: 1 },
    });
    emu.advance(5 * HOUR);
    expect(emu.outbox).toHaveLength(2);
    expect(await task(TaskId)).toMatchObject({ TaskStatus: 10 });
  });

  it('a timed task whose group was deleted fails with status 7', async () => {
    const id = await groupWithData();
    const { TaskId } = await batch(id, { TaskType: 2, TimedParam: { BeginTime: cst(T0 + HOUR) } });
    await tcOk(emu, 'DeleteReceiver', { ReceiverId: id });
    emu.advance(2 * HOUR);
    expect(emu.outbox).toHaveLength(0);
    expect(await task(TaskId)).toMatchObject({
      TaskStatus: 7,
      ErrMsg: 'recipient group was deleted',
    });
    const pending = await tcOk(emu, 'ListSendTasks', { Offset: 0, Limit: 10, Status: 1 });
    expect(pending.TotalCount).toBe(0);
  });
});

describe('Tencent templates and statistics', () => {
  it('creates, reads, updates, lists and deletes templates (base64 content)', async () => {
    const { TemplateID } = await tcOk(emu, 'CreateEmailTemplate', {
      TemplateName: 'promo',
      TemplateContent: { Html: b64('<p>{{deal}}</p>') },
    });
    expect(TemplateID).toBe(100003);
    expect(await tcOk(emu, 'GetEmailTemplate', { TemplateID })).toMatchObject({
      TemplateName: 'promo',
      TemplateStatus: 0,
      TemplateContent: { Html: b64('<p>{{deal}}</p>') },
    });
    await tcOk(emu, 'UpdateEmailTemplate', {
      TemplateID,
      TemplateName: 'promo2',
      TemplateContent: { Text: b64('{{deal}}') },
    });
    expect(await tcOk(emu, 'GetEmailTemplate', { TemplateID })).toMatchObject({
      TemplateName: 'promo2',
      TemplateContent: { Text: b64('{{deal}}') },
    });
    const list = await tcOk(emu, 'ListEmailTemplates', { Offset: 0, Limit: 10 });
    expect(list.TotalCount).toBe(3);
    expect((list.TemplatesMetadata as { TemplateID: number }[]).map((t) => t.TemplateID)).toEqual([
      100003, 100002, 100001,
    ]);
    await tcOk(emu, 'DeleteEmailTemplate', { TemplateID });
    expect((await tcOk(emu, 'ListEmailTemplates', { Offset: 0, Limit: 10 })).TotalCount).toBe(2);
  });

  it('keeps a new template pending for templateReviewMs of emulator time', async () => {
    emu.seed({ tencent: { templateReviewMs: 10 * 60_000 } });
    const { TemplateID } = await tcOk(emu, 'CreateEmailTemplate', {
      TemplateName: 'slow',
      TemplateContent: { Text: b64('x') },
    });
    expect((await tcOk(emu, 'GetEmailTemplate', { TemplateID })).TemplateStatus).toBe(1);
    emu.advance(10 * 60_000);
    expect((await tcOk(emu, 'GetEmailTemplate', { TemplateID })).TemplateStatus).toBe(0);
  });

  it('reports daily volumes from the outbox', async () => {
    const id = await groupWithData();
    await batch(id, { TaskType: 1 });
    const report = await tcOk(emu, 'GetStatisticsReport', {
      StartDate: '2029-12-31',
      EndDate: '2030-01-01',
    });
    expect(report.DailyVolumes).toEqual([
      expect.objectContaining({ SendDate: '2029-12-31', RequestCount: 0 }),
      expect.objectContaining({ SendDate: '2030-01-01', RequestCount: 2, DeliveredCount: 2 }),
    ]);
    expect(report.OverallVolume).toMatchObject({ RequestCount: 2 });
  });
});
