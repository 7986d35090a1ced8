import { defineConfig, type Options } from 'tsup';

const entry = {
  index: 'src/index.ts',
  provider: 'src/provider/index.ts',
  schema: 'src/provider/schema.ts',
  testing: 'src/testing/testing.ts',
};

const common: Options = { entry, format: ['esm', 'cjs'], target: 'node20' };

export default defineConfig([
  {
    ...common,
    dts: false,
    // No source maps in the package: they were half of its size and would now carry zod's
    // sources too (bench/RESULTS.md "size"); the code is unminified, so a stack trace still reads.
    sourcemap: false,
    // zod (only `zod/mini`, which tree-shakes to what core's schemas use) is bundled, so users
    // install no zod. p-retry is ESM-only; bundling it keeps the CJS build loadable on every
    // Node >= 20.18.1.
    noExternal: ['zod', 'p-retry', 'is-network-error'],
    // One copy of core's modules (and of zod's) shared by the three entries, in CJS as in ESM:
    // without it each CJS entry carries its own copy (measured in the report of issue 14).
    splitting: true,
  },
  {
    ...common,
    // Declarations alone, with zod external: the adapter kit's types name zod's, which an
    // adapter gets from its own zod devDependency (an optional peer of core); the user API's
    // declarations name none (test/packaging/packed-install.test.ts).
    // The kit's `z` (provider/zod.ts) stays external: the declaration bundler would rewrite its
    // namespace into code; scripts/kit-z-types.mjs writes its declarations after the build.
    dts: { only: true },
    external: ['zod', './zod.js'],
  },
]);
