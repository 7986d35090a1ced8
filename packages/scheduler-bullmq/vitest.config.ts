import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Worker processes, Redis and the emulator: each file owns its queues (a random key prefix).
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
