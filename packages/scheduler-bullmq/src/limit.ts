/**
 * The shared rate limit: at most `max` requests reach the provider in any span of `durationMs`
 * (the window), across every worker on every machine, with no margin to tune.
 *
 * A sliding-window log in Redis, one per provider queue (so per provider account). Every HTTP
 * attempt takes a slot just before its request goes out (retries included: each one reaches the
 * provider) and gives it back when the attempt is over. A slot counts from its ADMISSION until
 * one window after its RELEASE, both read from Redis's clock (`TIME` inside the scripts, so the
 * workers' clocks never matter). A send is admitted at time t only while fewer than `max` slots
 * are in flight or were released after t - window.
 *
 * Why the provider never sees more than `max` in a window W: a request arrives at the provider
 * after its slot's admission (the script answered before the request left) and before its
 * release (the response came back first). Take, of the requests arriving in W, the one admitted
 * last, at t_X (t_X <= its arrival < end of W). Every other request Y arriving in W was admitted
 * before t_X and released at or after its arrival >= start of W > t_X - window, so Y was still
 * counted at t_X: at most `max - 1` of them, `max` in all. No assumption about how long a
 * request takes to get from the worker to the provider (event loop, GC, busy cores), which a
 * margin only guessed at.
 *
 * A request that got no answer (timeout, connection reset) may still reach the provider after
 * the worker gave up on it, so its slot counts for one lease more. A worker that dies leaves its
 * slots behind: each has a lease (`leaseMs`, refreshed while the attempt is in flight, so a slow
 * send never loses its slot) and stops counting one window after the lease ends. That stays
 * correct because a dead worker's requests cannot stay in flight: its sockets close with the
 * process, and any request it had written reached the provider at once or never (the lease,
 * 30 s by default as the mailer's request deadline, is far longer than that moment).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { MailError } from '@mailbridge/core';
import type { Redis } from 'ioredis';

/** A shared limit as the engine applies it. */
export interface SharedLimit {
  readonly max: number;
  readonly durationMs: number;
}

/** Internal settings; the defaults suit every user (tests shorten them). */
export interface LimiterSettings {
  /** How long a slot stays counted without its worker refreshing it (ms, default 30,000). */
  readonly leaseMs?: number;
  /** Longest wait for a slot before `rate_limited` (ms, default 2 x (lease + window)). */
  readonly maxWaitMs?: number;
}

/** One admitted attempt. */
export interface Slot {
  /** The attempt is over; `settled`: no copy of its request can still reach the provider. */
  release(settled: boolean): void;
  /** The slot was never used (nothing sent): it stops counting at once. No-op after release. */
  cancel(): void;
}

/** Hands out slots under one queue's shared limit. */
export interface SharedLimiter {
  /** Waits until one more request may go out; rejects on abort or after `maxWaitMs`. */
  acquire(signal?: AbortSignal): Promise<Slot>;
}

/** The gate the Mailer's executor passes before each attempt (core's `AttemptGate`). */
export type Gate = (signal: AbortSignal | undefined) => Promise<(settled: boolean) => void>;

const DEFAULT_LEASE_MS = 30_000;

// Two sorted sets per queue, scored in µs on Redis's clock: KEYS[1] the slots in flight (score:
// lease end + window), KEYS[2] the released ones (score: when they stop counting). Entries past
// their score are dropped first. `TIME` in a script is allowed with effects replication (the
// default since Redis 5). Each write keeps both keys alive as long as any entry can count.
const PRELUDE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local function touch(ttl)
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
end
`;

// ARGV: max, window µs, lease µs, token, ttl ms. Returns -1 (admitted) or the ms to wait: until
// the oldest released slot stops counting, at most one window (a slot released later counts a
// window from then).
const ADMIT = `${PRELUDE}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local window = tonumber(ARGV[2])
if redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], string.format('%.0f', now + tonumber(ARGV[3]) + window), ARGV[4])
  touch(ARGV[5])
  return -1
