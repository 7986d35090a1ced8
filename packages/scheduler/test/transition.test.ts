import { MailError } from '@mailbridge/core';
import { normalizeRule } from '@mailbridge/core/provider';
import { describe, expect, it } from 'vitest';
import { decodeJob, encodeJob } from '../src/codec.js';
import { claimJob, newJob, recordOutcome, skipMissed } from '../src/transition.js';

const H = 3_600_000;
const at = new Date('2030-01-01T00:00:00Z');
const message = {
  from: { address: 'a@example.com' },
  to: [{ address: 'b@example.com' }],
  cc: [],
  bcc: [],
  replyTo: [],
  subject: 'at: 2030-01-01T00:00:00.000Z',
  text: 'x',
  attachments: [{ filename: 'a.bin', content: new Uint8Array([0, 1, 255]) }],
  headers: {},
  tags: [],
  tracking: {},
  providerOptions: { p: { at: '2030-01-01T00:00:00.000Z' } },
};
const job = (rule: unknown) =>
  newJob('j1', { provider: 'p', payload: { kind: 'send', message }, rule: normalizeRule(rule) }, 0);

describe('job transitions', () => {
  it('a recurring job returns to pending on its next occurrence; the last run sets the final state', () => {
    let j = job({ at, every: { hours: 1 }, times: 2 });
    j = claimJob(j!, at.getTime() + 500, undefined);
    const first = recordOutcome(j, { state: 'sent', id: 'm1' }, at.getTime() + 900);
    expect(first.job).toMatchObject({
      state: 'pending',
      next: { index: 1, due: new Date(at.getTime() + H) },
    });
    expect(first.run).toMatchObject({ index: 0, state: 'sent', id: 'm1', latenessMs: 500 });
    const error = new MailError('no', { code: 'rejected' });
    const second = recordOutcome(
      claimJob(first.job, at.getTime() + H, undefined),
      { state: 'failed', error },
      0,
    );
    expect(second.job.state).toBe('failed');
    expect(second.job.error).toBe(error);
    expect(second.job.next).toBeUndefined();
    expect(second.job.runs).toHaveLength(2);
  });

  it('missed: late (default) keeps a missed occurrence due, so it fires late with its lateness', () => {
    const j = job({ at, every: { hours: 1 } })!;
    expect(skipMissed(j, at.getTime() + 5 * H)).toBe(j);
  });

  it('missed: skip records occurrences missed beyond the grace as skipped and moves on', () => {
    const j = job({ at, every: { hours: 1 } })!;
    const skipped = skipMissed(j, at.getTime() + 2 * H + 30_000, {
      missed: 'skip',
      missedAfterMs: 60_000,
    });
    expect(skipped.runs.map((r) => [r.index, r.state])).toEqual([
      [0, 'skipped'],
      [1, 'skipped'],
    ]);
    expect(skipped.next).toEqual({ index: 2, due: new Date(at.getTime() + 2 * H) });
    const once = skipMissed(job({ at })!, at.getTime() + H, { missed: 'skip' });
    expect(once.state).toBe('failed');
    expect(once.error?.code).toBe('timeout');
  });

  it('a job survives the codec: dates, bytes, errors, and strings that look like dates', () => {
    let j = claimJob(job({ at, every: { days: 1 } })!, at.getTime(), { nonce: 'n', timestamp: 5 });
    j = recordOutcome(
      j,
      { state: 'unknown', error: new MailError('maybe', { code: 'timeout', delivery: 'unknown' }) },
      7,
    ).job;
    const back = decodeJob(encodeJob(j));
    expect(back).toEqual(j);
    expect(back.runs[0]?.error).toBeInstanceOf(MailError);
    expect(back.payload.kind === 'send' && back.payload.message.attachments[0]?.content).toEqual(
      new Uint8Array([0, 1, 255]),
    );
    expect(back.payload.kind === 'send' && back.payload.message.subject).toBe(
      'at: 2030-01-01T00:00:00.000Z',
    );
  });
});
