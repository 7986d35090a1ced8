import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Sized for `pnpm test` on 2 busy cores, where a test that takes 0.4 s alone (the 8 MB
    // request refusal) took over 5 s: vitest's default bound would make that a flake.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
