/**
 * The BullMQ engine in one process against real Redis and the emulator: due times, recurring
 * occurrences computed from the rule, cancel, list/get, graceful close and option validation.
 * Multi-process behaviour is in crash.test.ts and shared-limit.test.ts.
 */
import { aliyunDm } from '@mailbridge/aliyun-dm';
import { createMailer, isMailError, type Job, type Mailer } from '@mailbridge/core';
import { normalizeMessage } from '@mailbridge/core/provider';
import type { Emulator } from '@mailbridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BullmqScheduler, bullmqScheduler } from '../src/index.js';
import { startWallClockEmulator } from './helpers/emulator.js';
import { describeRedis, dropPrefix, redisUrl, testPrefix } from './helpers/redis.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('options', () => {
  it('names a bad or unknown key before connecting', () => {
    const bad = (options: unknown) => {
      try {
        bullmqScheduler(options as never);
      } catch (error) {
        return isMailError(error) ? `${error.code} ${error.issues[0]?.path.join('.')}` : 'other';
      }
      return 'accepted';
    };
    expect(bad({ connection: 'http://localhost' })).toBe(
      'invalid_input bullmqScheduler.connection',
    );
    expect(bad({ connection: 'redis://x', rateLimit: { max: 0 } })).toBe(
      'invalid_input bullmqScheduler.rateLimit.max',
    );
    expect(bad({ connection: 'redis://x', queue: 'a:b' })).toBe(
      'invalid_input bullmqScheduler.queue',
    );
    expect(bad({ connection: 'redis://x', retries: 3 })).toBe(
      'invalid_input bullmqScheduler.retries',
    );
  });
});

