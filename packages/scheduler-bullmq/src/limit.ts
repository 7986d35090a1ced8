/**
 * The shared rate limit: at most `max` sends in any span of `durationMs`, across every worker on
 * every machine, counted where it matters (at the provider) rather than where BullMQ starts jobs.
 *
 * BullMQ's own limiter (https://docs.bullmq.io/guide/rate-limiting) counts job starts in fixed
 * windows that open with their first job; a span of `durationMs` straddling two windows can
 * hold up to 2 × `max` starts, and even windows made small enough to bound the starts (the
 * previous version of this file) leave the provider counting more than `max` in a second when
 * signing and transit delay some requests more than others. So each send is admitted here, by
 * one Lua script in Redis (atomic, one clock: Redis's `TIME`), just before it goes out: a sorted
 * set holds the admission times of the last window, and a send is admitted only while it holds
 * fewer than `max` of them; otherwise the script answers how long until the oldest leaves.
 *
 * The window is `durationMs + marginMs`. Requests admitted in any span of that length are at most
 * `max`; a request reaches the provider some time after its admission, and as long as that time
 * varies by less than `marginMs` from one request to another, requests reaching the provider in
 * any span of `durationMs` were admitted in a span of less than `durationMs + marginMs`: at most
 * `max`. The price is a peak rate of `max` per `durationMs + marginMs`.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

/** A shared limit as the engine applies it. */
export interface SharedLimit {
  readonly max: number;
  readonly durationMs: number;
  readonly marginMs: number;
}

/** Waits until one more send may go out under the shared limit, then counts it. */
export type Admit = (signal?: AbortSignal) => Promise<void>;

// KEYS[1]: sorted set of admission times (ms, Redis clock). ARGV: max, window ms, unique member.
// Returns 0 when admitted (and recorded), else the ms until the oldest admission leaves the
// window. `TIME` in a script is allowed with effects replication (the default since Redis 5).
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local max = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < max then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], count - max, count - max, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

/**
 * The admission function of one queue's shared limit, kept in Redis under `key`. Every worker
 * of the queue must use the same `limit` (the README says so): the script trusts its caller's.
 */
export function sharedLimiter(client: Redis, key: string, limit: SharedLimit): Admit {
  const window = limit.durationMs + limit.marginMs;
  return async (signal) => {
    for (;;) {
      signal?.throwIfAborted();
      const wait = Number(await client.eval(SCRIPT, 1, key, limit.max, window, randomUUID()));
      if (wait === 0) return;
      // An abort ends the wait with the caller's reason, as the rest of the send would.
      await sleep(wait, undefined, signal ? { signal } : undefined).catch((error: unknown) => {
        signal?.throwIfAborted();
        throw error;
      });
    }
  };
}
