/**
 * `@mailbridge/core` exports exactly what the README documents (issue 14): every name its root
 * entry exports (the built entry's runtime names, and the type names of core's src/index.ts) is
 * named in the README's "API reference" section for the package, and every name that section
 * lists is exported. A new export is a README line; an export nobody documents goes to the
 * adapter kit (`@mailbridge/core/provider`) or `@mailbridge/core/testing`, or goes.
 */
import { readFileSync } from 'node:fs';
import * as core from '@mailbridge/core';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const index = readFileSync(new URL('../../packages/core/src/index.ts', import.meta.url), 'utf8');

/** The README's API reference for `@mailbridge/core`: up to the next heading of any level. */
function referenceSection(): string {
  const start = readme.indexOf('\n### `@mailbridge/core`\n');
  expect(start, 'README has an "### `@mailbridge/core`" API reference').toBeGreaterThan(0);
  const rest = readme.slice(start + 1);
  const end = rest.slice(1).search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

/** Identifiers the section names in backticks (`@mailbridge/...` and calls are not identifiers). */
const documented = new Set(
  [...referenceSection().matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1] as string),
);

/** Every name core's src/index.ts exports, types included, from its named export lists. */
const declared = new Set(
  [...index.matchAll(/export (?:type )?\{([^}]*)\} from '[^']+';/g)].flatMap((m) =>
    (m[1] ?? '')
      .split(',')
      .map(
        (item) =>
          item
            .trim()
            .replace(/^type /, '')
            .split(/\s+as\s+/)
            .pop() ?? '',
      )
      .filter((name) => name !== ''),
  ),
);

describe('@mailbridge/core exports what the README documents', () => {
  it('src/index.ts has named export lists only', () => {
    expect(index).not.toMatch(/export \*/);
    expect(index).not.toMatch(/export (?:const|function|class|interface|type \w+ =)/);
  });

  it('the built entry exports at runtime only names of those lists', () => {
    const runtime = Object.keys(core);
    expect(runtime.length).toBeGreaterThan(10);
    expect(runtime.filter((name) => !declared.has(name))).toEqual([]);
  });

  it('every export is named in the API reference', () => {
    expect([...declared].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });

  it('every name in the API reference is exported', () => {
    expect([...documented].filter((name) => !declared.has(name)).sort()).toEqual([]);
  });
});
