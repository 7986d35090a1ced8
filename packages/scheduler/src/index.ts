export { decodeJob, encodeJob } from './codec.js';
export type { EmbeddedScheduler, SchedulerOptions } from './engine.js';
export { createScheduler } from './engine.js';
export { cancelConflict, closedError, emitRunHook, runnerConflict } from './notify.js';
export { firstOccurrence, nextOccurrence, validateRule } from './occurrence.js';
export type { SqliteStoreOptions } from './sqlite.js';
export { sqliteStore } from './sqlite.js';
export type { JobStore } from './store.js';
export { memoryStore } from './store.js';
export type { MissedPolicy, TransitionOptions } from './transition.js';
export {
  cancelJob,
  claimJob,
  newJob,
  recordOutcome,
  skipMissed,
} from './transition.js';
