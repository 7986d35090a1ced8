/**
 * The shared rate limit: at most `max` sends in any span of `durationMs`, across every worker on
 * every machine, counted where it matters (at the provider) rather than where BullMQ starts jobs.
 *
 * BullMQ's own limiter (https://docs.bullmq.io/guide/rate-limiting) counts job starts in fixed
 * windows that open with their first job; a span of `durationMs` straddling two windows can
 * hold up to 2 × `max` starts, and even windows made small enough to bound the starts (the
 * previous version of this file) let the provider count more than `max` in a second: a window's
 * jobs start together, queue behind each other in a worker, and reach the provider bunched with
 * the next window's. So each send gets its own time slot, reserved by one Lua script in Redis
 * (atomic, one clock: Redis's `TIME`) just before it goes out: slots are `spacing` apart, with
 * `spacing = (durationMs + marginMs) / max`, and the caller waits for its slot.
 *
 * Slots `spacing` apart put at most `max` sends in any span of `durationMs + marginMs`. A send
 * reaches the provider some time after its slot; as long as that time varies by less than
 * `marginMs` from one send to another, the sends reaching the provider in any span of
 * `durationMs` had their slots in a span shorter than `durationMs + marginMs`: at most `max`.
 * Evenly spaced sends also never queue behind each other, which keeps that variation small.
 * The price is a peak rate of `max` per `durationMs + marginMs`.
 */
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

// KEYS[1]: the last reserved slot (µs on Redis's clock). ARGV[1]: spacing in µs. Reserves the
// next free slot (now, or one spacing after the last) and returns the ms to wait for it.
// `TIME` in a script is allowed with effects replication (the default since Redis 5).
const SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local spacing = tonumber(ARGV[1])
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, last + spacing)
local ttl = math.ceil((slot - now + spacing) / 1000) + 1000
redis.call('SET', KEYS[1], string.format('%.0f', slot), 'PX', ttl)
return math.ceil((slot - now) / 1000)
`;

/**
 * The admission function of one queue's shared limit, kept in Redis under `key`: reserves the
 * next slot and waits for it. Every worker of the queue must use the same `limit` (the README
 * says so): the script trusts its caller's spacing.
 */
export function sharedLimiter(client: Redis, key: string, limit: SharedLimit): Admit {
  const spacingUs = Math.ceil(((limit.durationMs + limit.marginMs) * 1000) / limit.max);
  return async (signal) => {
    signal?.throwIfAborted();
    const wait = Number(await client.eval(SCRIPT, 1, key, spacingUs));
    if (wait <= 0) return;
    // An abort ends the wait with the caller's reason, as the rest of the send would; the slot
    // stays unused (the limit is never exceeded by giving it back late).
    await sleep(wait, undefined, signal ? { signal } : undefined).catch((error: unknown) => {
      signal?.throwIfAborted();
      throw error;
    });
  };
}