describeRedis('bullmq engine', () => {
  const prefix = testPrefix();
  /** A second scheduler on `queue` that only reads: what another process would find stored. */
  const readerOf = (queue: string) =>
    bullmqScheduler({ connection: redisUrl(), prefix, queue, worker: false });
  let emulator: Emulator;
  let scheduler: BullmqScheduler;
  let mailer: Mailer;

  /** A DirectMail send job to `to`, as the mailer would store it. */
  const sendJob = (to: string, rule: Job['rule']) => ({
    provider: 'aliyun-dm',
    payload: {
      kind: 'send' as const,
      message: normalizeMessage({ from: 'noreply@mail.example.com', to, subject: 'Hi', text: 'x' }),
    },
    rule,
  });
  const schedule = (to: string, rule: Job['rule'], on: BullmqScheduler = scheduler) =>
    on.schedule(sendJob(to, rule));
  const copies = (to: string) => emulator.outbox.filter((e) => e.to === to);
  const until = async (id: string, states: readonly string[], timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await scheduler.get(id);
      if (job && states.includes(job.state)) return job;
      if (Date.now() > deadline) throw new Error(`job ${id} still ${job?.state}`);
      await sleep(50);
    }
  };

  beforeAll(async () => {
    emulator = await startWallClockEmulator();
    const key = emulator.credentials.aliyun[0]!;
    scheduler = bullmqScheduler({ connection: redisUrl(), prefix, concurrency: 4 });
    mailer = createMailer(
      aliyunDm({ region: 'cn-hangzhou', endpoint: emulator.url, credentials: key }),
      { scheduler },
    );
  });
  afterAll(async () => {
    await scheduler?.close();
    await mailer?.close();
    await emulator?.close();
    await dropPrefix(prefix);
  });

  it('sends a timed job once, not before it is due, and records the run', async () => {
    const due = new Date(Date.now() + 1500);
    const job = await schedule('timed@example.com', { at: due });
    expect(job.state).toBe('pending');
    expect(job.next?.due).toEqual(due);
    expect((await scheduler.get(job.id))?.state).toBe('pending');
    const done = await until(job.id, ['sent', 'failed', 'unknown']);
    expect(done.state).toBe('sent');
    expect(done.runs).toHaveLength(1);
    expect(done.runs[0]!.id).toBe(copies('timed@example.com')[0]!.messageId);
    expect(done.runs[0]!.latenessMs).toBeGreaterThanOrEqual(0);
    expect(copies('timed@example.com')).toHaveLength(1);
    expect(copies('timed@example.com')[0]!.time).toBeGreaterThanOrEqual(due.getTime());
  });

  it('checks a rule given to schedule or scheduleMany directly: invalid_input naming the field, nothing stored', async () => {
    // scheduleMany is called by the user, not through the mailer that checks rules elsewhere.
    const at = new Date(Date.now() + 3_600_000);
    const refused = async (call: () => Promise<unknown>) => {
      try {
        await call();
      } catch (error) {
        return isMailError(error) ? `${error.code} ${error.issues[0]?.path.join('.')}` : 'other';
      }
      return 'accepted';
    };
    const zero = { at, every: { hours: 0 } } as never; // every occurrence at `at`: no end
    expect(await refused(() => schedule('zero-interval@example.com', zero))).toBe(
      'invalid_input schedule.every.hours',
    );
    expect(
      await refused(() =>
        scheduler.scheduleMany([
          sendJob('many-ok@example.com', { at }),
          sendJob('many-bad@example.com', { at: 'tomorrow' } as never),
        ]),
      ),
    ).toBe('invalid_input schedule.at');
    const stored: Job[] = [];
    for await (const job of scheduler.list()) stored.push(job);
    const tos = stored.map(
      (job) => job.payload.kind === 'send' && job.payload.message.to[0]?.address,
    );
    expect(tos).not.toContain('zero-interval@example.com');
    expect(tos).not.toContain('many-ok@example.com');
  });

  it('fires a cron rule at the times the rule gives, never drifting, `times` in all', async () => {
    const job = await schedule('cron@example.com', { cron: '* * * * * *', times: 3 });
    const done = await until(job.id, ['sent', 'failed', 'unknown'], 30_000);
    expect(done.state).toBe('sent');
    expect(done.runs.map((r) => r.index)).toEqual([0, 1, 2]);
    const dues = done.runs.map((r) => r.due.getTime());
    // Each occurrence is the next whole second after the previous *due* time.
    expect(dues.every((d) => d % 1000 === 0)).toBe(true);
    expect(dues[1]! - dues[0]!).toBe(1000);
    expect(dues[2]! - dues[1]!).toBe(1000);
    expect(copies('cron@example.com')).toHaveLength(3);
  });

  it('cancels a pending job (never sent), refuses a final one, ignores an unknown id', async () => {
    const job = await schedule('cancel@example.com', { at: new Date(Date.now() + 60_000) });
    const cancelled = await scheduler.cancel(job.id);
    expect(cancelled?.state).toBe('cancelled');
    expect((await scheduler.get(job.id))?.state).toBe('cancelled');
    expect(await scheduler.cancel('no-such-job')).toBeUndefined();

    const sent = await schedule('sent@example.com', { at: new Date() });
    await until(sent.id, ['sent']);
    await expect(scheduler.cancel(sent.id)).rejects.toMatchObject({ code: 'conflict' });

    const listed: Job[] = [];
    for await (const j of scheduler.list({ state: 'cancelled' })) listed.push(j);
    expect(listed.map((j) => j.id)).toContain(job.id);
    expect(copies('cancel@example.com')).toHaveLength(0);
  });

  it('contains hooks that throw or reject: the job is recorded, the worker goes on', async () => {
    const key = emulator.credentials.aliyun[0]!;
    const calls: string[] = [];
    const own = bullmqScheduler({
      connection: redisUrl(),
      prefix,
      queue: 'hooks',
      hooks: {
        onSent: (job) => {
          calls.push(job.id);
          if (calls.length === 1) throw new Error('hook threw');
          return Promise.reject(new Error('hook rejected'));
        },
      },
    });
    const ownMailer = createMailer(
      aliyunDm({ region: 'cn-hangzhou', endpoint: emulator.url, credentials: key }),
      { scheduler: own },
    );
    const jobs = await own.scheduleMany(
      ['hook1@example.com', 'hook2@example.com'].map((to) => sendJob(to, { at: new Date() })),
    );
    const deadline = Date.now() + 20_000;
    while (calls.length < 2 && Date.now() < deadline) await sleep(50);
    for (const job of jobs) expect((await own.get(job.id))?.state).toBe('sent');
    expect(calls.sort()).toEqual(jobs.map((j) => j.id).sort());
    await own.close();
    await ownMailer.close();
  });

  it('close() waits for a send in flight and records it', async () => {
    const key = emulator.credentials.aliyun[0]!;
    const own = bullmqScheduler({ connection: redisUrl(), prefix, queue: 'closing' });
    const ownMailer = createMailer(
      aliyunDm({ region: 'cn-hangzhou', endpoint: emulator.url, credentials: key }),
      { scheduler: own },
    );
    emulator.inject({ action: 'SingleSendMail', fault: { kind: 'delay', ms: 1000 } });
    const before = emulator.requestCount({ action: 'SingleSendMail' });
    const job = await schedule('closing@example.com', { at: new Date() }, own);
    while (emulator.requestCount({ action: 'SingleSendMail' }) === before) await sleep(10);
    await own.close();
    await ownMailer.close();
    const reader = readerOf('closing');
    expect((await reader.get(job.id))?.state).toBe('sent');
    await reader.close();
    expect(copies('closing@example.com')).toHaveLength(1);
  });

  it('a closed scheduler refuses a schedule, a cancel and a get with a MailError', async () => {
    const own = bullmqScheduler({ connection: redisUrl(), prefix, queue: 'closed', worker: false });
    const at = new Date(Date.now() + 3_600_000);
    const job = await schedule('closed@example.com', { at }, own);
    await own.close();
    const calls = [
      () => own.schedule({ provider: 'aliyun-dm', payload: job.payload, rule: { at } }),
      () => own.cancel(job.id),
      () => own.get(job.id),
    ];
    for (const call of calls) {
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isMailError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ delivery: 'not_sent' });
    }
    const reader = readerOf('closed');
    expect((await reader.get(job.id))?.state).toBe('pending');
    await reader.close();
  });
});
