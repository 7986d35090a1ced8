/**
 * The resource views' input rules, which run before any request: dates that exist, ranges in
 * order and within the provider's retention, addresses without names, de-duplicated.
 */
import { describe, expect, it } from 'vitest';
import {
  checkStatsQuery,
  parseDay,
  requireAddresses,
  requireTemplateId,
} from '../src/resources/check.js';

const NOW = Date.UTC(2026, 11, 7, 12);
const issue = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { code: string; issues: { path: unknown[] }[] }).issues[0]?.path;
  }
  throw new Error('expected an error');
};

describe('resource input checks', () => {
  it('reads only dates that exist', () => {
    expect(parseDay('2026-12-07')).toBe(Date.UTC(2026, 11, 7));
    expect(parseDay('2026-02-30')).toBeUndefined();
    expect(parseDay('2026-2-3')).toBeUndefined();
    expect(parseDay(20261207)).toBeUndefined();
  });

  it('takes a range in order, within retention, with the provider day a day ahead of UTC', () => {
    expect(checkStatsQuery({ from: '2026-11-08', to: '2026-12-08' }, 'p', 30, NOW)).toEqual({
      from: Date.UTC(2026, 10, 8),
      to: Date.UTC(2026, 11, 8),
    });
    expect(
      issue(() => checkStatsQuery({ from: '2026-11-06', to: '2026-12-07' }, 'p', 30, NOW)),
    ).toEqual(['from']);
    expect(
      issue(() => checkStatsQuery({ from: '2026-12-07', to: '2026-12-06' }, 'p', 30, NOW)),
    ).toEqual(['to']);
    expect(issue(() => checkStatsQuery({ from: '2026-12-07', to: 'today' }, 'p', 30, NOW))).toEqual(
      ['to'],
    );
    expect(issue(() => checkStatsQuery(null, 'p', 30, NOW))).toEqual(['query']);
  });

  it('de-duplicates addresses case-insensitively and refuses names and garbage by index', () => {
    expect(
      requireAddresses(['A@example.com', 'a@EXAMPLE.com', 'b@example.com'], 'addresses', 'p'),
    ).toEqual(['A@example.com', 'b@example.com']);
    expect(
      issue(() => requireAddresses(['a@example.com', 'Ann <b@example.com>'], 'addresses', 'p')),
    ).toEqual(['addresses', 1]);
    expect(issue(() => requireAddresses([], 'addresses', 'p'))).toEqual(['addresses']);
    expect(issue(() => requireAddresses('a@example.com', 'addresses', 'p'))).toEqual(['addresses']);
  });

  it('requires numeric template ids where the provider references templates by id', () => {
    expect(requireTemplateId(42, 'p', true)).toBe('42');
    expect(requireTemplateId('welcome', 'p', false)).toBe('welcome');
    expect(issue(() => requireTemplateId('welcome', 'p', true))).toEqual(['id']);
    expect(issue(() => requireTemplateId('', 'p', false))).toEqual(['id']);
  });
});
