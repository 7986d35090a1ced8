/**
 * Client-side token buckets, one per provider action, so a fan-out stays under the provider's
 * documented limits instead of collecting throttling errors. Waiting honours the AbortSignal.
 */
import type { RateLimit } from '../capabilities/capabilities.js';
import { sleep } from './sleep.js';

/** Per-action overrides: a limit, or `false` to disable that action's bucket. */
export type RateLimitOverrides = Readonly<Record<string, RateLimit | false>>;

/** Takes a token for an action, waiting when the bucket is empty. */
export interface RateLimiter {
  take(action: string, signal?: AbortSignal): Promise<void> | undefined;
}

/** A bucket of `requests` tokens refilled continuously over `perMs`; debt queues callers FIFO. */
class TokenBucket {
  private tokens: number;
  private updated: number;
  private readonly ratePerMs: number;

  constructor(
    private readonly capacity: number,
    perMs: number,
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.updated = now();
    this.ratePerMs = capacity / perMs;
  }

  /** Reserve one token; returns how long the caller must wait (0 = go now). */
  reserve(): number {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updated) * this.ratePerMs);
    this.updated = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.ratePerMs);
  }

  /** Give back a reserved token (the caller aborted while waiting). */
  refund(): void {
    this.tokens += 1;
  }
}

/** Build the limiter from capability defaults and user overrides (`false` disables all). */
export function createRateLimiter(
  defaults: Readonly<Record<string, RateLimit>>,
  overrides: RateLimitOverrides | false | undefined,
  now: () => number = Date.now,
): RateLimiter {
  if (overrides === false) return { take: () => undefined };
  const buckets = new Map<string, TokenBucket | null>();
  const bucketFor = (action: string): TokenBucket | null => {
    let bucket = buckets.get(action);
    if (bucket !== undefined) return bucket;
    const limit = overrides?.[action] ?? defaults[action];
    bucket = limit ? new TokenBucket(limit.requests, limit.perMs, now) : null;
    buckets.set(action, bucket);
    return bucket;
  };
  return {
    take(action, signal) {
      const bucket = bucketFor(action);
      if (!bucket) return undefined;
      const wait = bucket.reserve();
      if (wait === 0) return undefined;
      return sleep(wait, signal).catch((error: unknown) => {
        bucket.refund();
        throw error;
      });
    },
  };
}
