import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../src/capabilities/capabilities.js';
import { checkMessage } from '../src/capabilities/check.js';
import { checkBatch } from '../src/capabilities/check-batch.js';
import type { Message } from '../src/message/message.js';
import { normalizeBatch, normalizeMessage } from '../src/message/validate.js';
import { thrownMailError } from '../src/testing/mail-errors.js';
import { expectIssue } from './helpers/issues.js';

/** Everything allowed, with small limits so tests stay cheap. */
const open: Capabilities = {
  provider: 'open',
  recipients: { to: 100, cc: 10, bcc: 10, toVisibleToEachOther: true, bccMayOverlapTo: false },
  from: { name: true, nameMaxLength: 20 },
  replyTo: { max: 2, name: true },
  subject: { maxLength: 10 },
  content: {
    html: true,
    text: true,
    bodyMaxBytes: 1000,
    template: 'id',
    batchTemplate: 'id',
    templateDataMaxBytes: 50,
  },
  attachments: { maxCount: 2, maxTotalBytes: 10 },
  headers: { max: 2 },
  tags: { max: 2, maxLength: 8, pattern: /^[a-z0-9_-]+$/ },
  tracking: { opens: true, clicks: true },
  schedule: { timed: true, recurring: true },
  groups: { uploadChunk: 500, removeRecipients: true, recipientData: true, pageSize: 50 },
  rateLimits: {},
};

/** Nothing optional allowed. */
const bare: Capabilities = {
  ...open,
  provider: 'bare',
  recipients: { ...open.recipients, cc: 0, bcc: 0 },
  from: { name: false },
  replyTo: { max: 0, name: false },
  content: { ...open.content, html: false, text: false, template: 'name', batchTemplate: 'name' },
  attachments: false,
  headers: false,
  tags: { max: 0 },
  tracking: { opens: false, clicks: false },
  schedule: { timed: false, recurring: false },
};

const base = { from: 'shop@example.com', to: 'ann@example.com', subject: 'Hi', text: 'Hello' };
const message = (change: Record<string, unknown> = {}): Message =>
  normalizeMessage({ ...base, ...change });
