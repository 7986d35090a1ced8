/**
 * The mailer's side of scheduling on both providers (emulator, in-memory engine): what is
 * checked when a send or batch is scheduled, where a batch goes (native or the scheduler),
 * the error without a scheduler, and `mailer.schedules` over jobs and Tencent's native tasks.
 */
import { createMailer, type Mailer } from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { createScheduler, type EmbeddedScheduler, memoryStore } from '@mailbridge/scheduler';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';
import { dmMessage, emulatorMailers, sesMessage, uniqueTo } from './conformance.js';

const HOUR = 3_600_000;
let emu: Emulator;
let scheduler: EmbeddedScheduler;
let dm: Mailer;
let ses: Mailer;
beforeAll(async () => {
  emu = await startEmulator({ startTime: Math.ceil(Date.now() / 1000) * 1000 });
});
afterAll(async () => {
  await emu.close();
});
const setup = () => {
  scheduler = createScheduler({ store: memoryStore(), pollMs: 50 });
  ({ dm, ses } = emulatorMailers(emu, scheduler));
};
afterEach(async () => {
  await dm?.close();
  await ses?.close();
  await scheduler?.close();
});

async function sesGroup(mailer: Mailer): Promise<string> {
  const group = await mailer.groups.create({
    name: `g${Date.now() % 1e9}${Math.random()}`.slice(0, 20),
  });
  await mailer.groups.addRecipients(group.id, [{ address: uniqueTo('g'), data: { name: 'A' } }]);
  return group.id;
}

