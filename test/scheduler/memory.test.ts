import { createScheduler, memoryStore } from '@mailbridge/scheduler';
import { testScheduler } from './conformance.js';

testScheduler({
  name: 'memory',
  create: ({ hooks }) =>
    createScheduler({ store: memoryStore(), pollMs: 50, ...(hooks ? { hooks } : {}) }),
});
