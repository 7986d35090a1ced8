/**
 * `mailer.status` over SenderStatisticsDetailByParam (docs/providers/events.md §4): the rows'
 * `Status` in neutral kinds, and the window the query asked for.
 */
import { describe, expect, it } from 'vitest';
import { attempt, provider } from './helpers/fixtures.js';

const now = Date.UTC(2024, 1, 12, 8, 44, 3);
const query = {
  recipient: 'r@example.com',
  since: new Date(now - 60 * 60 * 1000),
  until: new Date(now),
  now: new Date(now),
};
const answer = (rows: readonly Record<string, unknown>[]) => ({
  status: 200,
  headers: {},
  body: JSON.stringify({ RequestId: 'R', data: { mailDetail: rows } }),
});
const row = (status: number, updated = now / 1000) => ({
  ToAddress: 'r@example.com',
  AccountName: 'noreply@mail.example.com',
  Status: status,
  Message: '550 5.1.1 no such user',
  UtcLastUpdateTime: String(updated),
});
const statusOf = (rows: readonly Record<string, unknown>[]) =>
  provider().status?.(query, undefined).parse(answer(rows), attempt(now));

describe('mailer.status pages (SenderStatisticsDetailByParam)', () => {
  it('maps Status 0, 2, 3, 4 to delivered, hard bounce, dropped, soft bounce', () => {
    const items = statusOf([row(0), row(2), row(3), row(4), row(9)])?.items ?? [];
    expect(items.map((s) => [s.kind, s.bounce])).toEqual([
      ['delivered', undefined],
      ['bounced', 'hard'],
      ['dropped', undefined],
      ['bounced', 'soft'],
      ['unknown', undefined],
    ]);
    expect(items.every((s) => s.accepted)).toBe(true);
  });

  it('hands every row of the widened window on with its UtcLastUpdateTime: the core keeps those of the query window (test/events/e2e.test.ts)', () => {
    const before = now / 1000 - 3 * 60 * 60;
    const page = statusOf([row(0, before), row(2), { ...row(4), UtcLastUpdateTime: undefined }]);
    expect(page?.items.map((s) => s.kind)).toEqual(['delivered', 'bounced', 'bounced']);
    expect(page?.items.map((s) => s.updatedAt)).toEqual([
      new Date(before * 1000),
      new Date(now),
      undefined,
    ]);
  });
});
