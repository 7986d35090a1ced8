/**
 * `mailer.schedules` of a composite: a scheduled send is routed like any other, so it may be held
 * by any member's mailer; the id the send returned must then be found, listed and cancelled
 * through the composite's own view, whichever member holds it. Tencent task ids are per account,
 * so two Tencent members can each hold task 300001: the composite's ids must still tell them
 * apart, or `get` answers (and `cancel` acts on) whichever member is asked first.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import {
  createMailer,
  failover,
  type Mailer,
  roundRobin,
  type ScheduleEntry,
} from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, memoryStore } from '@mailbridge/scheduler';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uniqueTo } from './conformance.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.close();
});

it('a scheduled send held by the second member is found, listed and cancelled through the composite', async () => {
  const scheduler = createScheduler({ store: memoryStore(), pollMs: 50 });
  const aliyun = emu.credentials.aliyun[0] as { id: string; secret: string };
  const tencent = emu.credentials.tencent[0] as { id: string; secret: string };
  const mailer = createMailer(
    roundRobin([
      {
        provider: tencentSes({
          region: 'ap-guangzhou',
          endpoint: emu.tencentEndpoint,
          credentials: tencent,
        }),
        weight: 1,
      },
      {
        provider: aliyunDm({
          region: 'cn-hangzhou',
          endpoint: emu.aliyunEndpoint,
          credentials: aliyun,
        }),
        weight: 1,
      },
    ]),
    { scheduler },
  );
  try {
    const at = new Date(Date.now() + 3_600_000);
    const message = (to: string) => ({
      from: 'noreply@mail.example.com',
      to,
      subject: 'Later',
      template: { id: 100001, data: { name: 'Ann' } },
    });
    const first = await mailer.send(message(uniqueTo('rr-sched-a')), { at });
    const second = await mailer.send(message(uniqueTo('rr-sched-b')), { at });
    expect(new Set([first.member, second.member])).toEqual(new Set(['tencent-ses', 'aliyun-dm']));

    // Each entry names the member that holds it, as the send's result did.
    for (const { id, member } of [first, second]) {
      expect(await mailer.schedules.get(id)).toMatchObject({ state: 'pending', member });
    }
    const listed = [];
    for await (const entry of mailer.schedules.list()) listed.push([entry.id, entry.member]);
    expect(listed).toEqual(
      expect.arrayContaining([
        [first.id, first.member],
        [second.id, second.member],
      ]),
    );

    for (const { id, member } of [first, second]) {
      expect(await mailer.schedules.cancel(id)).toMatchObject({ state: 'cancelled', member });
      expect((await scheduler.get(id))?.state).toBe('cancelled');
    }
  } finally {
    await mailer.close();
    await scheduler.close();
  }
});

it('two Tencent accounts holding the same TaskId: every listed id is unique and names its member', async () => {
  const [one, two] = await Promise.all([startEmulator(), startEmulator()]);
  const account = (e: Emulator) =>
    tencentSes({
      region: 'ap-guangzhou',
      endpoint: e.tencentEndpoint,
      credentials: e.credentials.tencent[0] as { id: string; secret: string },
    });
  const mailer = createMailer(failover([account(one), account(two)]));
  const group = async (member: Mailer) => {
    const created = await member.groups.create({ name: `g${Date.now() % 1e9}` });
    await member.groups.addRecipients(created.id, [
      { address: uniqueTo('native-two'), data: { name: 'A' } },
    ]);
    return created.id;
  };
  try {
    const at = new Date(Math.max(one.now(), two.now()) + 3_600_000);
    const batch = async (member: string, subject: string) => {
      const id = await group(mailer.raw[member] as Mailer);
      return mailer.sendBatch({
        from: 'noreply@mail.example.com',
        group: id,
        template: { id: 100001 },
        subject,
        schedule: { at },
        perProvider: { [member]: { group: id } },
      });
    };
    const first = await batch('tencent-ses', 'First account');
    const second = await batch('tencent-ses#2', 'Second account');
    expect([first.member, second.member]).toEqual(['tencent-ses', 'tencent-ses#2']);
    expect([first.native, second.native]).toEqual([true, true]);
    expect(first.batchId).toBe(second.batchId); // the same TaskId, one per account
    expect(first.id).not.toBe(second.id);
    expect(second.id).toBe(`native:tencent-ses#2:${second.batchId}`);

    const listed: ScheduleEntry[] = [];
    for await (const entry of mailer.schedules.list()) listed.push(entry);
    const ids = listed.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([first.id, second.id]);
    expect(listed.map((e) => e.member)).toEqual(['tencent-ses', 'tencent-ses#2']);

    expect((await mailer.schedules.get(first.id))?.task?.Subject).toBe('First account');
    expect(await mailer.schedules.get(second.id)).toMatchObject({
      member: 'tencent-ses#2',
      task: { Subject: 'Second account' },
    });
    expect(await mailer.schedules.get(`native:tencent-ses#2:${Number(second.batchId) + 7}`)).toBe(
      undefined,
    );
    // The member's own id, or a member the composite does not have, can never be found here.
    for (const id of [`native:${second.batchId}`, `native:aliyun-dm:${second.batchId}`]) {
      const bad = await mailer.schedules.get(id).catch((e: unknown) => e);
      expect(bad).toMatchObject({ code: 'invalid_input', issues: [{ path: ['id'] }] });
    }
    // SES cannot cancel a task: the refusal comes from the member that holds it, asking no one.
    const before = [one.requestCount(), two.requestCount()];
    const refused = await mailer.schedules.cancel(second.id).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'unsupported', provider: 'tencent-ses' });
    expect([one.requestCount(), two.requestCount()]).toEqual(before);

    // Each member's own mailer keeps the plain id.
    const own = [];
    for await (const entry of (mailer.raw['tencent-ses#2'] as Mailer).schedules.list())
      own.push(entry.id);
    expect(own).toEqual([`native:${second.batchId}`]);
  } finally {
    await mailer.close();
    await Promise.all([one.close(), two.close()]);
  }
});
