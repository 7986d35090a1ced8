import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The tests run the built bin (dist/cli.js); this builds it first when it is stale.
    globalSetup: ['./test/global-build.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