const emails = (count: number, prefix = 'r') =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}@example.com`);

describe('checkMessage: fields a provider cannot honour are unsupported', () => {
  /** A message `bare` can send: a named template, no optional field. */
  const templated = {
    from: 'shop@example.com',
    to: 'ann@example.com',
    subject: 'Hi',
    template: { id: 'welcome' },
  };
  const noTemplate = { template: undefined };

  it.each([
    ['cc', { cc: 'c@example.com' }, {}],
    ['bcc', { bcc: ['b@example.com'] }, {}],
    ['from.name', { from: 'Shop <shop@example.com>' }, {}],
    ['replyTo', { replyTo: 'r@example.com' }, {}],
    ['replyTo.name', { replyTo: 'Desk <r@example.com>' }, { replyTo: { max: 1, name: false } }],
    ['html', { ...noTemplate, html: '<p>x</p>' }, {}],
    ['text', { ...noTemplate, text: 'x' }, {}],
    ['template', {}, { content: { ...bare.content, template: false } }],
    ['attachments', { attachments: [{ filename: 'a.txt', content: 'x' }] }, {}],
    ['headers', { headers: { 'X-A': '1' } }, {}],
    ['tags', { tags: ['news'] }, {}],
    ['tracking.opens', { tracking: { opens: true } }, {}],
    ['tracking.clicks', { tracking: { clicks: true, opens: false } }, {}],
  ] as const)('%s', (field, change, capsChange) => {
    const input: Record<string, unknown> = { ...templated, ...change };
    for (const [key, value] of Object.entries(input)) if (value === undefined) delete input[key];
    const error = thrownMailError(() =>
      checkMessage(normalizeMessage(input), { ...bare, ...capsChange }),
    );
    expect(error).toMatchObject({ code: 'unsupported', provider: 'bare', delivery: 'not_sent' });
    expect(error.message).toContain(`bare does not support ${field}`);
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });

  it('accepts the same message without the optional fields', () => {
    expect(() => checkMessage(normalizeMessage(templated), bare)).not.toThrow();
  });

  it('says a template-only provider sends stored templates only', () => {
    const error = thrownMailError(() =>
      checkMessage(message({ text: undefined, html: '<b>x</b>' }), bare),
    );
    expect(error.message).toBe('bare does not support html: it sends stored templates only');
  });

  it('lists every unsupported field and names the count', () => {
    const error = thrownMailError(() =>
      checkMessage(
        message({
          text: undefined,
          template: { id: 'w' },
          cc: 'c@example.com',
          headers: { 'X-A': '1' },
          tags: ['t'],
        }),
        bare,
      ),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe('bare does not support cc: it has no cc recipients (and 2 more)');
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['cc', 'headers', 'tags']);
  });

  it('lets unsupported win over limits, since no value change can fix it', () => {
    const error = thrownMailError(() =>
      checkMessage(message({ subject: 'x'.repeat(50), headers: { 'X-A': '1' } }), {
        ...open,
        headers: false,
      }),
    );
    expect(error.code).toBe('unsupported');
  });

  it('accepts what the provider can do, including explicit opt-outs', () => {
    expect(() =>
      checkMessage(message({ tracking: { opens: false, clicks: false } }), {
        ...bare,
        content: open.content,
      }),
    ).not.toThrow();
    expect(() =>
      checkMessage(
        message({ cc: 'c@example.com', tags: ['a', 'b'], headers: { 'X-A': '1' } }),
        open,
      ),
    ).not.toThrow();
  });
});

describe('checkMessage: values over a documented limit are invalid_input', () => {
  it.each([
    ['to', { to: emails(101) }, ['to'], 'at most 100 recipients in to for open (got 101)'],
    ['cc', { cc: emails(11, 'c') }, ['cc'], 'at most 10 recipients in cc for open (got 11)'],
    ['bcc', { bcc: emails(11, 'b') }, ['bcc'], 'at most 10 recipients in bcc for open (got 11)'],
    [
      'replyTo',
      { replyTo: emails(3, 'x') },
      ['replyTo'],
      'at most 2 addresses in replyTo for open (got 3)',
    ],
    [
      'from name',
      { from: `${'N'.repeat(21)} <shop@example.com>` },
      ['from', 'name'],
      'at most 20 characters in from.name for open (got 21)',
    ],
    [
      'subject in characters',
      { subject: '你好'.repeat(6) },
      ['subject'],
      'at most 10 characters in subject for open (got 12)',
    ],
    [
      'html in UTF-8 bytes',
      { text: undefined, html: 'é'.repeat(501) },
      ['html'],
      'at most 1000 bytes (UTF-8) in html for open (got 1002)',
    ],
    [
      'text in UTF-8 bytes',
      { text: '中'.repeat(334) },
      ['text'],
      'at most 1000 bytes (UTF-8) in text for open (got 1002)',
    ],
    [
      'attachment count',
      { attachments: ['a', 'b', 'c'].map((filename) => ({ filename, content: 'x' })) },
      ['attachments'],
      'at most 2 attachments in attachments for open (got 3)',
    ],
    [
      'attachment bytes',
      {
        attachments: [
          { filename: 'a', content: 'x'.repeat(6) },
          { filename: 'b', content: 'y'.repeat(5) },
        ],
      },
      ['attachments'],
      'at most 10 bytes in total in attachments for open (got 11)',
    ],
    [
      'header count',
      { headers: { 'X-A': '1', 'X-B': '2', 'X-C': '3' } },
      ['headers'],
      'at most 2 headers in headers for open (got 3)',
    ],
    ['tag count', { tags: ['a', 'b', 'c'] }, ['tags'], 'at most 2 tags in tags for open (got 3)'],
    [
      'tag length',
      { tags: ['a', 'x'.repeat(9)] },
      ['tags', 1],
      'at most 8 characters in tags.1 for open (got 9)',
    ],
    [
      'tag pattern',
      { tags: ['Bad Tag'] },
      ['tags', 0],
      'tag does not match /^[a-z0-9_-]+$/, the tag syntax of open',
    ],
    [
      'template data bytes',
      { text: undefined, template: { id: 1, data: { k: 'v'.repeat(50) } } },
      ['template', 'data'],
      'at most 50 bytes of serialised JSON in template.data for open (got 58)',
    ],
    [
      'template data one byte over',
      { text: undefined, template: { id: 1, data: { k: 'v'.repeat(43) } } },
      ['template', 'data'],
      'at most 50 bytes of serialised JSON in template.data for open (got 51)',
    ],
    [
      'template id kind',
      { text: undefined, template: { id: 'welcome' } },
      ['template', 'id'],
      'open references templates by numeric id',
    ],
  ] as const)('%s', (_, change, path, words) => {
    const error = thrownMailError(() => checkMessage(message(change), open));
    expect(error).toMatchObject({ code: 'invalid_input', provider: 'open' });
    expectIssue(error.issues, path, words);
  });

  it('bounds bodies and attachments together where the provider bounds the whole message', () => {
    const caps = { ...open, content: { ...open.content, messageMaxBytes: 20 } };
    const attachments = [{ filename: 'a', content: 'x'.repeat(6) }];
    // 10 bytes of html, 5 of text, 6 of attachment: each alone is within its own limit.
    const error = thrownMailError(() =>
      checkMessage(message({ html: 'h'.repeat(10), attachments }), caps),
    );
    expect(error).toMatchObject({ code: 'invalid_input', provider: 'open' });
    expectIssue(error.issues, ['attachments'], 'at most 20 bytes for bodies and attachments');
    expect(error.message).toContain('(got 21)');
    expect(() => checkMessage(message({ html: 'h'.repeat(9), attachments }), caps)).not.toThrow();
  });

  it('counts characters, not UTF-16 units, and bytes, not characters', () => {
    expect(() => checkMessage(message({ subject: '😀'.repeat(10) }), open)).not.toThrow();
    expect(() => checkMessage(message({ text: 'a'.repeat(1000) }), open)).not.toThrow();
    expect(() => checkMessage(message({ text: '中'.repeat(333) }), open)).not.toThrow();
    const data = { k: 'v'.repeat(42) };
    expect(() =>
      checkMessage(message({ text: undefined, template: { id: 1, data } }), open),
    ).not.toThrow();
  });

  it('accepts numeric ids as numbers or numeric strings, and names as strings', () => {
    expect(() =>
      checkMessage(message({ text: undefined, template: { id: '12345' } }), open),
    ).not.toThrow();
    expect(() =>
      checkMessage(message({ text: undefined, template: { id: 12345 } }), open),
    ).not.toThrow();
    const byName = { ...open, content: { ...open.content, template: 'name' as const } };
    expect(() =>
      checkMessage(message({ text: undefined, template: { id: 'welcome' } }), byName),
    ).not.toThrow();
    expectIssue(
      thrownMailError(() => checkMessage(message({ text: undefined, template: { id: 7 } }), byName))
        .issues,
      ['template', 'id'],
      'by name',
    );
  });

  it('refuses a bcc that repeats a to recipient when the provider forbids it', () => {
    // normalizeMessage already refuses duplicates; an adapter may still build a Message itself.
    const built: Message = { ...message(), bcc: [{ address: 'ANN@example.com' }] };
    expectIssue(
      thrownMailError(() => checkMessage(built, open)).issues,
      ['bcc', 0],
      'does not allow a recipient in both to and bcc',
    );
    expect(() =>
      checkMessage(built, { ...open, recipients: { ...open.recipients, bccMayOverlapTo: true } }),
    ).not.toThrow();
  });

  it('collects every limit problem before throwing', () => {
    const error = thrownMailError(() =>
      checkMessage(message({ to: emails(101), subject: 'x'.repeat(11), tags: ['UPPER'] }), open),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([['to'], ['subject'], ['tags', 0]]);
    expect(error.message).toBe(
      'Invalid input: to: at most 100 recipients in to for open (got 101) (and 2 more)',
    );
  });

  it('uses a global tag pattern without carrying state between calls', () => {
    const caps = { ...open, tags: { max: 2, pattern: /^[a-z]+$/g } };
    for (let i = 0; i < 3; i++)
      expect(() => checkMessage(message({ tags: ['abc', 'def'] }), caps)).not.toThrow();
  });
});

describe('checkBatch', () => {
  const batch = (change: Record<string, unknown> = {}) =>
    normalizeBatch({ from: 'shop@example.com', group: 'g', template: { id: 7 }, ...change });
  const at = new Date('2030-01-01T00:00:00Z');

  it('refuses any schedule on a provider without native scheduling, saying so', () => {
    for (const schedule of [{ at }, { at, every: { days: 1 } }]) {
      const error = thrownMailError(() =>
        checkBatch(batch({ schedule }), { ...open, schedule: { timed: false, recurring: false } }),
      );
      expect(error).toMatchObject({ code: 'unsupported', provider: 'open' });
      expect(error.message).toContain(
        'open does not support schedule: it has no native scheduling',
      );
    }
  });

  it('tells timed from recurring support', () => {
    const timedOnly = { ...open, schedule: { timed: true, recurring: false } };
    expect(() => checkBatch(batch({ schedule: { at } }), timedOnly)).not.toThrow();
    expect(
      thrownMailError(() => checkBatch(batch({ schedule: { at, every: { days: 1 } } }), timedOnly))
        .message,
    ).toContain('no native recurring scheduling');
    const recurringOnly = { ...open, schedule: { timed: false, recurring: true } };
    expect(
      thrownMailError(() => checkBatch(batch({ schedule: { at } }), recurringOnly)).message,
    ).toContain('no native timed scheduling');
  });

  it('holds a direct caller to what the provider keeps itself: no cron, a run count only with runCount', () => {
    const cron = thrownMailError(() =>
      checkBatch(batch({ schedule: { cron: '0 9 * * 1' } }), open),
    );
    expect(cron).toMatchObject({ code: 'unsupported', provider: 'open' });
    expect(cron.message).toContain('open does not support schedule.cron');
    const thrice = batch({ schedule: { at, every: { days: 7 }, times: 3 } });
    expect(thrownMailError(() => checkBatch(thrice, open)).message).toContain(
      'open does not support schedule.times: its recurring tasks repeat until stopped',
    );
    const counted = { ...open, schedule: { ...open.schedule, runCount: true } };
    expect(() => checkBatch(thrice, counted)).not.toThrow();
    // One run of a recurring rule is a timed send.
    const once = batch({ schedule: { at, every: { days: 7 }, times: 1 } });
    expect(() =>
      checkBatch(once, { ...open, schedule: { timed: true, recurring: false } }),
    ).not.toThrow();
  });

  it.each([
    [
      'a name where ids are numeric',
      { template: { id: 'welcome' } },
      open,
      ['template', 'id'],
      'open references templates by numeric id',
    ],
    [
      'a number where templates go by name',
      {},
      bare,
      ['template', 'id'],
      'bare references templates by name',
    ],
    [
      'a long subject',
      { subject: 'x'.repeat(11) },
      open,
      ['subject'],
      'at most 10 characters in subject for open',
    ],
    ['a bad tag', { tags: ['Nope!'] }, open, ['tags', 0], 'tag syntax of open'],
    [
      'a long sender name',
      { from: `${'N'.repeat(21)} <a@example.com>` },
      open,
      ['from', 'name'],
      'at most 20 characters',
    ],
  ] as const)('rejects %s', (_, change, caps, path, words) => {
    const error = thrownMailError(() => checkBatch(batch(change), caps));
    expect(error.code).toBe('invalid_input');
    expectIssue(error.issues, path, words);
  });

  it.each([
    ['from.name', { from: 'Shop <shop@example.com>', template: { id: 'w' } }],
    ['replyTo', { replyTo: 'r@example.com', template: { id: 'w' } }],
    ['tags', { tags: ['t'], template: { id: 'w' } }],
    ['tracking.clicks', { tracking: { clicks: true }, template: { id: 'w' } }],
  ] as const)('refuses %s where unsupported', (field, change) => {
    const error = thrownMailError(() => checkBatch(batch(change), bare));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain(`bare does not support ${field}`);
  });

  it('accepts a plain batch', () => {
    expect(() => checkBatch(batch({ template: { id: 'w' } }), bare)).not.toThrow();
    expect(() =>
      checkBatch(batch({ schedule: { at, every: { days: 7 } }, tags: ['a'] }), open),
    ).not.toThrow();
  });
});

describe('local parts that need SMTPUTF8', () => {
  const message = (to: string) =>
    normalizeMessage({ from: 'a@example.com', to, subject: 'hi', text: 'x' });

  it.each(['用户@example.com', '"a b"@example.com'])('%s is unsupported by default', (to) => {
    const error = thrownMailError(() => checkMessage(message(to), open));
    expect(error).toMatchObject({ code: 'unsupported', provider: 'open' });
    expect(error.message).toContain('to');
  });

  it.each([
    ['from', { from: '用户@example.com' }],
    ['cc', { cc: '用户@example.com' }],
    ['bcc', { bcc: '用户@example.com' }],
    ['replyTo', { replyTo: '用户@example.com' }],
  ])('is checked in %s too, not only in to', (field, change) => {
    const error = thrownMailError(() =>
      checkMessage(normalizeMessage({ ...base, ...change }), open),
    );
    expect(error).toMatchObject({ code: 'unsupported', provider: 'open' });
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });

  it.each([
    ['from', { from: '用户@example.com' }],
    ['replyTo', { replyTo: '用户@example.com' }],
  ])('is checked in a batch %s too', (field, change) => {
    const batch = normalizeBatch({
      from: 'a@example.com',
      group: 'g',
      template: { id: 7 },
      ...change,
    });
    const error = thrownMailError(() => checkBatch(batch, open));
    expect(error).toMatchObject({ code: 'unsupported', provider: 'open' });
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });

  it('passes when the provider accepts them', () => {
    const caps = { ...open, recipients: { ...open.recipients, unicodeLocalPart: true } };
    expect(() => checkMessage(message('用户@example.com'), caps)).not.toThrow();
  });

  it('an IDN domain alone is fine: it is sent in its ASCII form', () => {
    const normalised = message('a@bücher.de');
    expect(normalised.to[0]?.address).toBe('a@xn--bcher-kva.de');
    expect(() => checkMessage(normalised, open)).not.toThrow();
  });
});
