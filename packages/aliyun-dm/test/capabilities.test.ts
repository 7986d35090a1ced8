import { expect, it } from 'vitest';
import { capabilities, RATE_LIMITS, TAG_PATTERN } from '../src/capabilities.js';

it('recipient caps per docs/providers/aliyun-dm.md: to 100, no cc, bcc 2 (SDK)', () => {
  expect(capabilities.recipients).toMatchObject({
    to: 100,
    cc: 0,
    bcc: 2,
    toVisibleToEachOther: false,
  });
});

it('content, templates, attachments, headers, tags, tracking, schedule, groups', () => {
  expect(capabilities.from).toEqual({ name: true, nameMaxLength: 14 });
  expect(capabilities.content).toMatchObject({
    html: true,
    text: true,
    template: 'id',
    batchTemplate: 'name',
  });
  expect(capabilities.subject.maxLength).toBe(256);
  // Over SMTP (smtp/): 100 files, 10 MiB raw so the message stays under 15 MB once encoded.
  expect(capabilities.attachments).toEqual({ maxCount: 100, maxTotalBytes: 10 * 1024 * 1024 });
  expect(capabilities.headers).toEqual({ max: 10 });
  expect(capabilities.tags).toMatchObject({ max: 1, maxLength: 128 });
  expect(capabilities.tracking).toEqual({ opens: true, clicks: true });
  expect(capabilities.schedule).toMatchObject({ timed: false, recurring: false });
  expect(capabilities.groups).toMatchObject({
    uploadChunk: 500,
    removeRecipients: true,
    recipientData: true,
  });
});

it('TagName pattern: 1–128 of [A-Za-z0-9_-]', () => {
  expect(TAG_PATTERN.test('demo_tag-1')).toBe(true);
  expect(TAG_PATTERN.test('x'.repeat(128))).toBe(true);
  for (const bad of ['', 'x'.repeat(129), 'with space', '标签', 'a.b'])
    expect(TAG_PATTERN.test(bad)).toBe(false);
});

it('rate limits from docs/providers/aliyun-dm.md "Rate limits", each with its source', () => {
  expect(RATE_LIMITS['SingleSendMail']).toMatchObject({ requests: 100, perMs: 1_000 });
  expect(RATE_LIMITS['BatchSendMail']).toMatchObject({ requests: 20, perMs: 60_000 });
  expect(RATE_LIMITS['QueryReceiverDetail']).toMatchObject({ requests: 2, perMs: 1_000 });
  expect(RATE_LIMITS['SenderStatisticsDetailByParam']).toMatchObject({
    requests: 500,
    perMs: 60_000,
  });
  expect(RATE_LIMITS['CreateTag']).toMatchObject({ requests: 30, perMs: 10_000 });
  for (const limit of Object.values(RATE_LIMITS)) expect(limit.source.length).toBeGreaterThan(5);
});
