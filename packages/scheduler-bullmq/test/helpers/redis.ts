/**
 * Redis for the tests: `MAILBRIDGE_REDIS_URL` (CI starts a server with .ci/services/redis.sh).
 * Under CI a missing URL fails loudly: the BullMQ tests are never skipped there. Locally without
 * Redis they are skipped, and the skipped suite's name says why and how to run them.
 */
import { describe } from 'vitest';
import { dropPrefix as drop } from './keys.js';

export { testPrefix } from './keys.js';

const url = process.env['MAILBRIDGE_REDIS_URL'];
if (!url && process.env['CI']) {
  throw new Error(
    'MAILBRIDGE_REDIS_URL is not set under CI: .ci/run must source .ci/services/redis.sh; the BullMQ tests are never skipped in CI',
  );
}

/** The Redis URL (only read inside `describeRedis`). */
export const redisUrl = (): string => url!;

/** `describe` with Redis, or a skipped suite whose name states the reason. */
export function describeRedis(name: string, body: () => void): void {
  const why =
    ' (skipped: MAILBRIDGE_REDIS_URL is not set; run with bash .ci/services/redis.sh -- pnpm test)';
  describe.skipIf(!url)(url ? name : `${name}${why}`, body);
}

/** Delete every key under `prefix` (after a test file). */
export const dropPrefix = (prefix: string): Promise<void> => drop(redisUrl(), prefix);
