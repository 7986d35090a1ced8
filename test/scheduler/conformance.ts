/**
 * The scheduler conformance suite: one function every engine runs (like unstorage's
 * `testDriver`), against real mailers on the emulator. An engine is done when it passes.
 *
 * ```ts
 * testScheduler({ name: 'memory', create: (o) => createScheduler({ store: memoryStore(), pollMs: 50, ...o }) });
 * ```
 *
 * Times are real (an engine such as BullMQ keeps its own clock), so due times are a few hundred
 * milliseconds ahead and every wait is bounded generously for two busy cores.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import {
  createMailer,
  isMailError,
  type Job,
  type JobRun,
  type JobRunner,
  type Mailer,
  type Scheduler,
  type SchedulerHooks,
} from '@mailbridge/core';
import { type Emulator, startEmulator } from '@mailbridge/emulator';
import { tencentSes } from '@mailbridge/tencent-ses';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../helpers/failure.js';

/** How a test suite makes schedulers of one engine. */
export interface SchedulerHarness {
  readonly name: string;
  /** A scheduler over a fresh, empty store. The suite closes it after each test. */
  create(options: { readonly hooks?: SchedulerHooks }): Promise<Scheduler> | Scheduler;
  /** Clean-up after the scheduler was closed (delete files, flush a Redis db). */
  dispose?(): Promise<void> | void;
}

/** Wait until `check` returns a value other than `undefined`/`false`, or fail after `ms`. */
export async function until<T>(
  check: () => T | Promise<T>,
  ms = 15_000,
  what = 'condition',
): Promise<Exclude<T, false | undefined>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let counter = 0;
/** A recipient address no other test uses. */
export const uniqueTo = (tag: string) => `${tag}-${Date.now()}-${counter++}@example.com`;

/** Mailers for both providers on one emulator, wired to a scheduler. */
export function emulatorMailers(emu: Emulator, scheduler: Scheduler) {
  const aliyun = emu.credentials.aliyun[0] as { id: string; secret: string };
  const tencent = emu.credentials.tencent[0] as { id: string; secret: string };
  return {
    dm: createMailer(
      aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: aliyun }),
      { scheduler },
    ),
    ses: createMailer(
      tencentSes({ region: 'ap-guangzhou', endpoint: emu.tencentEndpoint, credentials: tencent }),
      { scheduler },
    ),
  };
}

/**
 * A scheduler that only keeps the runner a mailer attaches: a test drives that runner itself,
 * as a worker would (a "dead worker" that sends before the crash).
 */
export function capturingScheduler(): { scheduler: Scheduler; runner: () => JobRunner } {
  let attached: JobRunner | undefined;
  const scheduler = {
    attach(runner: JobRunner) {
      attached = runner;
      return () => {};
    },
  } as unknown as Scheduler;
  const runner = () => {
    if (!attached) throw new Error('no mailer attached to the capturing scheduler');
    return attached;
  };
  return { scheduler, runner };
}

/** A DirectMail message the emulator accepts. */
export const dmMessage = (to: string) => ({
  from: 'noreply@mail.example.com',
  to,
  subject: 'Scheduled',
  html: '<p>scheduled</p>',
});

/** A Tencent SES message the emulator accepts. */
export const sesMessage = (to: string) => ({
  from: 'noreply@mail.example.com',
  to,
  subject: 'Scheduled',
  template: { id: 100001, data: { name: 'Ann' } },
});

const soon = (ms = 300) => new Date(Date.now() + ms);
/** An hour from now: a job that must not fire during the test. */
const later = () => soon(3_600_000);

