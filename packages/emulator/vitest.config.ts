import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The bin test runs the built `dist/bin.js`; this builds it first when it is stale.
    globalSetup: ['./test/global-build.ts'],
    testTimeout: 20_000,
  },
});
