/**
 * The README's capability matrix is exactly what the generator renders from the adapters'
 * capabilities objects, and the generator renders every capability those objects declare.
 * When an adapter changes its capabilities, this fails until the README is regenerated with
 * `node --import tsx test/docs/capability-matrix.ts --write`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  currentMatrix,
  END,
  README,
  ROWS,
  renderMatrix,
  START,
  withMatrix,
} from './capability-matrix.js';

/** Dotted paths of every leaf of a capabilities object (objects that may be `false` count whole). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || value instanceof RegExp) return [prefix];
  if (prefix === 'rateLimits' || prefix === 'attachments' || prefix === 'headers') return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    leafPaths(inner, prefix === '' ? key : `${prefix}.${key}`),
  );
}

describe('capability matrix', () => {
  it('the README holds exactly the generated matrix between the markers', () => {
    const readme = readFileSync(README, 'utf8');
    const current = currentMatrix(readme);
    expect(current, `README.md needs ${START} and ${END}`).toBeDefined();
    expect(current).toBe(renderMatrix());
  });

  it('renders every capability either adapter declares', () => {
    const covered = new Set(ROWS.flatMap((r) => r.covers));
    const declared = new Set(
      COLUMNS.flatMap((c) => [c.base, ...(c.variant ? [c.variant.caps] : [])]).flatMap((caps) =>
        leafPaths(caps).filter((path) => path !== 'provider'),
      ),
    );
    expect([...declared].filter((path) => !covered.has(path))).toEqual([]);
  });

  it('has one column per provider, and one row per line of the table', () => {
    const table = renderMatrix()
      .split('\n')
      .filter((line) => line.startsWith('|'));
    expect(table).toHaveLength(ROWS.length + 2);
    for (const line of table) expect(line.split(' | ')).toHaveLength(COLUMNS.length + 1);
  });

  it('--write replaces only the block between the markers', () => {
    const stale = `# title\n\nbefore\n\n${START}\nold\n${END}\n\nafter\n`;
    const updated = withMatrix(stale);
    expect(updated.startsWith('# title\n\nbefore\n\n')).toBe(true);
    expect(updated.endsWith('\n\nafter\n')).toBe(true);
    expect(currentMatrix(updated)).toBe(renderMatrix());
    expect(() => withMatrix('# no markers\n')).toThrow(/markers/);
  });
});