end
local wait = window
local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
if first[2] then wait = math.min(wait, tonumber(first[2]) - now) end
return math.max(1, math.ceil(wait / 1000))
`;

// ARGV: token, µs the slot still counts from now (window, or lease + window), ttl ms.
const RELEASE = `${PRELUDE}
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], string.format('%.0f', now + tonumber(ARGV[2])), ARGV[1])
touch(ARGV[3])
return 1
`;

// ARGV: token, lease + window µs, ttl ms. Only a slot still in flight is extended.
const REFRESH = `${PRELUDE}
redis.call('ZADD', KEYS[1], 'XX', string.format('%.0f', now + tonumber(ARGV[2])), ARGV[1])
touch(ARGV[3])
return 1
`;

/** One queue's limit in Redis, as its slots and waits use it. */
interface Log {
  readonly script: (lua: string, ...args: (string | number)[]) => Promise<unknown>;
  /** Takes a slot in flight back (nothing was sent). */
  readonly drop: (token: string) => void;
  readonly windowUs: number;
  readonly leaseUs: number;
  readonly leaseMs: number;
  readonly ttlMs: number;
}

// Failures of release, refresh and drop are left alone: the slot then counts until its lease ends.
const quietly = (p: Promise<unknown>) => void p.catch(() => {});

/**
 * The limiter of one queue's shared limit, kept in Redis under `key`. Every worker of the queue
 * must use the same `limit` (the README says so): the scripts trust their caller's `max`.
 */
export function sharedLimiter(
  client: Redis,
  key: string,
  limit: SharedLimit,
  settings: LimiterSettings = {},
): SharedLimiter {
  const leaseMs = settings.leaseMs ?? DEFAULT_LEASE_MS;
  const maxWaitMs = settings.maxWaitMs ?? 2 * (leaseMs + limit.durationMs);
  const keys = [`${key}:flight`, `${key}:done`] as const;
  const log: Log = {
    script: (lua, ...args) => client.eval(lua, 2, ...keys, ...args),
    drop: (token) => quietly(client.zrem(keys[0], token)),
    windowUs: limit.durationMs * 1000,
    leaseUs: leaseMs * 1000,
    leaseMs,
    ttlMs: leaseMs + limit.durationMs + 1000,
  };
  return {
    async acquire(signal) {
      signal?.throwIfAborted();
      const token = randomUUID();
      const timeout = AbortSignal.timeout(maxWaitMs);
      const stop = signal ? AbortSignal.any([signal, timeout]) : timeout;
      try {
        for (;;) {
          const admit = log.script(ADMIT, limit.max, log.windowUs, log.leaseUs, token, log.ttlMs);
          // An admission that lands after we stopped waiting is taken back.
          const wait = Number(await untilAborted(admit, stop, () => log.drop(token)));
          if (wait < 0) return openSlot(log, token);
          await sleep(wait, undefined, { signal: stop });
        }
      } catch (error) {
        throw waitError(error, key, maxWaitMs, signal, timeout);
      }
    },
  };
}

/** An admitted slot: its lease refreshed until it is released or dropped. */
function openSlot(log: Log, token: string): Slot {
  let open = true;
  const refresher = setInterval(
    () => quietly(log.script(REFRESH, token, log.leaseUs + log.windowUs, log.ttlMs)),
    Math.max(1, Math.floor(log.leaseMs / 3)),
  );
  refresher.unref();
  const close = () => {
    const was = open;
    open = false;
    clearInterval(refresher);
    return was;
  };
  return {
    release(settled) {
      if (!close()) return;
      const countsUs = settled ? log.windowUs : log.leaseUs + log.windowUs;
      quietly(log.script(RELEASE, token, countsUs, log.ttlMs));
    },
    cancel() {
      if (close()) log.drop(token);
    },
  };
}

/** The gate for one job's run: `first` (taken before the claim) for its first attempt. */
export function gateOf(limiter: SharedLimiter, first?: Slot): Gate {
  let unused = first;
  return async (signal) => {
    const slot = unused ?? (await limiter.acquire(signal));
    unused = undefined;
    return (settled) => slot.release(settled);
  };
}

/** `promise`, or a rejection as soon as `signal` aborts (`late` then runs if it resolves). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, late: () => void): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      void promise.then(late, () => {});
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Why a wait for a slot ended without one; nothing was sent in every case. */
function waitError(
  error: unknown,
  key: string,
  maxWaitMs: number,
  signal: AbortSignal | undefined,
  timeout: AbortSignal,
): MailError {
  const where = `the shared rate limit (${key})`;
  if (signal?.aborted) {
    return new MailError(`Stopped waiting for ${where}: the send was aborted`, {
      code: 'aborted',
      delivery: 'not_sent',
      cause: signal.reason,
    });
  }
  if (timeout.aborted) {
    return new MailError(`No slot under ${where} within ${maxWaitMs} ms; nothing was sent`, {
      code: 'rate_limited',
      retryable: false,
      delivery: 'not_sent',
    });
  }
  return new MailError(`Could not reach Redis for ${where}; nothing was sent`, {
    code: 'unknown',
    delivery: 'not_sent',
    cause: error,
  });
}
