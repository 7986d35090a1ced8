import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // --expose-gc lets the sendMany memory test measure the heap after a full collection.
    poolOptions: { forks: { execArgv: ['--expose-gc'] } },
    testTimeout: 30_000,
    // expect.poll waits for a loopback server to see a request; its 1 s default is too short
    // when the CI's two cores also run the other packages' suites.
    expect: { poll: { timeout: 10_000 } },
  },
});
