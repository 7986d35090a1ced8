import { describe, expect, it } from 'vitest';
import {
  normalizeBatch,
  normalizeGroupInput,
  normalizeRecipient,
} from '../src/message/validate.js';
import { expectIssue, issuesOf } from './helpers/issues.js';

const at = new Date('2030-01-02T03:04:05Z');
const base = { from: 'Shop <shop@example.com>', group: 'customers', template: { id: 42 } };

describe('normalizeBatch', () => {
  it('normalises a minimal batch with defaults, deeply frozen', () => {
    const batch = normalizeBatch(base);
    expect(batch).toEqual({
      from: { address: 'shop@example.com', name: 'Shop' },
      group: 'customers',
      template: { id: 42 },
      tags: [],
      tracking: {},
      providerOptions: {},
    });
    for (const part of [
      batch,
      batch.from,
      batch.template,
      batch.tags,
      batch.tracking,
      batch.providerOptions,
    ]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
  });

  it('accepts timed and recurring schedules, copying the Date', () => {
    const when = new Date(at);
    const timed = normalizeBatch({ ...base, schedule: { at: when } });
    const recurring = normalizeBatch({
      ...base,
      subject: 'Weekly',
      replyTo: 'r@example.com',
      tags: ['news'],
      tracking: { opens: true },
      schedule: { at, every: { days: 7 }, times: 4 },
    });
    when.setFullYear(2040);
    expect(timed.schedule).toEqual({ at });
    expect(recurring).toMatchObject({
      subject: 'Weekly',
      replyTo: { address: 'r@example.com' },
      tags: ['news'],
      tracking: { opens: true },
    });
    expect(recurring.schedule).toEqual({ at, every: { days: 7 }, times: 4 });
    expect(Object.isFrozen(recurring.schedule)).toBe(true);
  });

  it.each([
    ['missing group', { group: undefined }, ['group'], 'is required'],
    ['empty group', { group: '' }, ['group'], 'must not be empty'],
    ['group with a line break', { group: 'a\nb' }, ['group'], 'header injection'],
    ['missing template', { template: undefined }, ['template'], 'is required'],
    [
      'template data (batches take none)',
      { template: { id: 1, data: {} } },
      ['template', 'data'],
      'unknown field',
    ],
    [
      'template id of wrong type',
      { template: { id: true } },
      ['template', 'id'],
      'template name or id',
    ],
    ['from malformed', { from: 'shop' }, ['from'], 'invalid email address'],
    ['replyTo as a list', { replyTo: ['a@x.com'] }, ['replyTo'], 'expected an email address'],
    ['empty subject', { subject: '' }, ['subject'], 'must not be empty'],
    ['empty tag', { tags: [''] }, ['tags', 0], 'must not be empty'],
    ['unknown field', { to: 'a@x.com' }, ['to'], 'unknown field "to"'],
    [
      'at as a string',
      { schedule: { at: '2030-01-01' } },
      ['schedule', 'at'],
      'expected a valid Date',
    ],
    [
      'at an invalid Date',
      { schedule: { at: new Date('nope') } },
      ['schedule', 'at'],
      'expected a valid Date',
    ],
    ['missing at', { schedule: { every: { days: 1 } } }, ['schedule', 'at'], 'is required'],
    [
      'every zero days',
      { schedule: { at, every: { days: 0 } } },
      ['schedule', 'every', 'days'],
      'positive integer',
    ],
    [
      'every fractional days',
      { schedule: { at, every: { days: 1.5 } } },
      ['schedule', 'every', 'days'],
      'integer',
    ],
    [
      'every in weeks',
      { schedule: { at, every: { weeks: 1 } } },
      ['schedule', 'every', 'weeks'],
      'unknown field',
    ],
    [
      'times zero',
      { schedule: { at, every: { days: 1 }, times: 0 } },
      ['schedule', 'times'],
      'positive integer',
    ],
    [
      'times without every',
      { schedule: { at, times: 3 } },
      ['schedule', 'times'],
      'recurring schedule',
    ],
  ] as const)('rejects %s', (_, change, path, words) => {
    const input: Record<string, unknown> = { ...base, ...change };
    for (const [key, value] of Object.entries(change)) if (value === undefined) delete input[key];
    expectIssue(
      issuesOf(() => normalizeBatch(input)),
      path,
      words,
    );
  });
});

describe('normalizeRecipient', () => {
  it.each([
    ['a@example.com', { address: 'a@example.com' }],
    ['Ann <a@example.com>', { address: 'a@example.com', name: 'Ann' }],
    [
      { address: '用户@例子.中国', name: '用户', data: { plan: 'pro' } },
      { address: '用户@xn--fsqu00a.xn--fiqs8s', name: '用户', data: { plan: 'pro' } },
    ],
    [{ address: ' a@example.com ' }, { address: 'a@example.com' }],
  ])('accepts %j', (input, expected) => {
    const recipient = normalizeRecipient(input);
    expect(recipient).toEqual(expected);
    expect(Object.isFrozen(recipient)).toBe(true);
    if (recipient.data) expect(Object.isFrozen(recipient.data)).toBe(true);
  });

  it.each([
    ['nope', 3, [3], 'invalid email address'],
    [{ address: 'x' }, 2, [2, 'address'], 'invalid email address'],
    [{ address: 'a@x.com', name: 'A\r\n' }, 0, [0, 'name'], 'header injection'],
    [{ address: 'a@x.com', data: { k: 1 } }, 5, [5, 'data', 'k'], 'expected a string'],
    [{ address: 'a@x.com', data: { '': 'v' } }, 5, [5, 'data', ''], 'must not be empty'],
    [{ address: 'a@x.com', extra: 1 }, 1, [1, 'extra'], 'unknown field'],
    [null, 0, [0], 'expected an email address or { address, name, data }'],
    [42, undefined, [], 'expected an email address'],
  ] as const)('rejects %j at index %s', (input, index, path, words) => {
    expectIssue(
      issuesOf(() => normalizeRecipient(input, index)),
      path,
      words,
    );
  });
});

describe('normalizeGroupInput', () => {
  it('accepts a name and an optional description', () => {
    expect(normalizeGroupInput({ name: 'vip' })).toEqual({ name: 'vip' });
    expect(normalizeGroupInput({ name: '会员', description: 'VIP 客户' })).toEqual({
      name: '会员',
      description: 'VIP 客户',
    });
  });

  it.each([
    [{ name: '' }, ['name'], 'must not be empty'],
    [{}, ['name'], 'is required'],
    [{ name: 'a', size: 1 }, ['size'], 'unknown field'],
    [{ name: 'a', description: 'x\ny' }, ['description'], 'header injection'],
    ['vip', [], 'expected an object, got a string'],
  ] as const)('rejects %j', (input, path, words) => {
    expectIssue(
      issuesOf(() => normalizeGroupInput(input)),
      path,
      words,
    );
  });
});