/** Run the contract tests against one engine. */
export function testScheduler(harness: SchedulerHarness): void {
  describe(`scheduler conformance: ${harness.name}`, () => {
    let emu: Emulator;
    let scheduler: Scheduler | undefined;
    let mailers: Mailer[] = [];
    const events: { kind: string; job: Job; run: JobRun }[] = [];
    const hooks: SchedulerHooks = {
      onSent: (job, run) => void events.push({ kind: 'sent', job, run }),
      onFailed: (job, run) => void events.push({ kind: 'failed', job, run }),
      onUnknown: (job, run) => void events.push({ kind: 'unknown', job, run }),
    };
    const setup = async () => {
      scheduler = await harness.create({ hooks });
      const made = emulatorMailers(emu, scheduler);
      mailers = [made.dm, made.ses];
      return { scheduler, ...made };
    };
    const copies = (to: string) => emu.outbox.filter((entry) => entry.to === to);

    beforeAll(async () => {
      emu = await startEmulator();
    });
    afterEach(async () => {
      await Promise.all(mailers.map((m) => m.close()));
      await scheduler?.close();
      await harness.dispose?.();
      scheduler = undefined;
      events.length = 0;
    });
    afterAll(async () => {
      await emu.close();
    });

    it('stores a job before it resolves: pending, due at `at`, listed and found by id', async () => {
      const { scheduler, dm } = await setup();
      const at = soon(60_000);
      const result = await dm.send(dmMessage(uniqueTo('store')), { at });
      expect(result).toMatchObject({ provider: 'aliyun-dm', native: false, scheduled: true });
      expect(result.next?.getTime()).toBe(at.getTime());
      const job = await scheduler.get(result.id);
      expect(job).toMatchObject({
        id: result.id,
        provider: 'aliyun-dm',
        state: 'pending',
        runs: [],
      });
      expect(job?.next?.due.getTime()).toBe(at.getTime());
      expect(job?.payload.kind).toBe('send');
      const listed: string[] = [];
      for await (const j of scheduler.list({ provider: 'aliyun-dm', state: 'pending' }))
        listed.push(j.id);
      expect(listed).toContain(result.id);
      for await (const j of scheduler.list({ state: 'sent' })) expect(j.id).not.toBe(result.id);
      expect(await scheduler.get('no-such-job')).toBeUndefined();
      // Never a secret in a stored job: it holds the message, the rule and the provider id.
      expect(JSON.stringify(job)).not.toContain(emu.credentials.aliyun[0]?.secret);
    });

    it('fires a timed send once, through the mailer, and records sent with the message id', async () => {
      const { scheduler, dm, ses } = await setup();
      const toDm = uniqueTo('timed-dm');
      const toSes = uniqueTo('timed-ses');
      const a = await dm.send(dmMessage(toDm), { at: soon() });
      const b = await ses.send(sesMessage(toSes), { at: soon() });
      const sentA = await until(
        async () => (await scheduler.get(a.id))?.state === 'sent' && scheduler.get(a.id),
        15_000,
        'DirectMail job sent',
      );
      const sentB = await until(
        async () => (await scheduler.get(b.id))?.state === 'sent' && scheduler.get(b.id),
        15_000,
        'Tencent job sent',
      );
      for (const [job, to] of [
        [sentA, toDm],
        [sentB, toSes],
      ] as const) {
        expect(copies(to)).toHaveLength(1);
        expect(job?.runs).toHaveLength(1);
        const run = job?.runs[0];
        expect(run).toMatchObject({ index: 0, state: 'sent', id: copies(to)[0]?.messageId });
        expect(run?.latenessMs).toBeGreaterThanOrEqual(0);
        expect(run?.latenessMs).toBeLessThan(10_000);
        expect(job?.next).toBeUndefined();
      }
      expect(
        events
          .filter((e) => e.kind === 'sent')
          .map((e) => e.job.id)
          .sort(),
      ).toEqual([a.id, b.id].sort());
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(copies(toDm)).toHaveLength(1);
      expect(copies(toSes)).toHaveLength(1);
    });

    it('computes each occurrence from the rule: cron every second, three times', async () => {
      const { scheduler, dm } = await setup();
      const to = uniqueTo('cron');
      const result = await dm.send(dmMessage(to), { schedule: { cron: '* * * * * *', times: 3 } });
      const job = await until(
        async () => {
          const j = await scheduler.get(result.id);
          return j?.state === 'sent' ? j : undefined;
        },
        20_000,
        'three cron runs',
      );
      expect(copies(to)).toHaveLength(3);
      expect(job.runs.map((r) => r.index)).toEqual([0, 1, 2]);
      const dues = job.runs.map((r) => r.due.getTime());
      expect(dues[1]! - dues[0]!).toBe(1000);
      expect(dues[2]! - dues[1]!).toBe(1000);
    });

    it('keeps a recurring job pending on its next occurrence, `at + k × every`', async () => {
      const { scheduler, dm } = await setup();
      const at = soon();
      const result = await dm.send(dmMessage(uniqueTo('every')), {
        schedule: { at, every: { hours: 2 }, times: 2 },
      });
      const job = await until(
        async () => {
          const j = await scheduler.get(result.id);
          return j && j.runs.length === 1 && j.state === 'pending' ? j : undefined;
        },
        15_000,
        'first run recorded',
      );
      expect(job.next).toEqual({ index: 1, due: new Date(at.getTime() + 2 * 3_600_000) });
    });

    it('schedules a batch the provider cannot hold natively, and fires it', async () => {
      const { scheduler, dm } = await setup();
      const group = await dm.groups.create({ name: `sched${Date.now() % 1e8}` });
      const recipients = [uniqueTo('batch'), uniqueTo('batch')];
      await dm.groups.addRecipients(group.id, recipients);
      const result = await dm.sendBatch({
        from: 'batch@mail.example.com',
        group: group.id,
        template: { id: 'welcome' },
        schedule: { at: soon() },
      });
      expect(result).toMatchObject({ native: false, scheduled: true });
      const { id } = result;
      await until(
        async () => (await scheduler.get(id))?.state === 'sent',
        15_000,
        'batch job sent',
      );
      for (const to of recipients) expect(copies(to)).toHaveLength(1);
    });

    it('cancels a pending job: it never fires; a final job cannot be cancelled', async () => {
      const { scheduler, dm } = await setup();
      const to = uniqueTo('cancel');
      const result = await dm.send(dmMessage(to), { at: soon(400) });
      const cancelled = await scheduler.cancel(result.id);
      expect(cancelled?.state).toBe('cancelled');
      expect((await scheduler.get(result.id))?.state).toBe('cancelled');
      expect(await scheduler.cancel('no-such-job')).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(copies(to)).toHaveLength(0);
      const error = await failure(scheduler.cancel(result.id));
      expect(error.code).toBe('conflict');
    });

    it('records a refused send as failed, with its MailError kept through the store', async () => {
      const { scheduler, dm } = await setup();
      emu.inject({
        provider: 'aliyun-dm',
        action: 'SingleSendMail',
        fault: { kind: 'error', code: 'InvalidMailAddress.NotFound', status: 400 },
      });
      const result = await dm.send(dmMessage(uniqueTo('fail')), { at: soon() });
      const job = await until(
        async () => {
          const j = await scheduler.get(result.id);
          return j?.state === 'failed' ? j : undefined;
        },
        15_000,
        'job failed',
      );
      expect(isMailError(job.error)).toBe(true);
      expect(job.error).toMatchObject({
        code: 'not_found',
        delivery: 'not_sent',
        provider: 'aliyun-dm',
      });
      expect(job.runs[0]?.state).toBe('failed');
      expect(events.some((e) => e.kind === 'failed' && e.job.id === result.id)).toBe(true);
    });

    it('checks the rule when scheduling: a bad cron or time zone is invalid_input and nothing is stored', async () => {
      const { scheduler, dm } = await setup();
      const bad = await failure(
        dm.send(dmMessage(uniqueTo('bad')), { schedule: { cron: '61 * * * *' } }),
      );
      expect(bad.code).toBe('invalid_input');
      expect(bad.issues[0]?.path).toEqual(['schedule', 'cron']);
      const tz = await failure(
        dm.send(dmMessage(uniqueTo('bad')), {
          schedule: { cron: '0 9 * * *', tz: 'Mars/Olympus' },
        }),
      );
      expect(tz.issues[0]?.path).toEqual(['schedule', 'tz']);
      const stored: Job[] = [];
      for await (const job of scheduler.list()) stored.push(job);
      expect(stored).toHaveLength(0);
    });

    it('takes one mailer per provider id: a second is refused (conflict), the first keeps sending', async () => {
      const { scheduler, dm } = await setup();
      const other = emu.credentials.aliyun[0] as { id: string; secret: string };
      const second = () =>
        createMailer(
          aliyunDm({ region: 'cn-hangzhou', endpoint: emu.aliyunEndpoint, credentials: other }),
          { scheduler },
        );
      let refused: unknown;
      try {
        mailers.push(second());
      } catch (error) {
        refused = error;
      }
      expect(isMailError(refused) && refused.code).toBe('conflict');
      const to = uniqueTo('one-runner');
      await dm.send(dmMessage(to), { at: soon() });
      await until(() => copies(to).length === 1, 15_000, 'the first mailer to send');
      // Once the first mailer is closed, the provider id is free again.
      await dm.close();
      mailers.push(second());
    });

    it('once closed, refuses to schedule, get or cancel with a MailError; nothing is stored', async () => {
      const { scheduler: closing, dm } = await setup();
      const kept = await dm.send(dmMessage(uniqueTo('closed-a')), { at: later() });
      await closing.close();
      scheduler = undefined; // closed here, not again after the test
      const calls = [
        () => dm.send(dmMessage(uniqueTo('closed-b')), { at: later() }),
        () => dm.schedules.get(kept.id),
        () => dm.schedules.cancel(kept.id),
      ];
      for (const call of calls) {
        const error = await failure(call());
        expect(error).toMatchObject({ code: 'conflict', delivery: 'not_sent' });
        expect(error.message).toContain('closed');
      }
    });
  });
}