describe('scheduling through the mailer', () => {
  it('without a scheduler, a send with { at } names the option that configures one; nothing is sent', async () => {
    const bare = createMailer(
      tencentSes({
        region: 'ap-guangzhou',
        endpoint: emu.tencentEndpoint,
        credentials: emu.credentials.tencent[0] as { id: string; secret: string },
      }),
    );
    const before = emu.requestCount();
    const error = await failure(
      bare.send(sesMessage(uniqueTo('bare')), { at: new Date(Date.now() + HOUR) }),
    );
    await bare.close();
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('createMailer(provider, { scheduler })');
    expect(emu.requestCount()).toBe(before);
  });

  it('checks the message, the capabilities and the time when scheduling, not when firing', async () => {
    setup();
    const at = new Date(Date.now() + HOUR);
    const cc = await failure(
      dm.send({ ...dmMessage(uniqueTo('cc')), cc: 'x@example.com' }, { at }),
    );
    expect(cc.code).toBe('unsupported');
    expect(cc.message).toContain('cc');
    const bad = await failure(dm.send({ ...dmMessage('not-an-address') }, { at }));
    expect(bad.code).toBe('invalid_input');
    const past = await failure(
      dm.send(dmMessage(uniqueTo('past')), { at: new Date(Date.now() - 60_000) }),
    );
    expect(past.issues[0]?.path).toEqual(['schedule', 'at']);
    const times = await failure(
      dm.send(dmMessage(uniqueTo('t')), { schedule: { at, times: 2 } as never }),
    );
    expect(times.issues[0]?.path).toEqual(['schedule', 'times']);
    const both = await failure(
      dm.send(dmMessage(uniqueTo('both')), {
        at: new Date(Date.now() - 60_000),
        schedule: { at },
      } as never),
    );
    expect(both).toMatchObject({ code: 'invalid_input', issues: [{ path: ['at'] }] });
    const listed = [];
    for await (const entry of dm.schedules.list()) listed.push(entry);
    expect(listed).toHaveLength(0);
  });

  it('an `at` made just before the call (send now, `{ at: new Date() }`) is now, not in the past', async () => {
    setup();
    // A Date a moment old, as `new Date()` is by the time the mailer checks it.
    const to = uniqueTo('now');
    const r = await dm.send(dmMessage(to), { at: new Date(Date.now() - 1_000) });
    expect(r.native).toBe(false);
    expect(r.next?.getTime()).toBeGreaterThan(Date.now() - 1_000);
    for (let i = 0; i < 300 && (await dm.schedules.get(r.id))?.state !== 'sent'; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await dm.schedules.get(r.id))?.state).toBe('sent');
    expect(emu.outbox.filter((m) => m.to === to)).toHaveLength(1);
    // A native Tencent task starts now too (SES refuses a BeginTime before its clock).
    const group = await sesGroup(ses);
    const native = await ses.sendBatch({
      from: 'noreply@mail.example.com',
      group,
      template: { id: 100001 },
      subject: 'S',
      schedule: { at: new Date(emu.now() - 1_000) },
    });
    expect(native.native).toBe(true);
    // Still refused: an `at` clearly in the past.
    const past = await failure(
      dm.send(dmMessage(uniqueTo('past')), { at: new Date(Date.now() - 10_000) }),
    );
    expect(past.issues[0]?.path).toEqual(['schedule', 'at']);
  });

  it('Tencent: a batch whose rule SES can express is native; cron and run counts go to the scheduler', async () => {
    setup();
    const group = await sesGroup(ses);
    const batch = {
      from: 'noreply@mail.example.com',
      group,
      template: { id: 100001 },
      subject: 'S',
    };
    const at = new Date(emu.now() + HOUR);
    const timed = await ses.sendBatch({ ...batch, schedule: { at } });
    const hourly = await ses.sendBatch({ ...batch, schedule: { at, every: { hours: 6 } } });
    const counted = await ses.sendBatch({
      ...batch,
      schedule: { at, every: { hours: 6 }, times: 3 },
    });
    const cron = await ses.sendBatch({
      ...batch,
      schedule: { cron: '0 9 * * 1', tz: 'Asia/Shanghai' },
    });
    expect([timed.native, hourly.native, counted.native, cron.native]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(timed.id).toBe(`native:${timed.batchId}`);
    const task = emu.state()['tencent-ses'] as { tasks?: unknown };
    expect(JSON.stringify(task)).toContain('"IntervalTime":6');

    // One view over both: the scheduler's jobs, then the provider's native tasks.
    const entries = [];
    for await (const entry of ses.schedules.list()) entries.push(entry);
    const ids = entries.map((e) => e.id);
    for (const r of [timed, hourly, counted, cron]) expect(ids).toContain(r.id);
    const native = await ses.schedules.get(hourly.id);
    expect(native).toMatchObject({ native: true, kind: 'batch', state: 'pending' });
    expect(native?.rule).toEqual({
      at: new Date(Math.ceil(at.getTime() / 1000) * 1000),
      every: { hours: 6 },
    });
    const job = await ses.schedules.get(cron.id);
    expect(job).toMatchObject({
      native: false,
      kind: 'batch',
      state: 'pending',
      rule: { cron: '0 9 * * 1' },
    });

    // SES has no action that cancels a task; the scheduler's jobs cancel.
    const refused = await failure(ses.schedules.cancel(timed.id));
    expect(refused.code).toBe('unsupported');
    expect((await ses.schedules.cancel(cron.id))?.state).toBe('cancelled');
    expect(await ses.schedules.get('no-such-id')).toBeUndefined();
    // An id that is not one (a JavaScript caller's undefined): invalid_input naming it.
    for (const bad of [undefined, null, '', {}]) {
      for (const call of [ses.schedules.get, ses.schedules.cancel]) {
        const error = await failure(call(bad as never));
        expect(error).toMatchObject({ code: 'invalid_input', issues: [{ path: ['id'] }] });
      }
    }
    expect(await dm.schedules.get(counted.id)).toBeUndefined(); // another provider's job
  });

  it('Tencent: a native task that ran shows no next time, and one that failed says why', async () => {
    setup();
    const batch = { from: 'noreply@mail.example.com', template: { id: 100001 }, subject: 'S' };
    const at = new Date(emu.now() + HOUR);
    const kept = await sesGroup(ses);
    const doomed = await sesGroup(ses);
    const ran = await ses.sendBatch({ ...batch, group: kept, schedule: { at } });
    const failed = await ses.sendBatch({ ...batch, group: doomed, schedule: { at } });
    expect((await ses.schedules.get(ran.id))?.next).toEqual(
      new Date(Math.ceil(at.getTime() / 1000) * 1000),
    );
    await ses.groups.delete(doomed);
    emu.advance(2 * HOUR);

    const done = await ses.schedules.get(ran.id);
    expect(done).toMatchObject({ state: 'sent' });
    expect(done?.next).toBeUndefined();
    expect(done?.error).toBeUndefined();
    const broken = await ses.schedules.get(failed.id);
    expect(broken).toMatchObject({
      state: 'failed',
      error: { provider: 'tencent-ses', delivery: 'unknown' },
    });
    expect(broken?.next).toBeUndefined();
    expect(broken?.error?.message).toContain('recipient group was deleted');
  });

  it('DirectMail: every schedule goes to the scheduler, and a scheduled send fires once', async () => {
    setup();
    const to = uniqueTo('dm');
    const r = await dm.send(dmMessage(to), { at: new Date(Date.now() + 200) });
    expect(r.native).toBe(false);
    for (let i = 0; i < 300 && (await dm.schedules.get(r.id))?.state !== 'sent'; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const entry = await dm.schedules.get(r.id);
    expect(entry?.state).toBe('sent');
    expect(entry?.job?.runs[0]?.id).toBe(emu.outbox.find((m) => m.to === to)?.messageId);
  });

  it('a hook that throws or rejects does not stop the worker', async () => {
    scheduler = createScheduler({
      store: memoryStore(),
      pollMs: 50,
      hooks: {
        onSent: (job) => {
          if (job.runs.length > 0) throw new Error('hook bug');
        },
        onFailed: () => Promise.reject(new Error('async hook bug')) as never,
      },
    });
    ({ dm, ses } = emulatorMailers(emu, scheduler));
    emu.inject({
      provider: 'aliyun-dm',
      action: 'SingleSendMail',
      fault: { kind: 'error', code: 'InvalidMailAddress.NotFound', status: 400 },
    });
    const results: { id: string }[] = [];
    for (let i = 0; i < 3; i++)
      results.push(await dm.send(dmMessage(uniqueTo('hook')), { at: new Date(Date.now() + 100) }));
    const states = async () =>
      Promise.all(results.map(async (r) => (await scheduler.get(r.id))?.state));
    const busy = (list: (string | undefined)[]) =>
      list.some((s) => s === 'pending' || s === 'sending');
    for (let i = 0; i < 300 && busy(await states()); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await states()).sort()).toEqual(['failed', 'sent', 'sent']);
  });
});
