/**
 * What the built `mailbridge` bin passes on is what the user typed: template variables and
 * template references reach the provider unchanged, or the run stops with exit 2 naming the
 * field, before any request.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, run } from './run.js';

const TENCENT = { id: 'AKIDcliinput', secret: 'cli-input-secret-0123456789' };
const ALIYUN = { id: 'LTAIcliinput', secret: 'cli-input-aliyun-secret-0123' };
let emu: Emulator;
let tencent: Record<string, string>;
let aliyun: Record<string, string>;

/** Exit 2 with an `invalid_input` naming `field`, and no request reached the emulator. */
function expectRefused(ran: Awaited<ReturnType<typeof run>>, field: string, before: number): void {
  expect(ran.code).toBe(2);
  const out = json(ran) as { error: { code: string; message: string } };
  expect(out.error.code).toBe('invalid_input');
  expect(out.error.message).toContain(field);
  expect(emu.requestCount()).toBe(before);
}

beforeAll(async () => {
  emu = await startEmulator({ tencentKeys: [TENCENT], aliyunKeys: [ALIYUN] });
  // A DirectMail template whose name is all digits, with a leading zero.
  emu.seed({
    aliyun: {
      templates: [{ name: '007', subject: 'Agent', html: '<p>007</p>', status: 'approved' }],
    },
  });
  tencent = {
    MAIL_URL: `tencent-ses://ap-guangzhou?endpoint=${emu.url}`,
    TENCENTCLOUD_SECRET_ID: TENCENT.id,
    TENCENTCLOUD_SECRET_KEY: TENCENT.secret,
    MAIL_FROM: 'Shop <noreply@mail.example.com>',
  };
  aliyun = {
    MAIL_URL: `aliyun-dm://cn-hangzhou?endpoint=${emu.url}`,
    ALIBABA_CLOUD_ACCESS_KEY_ID: ALIYUN.id,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: ALIYUN.secret,
    MAIL_FROM: 'batch@mail.example.com',
  };
});
afterAll(async () => {
  await emu?.close();
});

describe('mailbridge send --data', () => {
  it.each([
    ['a nested object', '{"name":{"first":"Ann"}}'],
    ['null', '{"name":null}'],
    ['an array', '{"name":["Ann"]}'],
  ])('refuses %s as a template value, naming it, before any request', async (_what, data) => {
    const before = emu.requestCount();
    const ran = await run(
      [
        '--json',
        'send',
        '--to',
        'a@example.com',
        '--subject',
        'Hi',
        '--template',
        '100001',
        '--data',
        data,
      ],
      tencent,
    );
    expectRefused(ran, 'template.data.name', before);
  });

  it('sends numbers and booleans as the template values they are', async () => {
    const ran = await run(
      [
        'send',
        '--to',
        'n@example.com',
        '--subject',
        'Hi',
        '--template',
        '100001',
        '--data',
        '{"name":1.5}',
      ],
      tencent,
    );
    expect(ran.code).toBe(0);
    expect(emu.outbox.at(-1)?.templateData).toEqual({ name: '1.5' });
  });
});

describe('mailbridge batch --template', () => {
  it('keeps a DirectMail template name of digits as typed (007 is not 7)', async () => {
    const group = 'cli-007';
    emu.seed({ aliyun: { receivers: [{ name: group, members: [{ email: 'm@example.com' }] }] } });
    const ran = await run(['batch', '--group', group, '--template', '007'], aliyun);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(emu.outbox.at(-1)).toMatchObject({ to: 'm@example.com', templateId: '007' });
  });
});

describe('mailbridge batch --at', () => {
  it.each([
    '1',
    '2030',
    '2030-01-01',
    '2030-01-01T08:00:00',
    '2030-02-30T08:00:00Z',
    '2030-01-01T24:00:00Z',
    'Jan 1 2030 08:00 GMT',
    'tomorrow',
    '',
  ])('refuses %j with exit 2 naming --at, before any request', async (at) => {
    const before = emu.requestCount();
    const ran = await run(
      ['--json', 'batch', '--group', '1', '--template', '100001', '--subject', 'S', '--at', at],
      tencent,
    );
    expectRefused(ran, '--at', before);
  });

  it('takes an ISO 8601 date-time with an offset as the instant it names', async () => {
    emu.seed({ tencent: { groups: [{ id: 900, name: 'at', recipients: ['at@example.com'] }] } });
    const ran = await run(
      [
        '--json',
        'batch',
        '--group',
        '900',
        '--template',
        '100001',
        '--subject',
        'At',
        '--at',
        '2099-01-01T08:00:00+08:00',
      ],
      tencent,
    );
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    const tasks = (emu.state()['tencent-ses'] as { tasks: { receiverId: number }[] }).tasks;
    expect(tasks.filter((t) => t.receiverId === 900)).toHaveLength(1);
    expect(ran.stdout).toContain('"scheduled":true');
  });
});

describe('mailbridge groups upload (JSON lines)', () => {
  it.each([
    ['a key beside data', '{"address":"a@example.com","data":{"city":"X"},"name":"Ann"}', 'name'],
    ['both address and email', '{"address":"a@example.com","email":"b@example.com"}', 'email'],
    ['a nested value', '{"address":"a@example.com","city":{"name":"X"}}', 'city'],
    ['a row without an address', '{"mail":"a@example.com"}', 'row 1: address'],
    ['a line that is no JSON object', '[1]', 'not a JSON object'],
  ])('refuses %s, naming it, before any upload', async (_what, line, key) => {
    const file = join(mkdtempSync(join(tmpdir(), 'mb-input-')), 'rows.jsonl');
    writeFileSync(file, `${line}\n`);
    const before = emu.requestCount({ action: 'CreateReceiverDetail' });
    const before2 = emu.requestCount({ action: 'CreateReceiverDetailWithData' });
    const ran = await run(['groups', 'upload', '1', file], tencent);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(key);
    expect(emu.requestCount({ action: 'CreateReceiverDetail' })).toBe(before);
    expect(emu.requestCount({ action: 'CreateReceiverDetailWithData' })).toBe(before2);
  });
});

describe('mailbridge groups upload (malformed CSV)', () => {
  it.each([
    ['an unclosed quote in the first row', 'address,name\na@example.com,"Ann\n', 'row 1', 'line 2'],
    [
      'more fields than the header',
      'address,name\na@example.com,Ann\nb@example.com,B,x\n',
      'row 2',
      'line 3',
    ],
  ])(
    'refuses %s with exit 2 naming the row, the line and the file',
    async (_what, text, row, line) => {
      const file = join(mkdtempSync(join(tmpdir(), 'mb-input-')), 'rows.csv');
      writeFileSync(file, text);
      const ran = await run(['--json', 'groups', 'upload', '1', file], tencent);
      expect(ran.code).toBe(2);
      const out = json(ran) as { error: { code: string; message: string } };
      expect(out.error.code).toBe('invalid_input');
      expect(out.error.message).toContain(`${row}: ${file}`);
      expect(out.error.message).toContain(line);
    },
  );
});
