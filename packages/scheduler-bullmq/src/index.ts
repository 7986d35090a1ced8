/**
 * `@mailbridge/scheduler-bullmq`: the distributed scheduling engine for mailbridge, on BullMQ
 * and Redis. Delayed, recurring and cron sends, and "send now" campaigns, fired by any number of
 * worker processes on any number of machines, each due job sent by exactly one of them, under
 * one rate limit per provider account shared by all.
 */

export type { BullmqSchedulerOptions, RateLimit } from './options.js';
export type { BullmqScheduler } from './scheduler.js';
export { bullmqScheduler } from './scheduler.js';
