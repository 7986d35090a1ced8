import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    provider: 'src/provider/index.ts',
    testing: 'src/testing/testing.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // p-retry is ESM-only; bundling it keeps the CJS build loadable on every Node >= 20.18.1.
  noExternal: ['p-retry', 'is-network-error'],
});
