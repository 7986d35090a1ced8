/**
 * The Tencent seed's recipient data (`seed.tencent.groups[].recipients[].data`) against a
 * running emulator: refused by the same rules CreateReceiverDetailWithData applies to an upload
 * (docs/providers/tencent-ses.md "Recipient groups": at most 800 bytes, no HTML, the same
 * variable names on every row), with a 400 naming the path, and nothing applied.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { rawRequest, tc, tcOk } from './helpers/tencent-sign.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ startTime: Date.UTC(2030, 0, 1) });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

async function seed(tencent: unknown) {
  const res = await rawRequest(
    emu,
    'POST',
    '/__emulator/seed',
    { 'content-type': 'application/json' },
    JSON.stringify({ tencent }),
  );
  return { status: res.status, body: JSON.parse(res.text) as { error?: { message: string } } };
}

const ok = (i: number) => ({ email: `r${i}@example.com`, data: { name: `R ${i}` } });
const group = (recipients: unknown[]) => ({ groups: [{ id: 61, name: 'seeded', recipients }] });

describe('Tencent seed recipient data', () => {
  it.each([
    {
      what: 'data over 800 bytes',
      data: { name: 'x'.repeat(800) },
      says: 'groups[0].recipients[2].data is over 800 bytes',
      code: 'InvalidParameterValue.TemplateDataLenLimit',
    },
    {
      what: 'HTML in a value',
      data: { name: '<b>Bea</b>' },
      says: 'groups[0].recipients[2].data must not contain HTML',
      code: 'InvalidParameterValue.InValidTemplateData',
    },
    {
      what: 'other variable names than the rows before',
      data: { first: 'Bea' },
      says: 'groups[0].recipients[2].data uses variables first; the group uses name',
      code: 'InvalidParameterValue.TemplateDataInconsistent',
    },
  ])('refuses $what as the upload does, naming the path', async ({ data, says, code }) => {
    const before = emu.state();
    const bad = await seed(group([ok(0), ok(1), { email: 'b@example.com', data }]));
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toBe(`@mailbridge/emulator: tencent seed: ${says}`);
    expect(emu.state()).toEqual(before); // all or nothing
    const listed = await tcOk(emu, 'ListReceivers', { Offset: 0, Limit: 100 });
    expect(JSON.stringify(listed)).not.toContain('seeded');
    // The API refuses the same rows with the code the seed's rule stands for.
    const { ReceiverId } = await tcOk(emu, 'CreateReceiver', { ReceiversName: 'up' });
    const rows = [ok(0), ok(1), { email: 'b@example.com', data }].map((r) => ({
      Email: r.email,
      TemplateData: JSON.stringify(r.data),
    }));
    const answer = await tc(emu, 'CreateReceiverDetailWithData', { ReceiverId, Datas: rows });
    expect(answer.Error?.Code).toBe(code);
  });

  it.each([
    {
      what: 'a row without data after rows with data',
      recipients: [ok(0), 'plain@example.com'],
      says: "groups[0].recipients[1] carries no data, but the group's rows use variables name",
    },
    {
      what: 'a row with data after rows without data',
      recipients: ['plain@example.com', ok(1)],
      says: 'groups[0].recipients[1].data carries data, but the group was filled without data',
    },
  ])('refuses $what, naming the path', async ({ recipients, says }) => {
    const before = emu.state();
    const bad = await seed(group(recipients));
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toBe(`@mailbridge/emulator: tencent seed: ${says}`);
    expect(emu.state()).toEqual(before);
  });

  it('takes data within the rules, and the group keeps its variable names for uploads', async () => {
    const fits = { name: 'é'.repeat(390) }; // 791 bytes of JSON text
    expect((await seed(group([ok(0), { email: 'f@example.com', data: fits }]))).status).toBe(200);
    const other = { Email: 'o@example.com', TemplateData: JSON.stringify({ first: 'O' }) };
    const answer = await tc(emu, 'CreateReceiverDetailWithData', {
      ReceiverId: 61,
      Datas: [other],
    });
    expect(answer.Error?.Code).toBe('InvalidParameterValue.TemplateDataInconsistent');
  });
});
