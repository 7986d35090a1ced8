/**
 * The runtime export names of every entry point of every published package, as the ESM build
 * exposes them, pinned in a snapshot: adding, renaming or dropping an export changes
 * `__snapshots__/exports.test.ts.snap`, so it shows up in review instead of in a user's build.
 * Update on purpose with `npx vitest run packaging/exports -u`.
 */
import { describe, expect, it } from 'vitest';
import { entryPoints, publishablePackages, specifier } from './helpers.js';

const SPECIFIERS = publishablePackages().flatMap((pkg) =>
  entryPoints(pkg.manifest).map((entry) => specifier(pkg.manifest, entry)),
);

describe('runtime exports', () => {
  it('covers every entry point', () => {
    expect(SPECIFIERS).toMatchSnapshot();
  });

  it.each(SPECIFIERS)('%s', async (id) => {
    const module: Record<string, unknown> = await import(id);
    const names = Object.keys(module)
      .sort()
      .map((name) => `${name}: ${typeof module[name]}`);
    expect(names.length).toBeGreaterThan(0);
    expect(names).toMatchSnapshot();
  });
});
