/**
 * The scheduler conformance suite (test/scheduler/conformance.ts, shared by every engine)
 * against the BullMQ engine on real Redis: each test gets a fresh key prefix, dropped after.
 */
import { testScheduler } from '../../../test/scheduler/conformance.js';
import { bullmqScheduler } from '../src/index.js';
import { describeRedis, dropPrefix, redisUrl, testPrefix } from './helpers/redis.js';

describeRedis('bullmq', () => {
  const prefixes: string[] = [];
  testScheduler({
    name: 'bullmq',
    create: ({ hooks }) => {
      const prefix = testPrefix();
      prefixes.push(prefix);
      return bullmqScheduler({ connection: redisUrl(), prefix, ...(hooks ? { hooks } : {}) });
    },
    dispose: async () => {
      await Promise.all(prefixes.splice(0).map(dropPrefix));
    },
  });
});
