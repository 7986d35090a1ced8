/**
 * Remembers event ids for a window, so a redelivered event (both providers deliver at least
 * once, docs/providers/events.md §1) reaches the user once. Bounded in entries as well as time:
 * a flood of distinct ids evicts the oldest instead of growing without end.
 */

/** A time- and size-bounded set of seen ids. */
export interface Seen {
  /** True when `id` was not seen within the window; it is then remembered. */
  claim(id: string): boolean;
  /** Forget `id` (its delivery failed: a redelivery must get through). */
  release(id: string): void;
}

/** Create a `Seen` set for `windowMs`, holding at most `max` ids. */
export function createSeen(windowMs: number, max: number, now: () => number): Seen {
  // A Map iterates in insertion order, so the oldest entries are at the front.
  const expiry = new Map<string, number>();
  const prune = (t: number) => {
    for (const [id, until] of expiry) {
      if (until > t && expiry.size < max) break;
      expiry.delete(id);
    }
  };
  return {
    claim(id) {
      const t = now();
      prune(t);
      const until = expiry.get(id);
      if (until !== undefined && until > t) return false;
      expiry.set(id, t + windowMs);
      return true;
    },
    release(id) {
      expiry.delete(id);
    },
  };
}
