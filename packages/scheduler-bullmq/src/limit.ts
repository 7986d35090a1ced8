/**
 * The shared rate limit as BullMQ limiter settings. BullMQ's limiter (kept in Redis, obeyed by
 * every worker: https://docs.bullmq.io/guide/rate-limiting) counts fixed windows: a window opens
 * at its first job and admits `max` jobs until `duration` has passed. Given as is, `max` per
 * `durationMs` admits up to 2 × max in a span of `durationMs` that straddles two windows (the
 * end of one, the start of the next). A provider counts every second, not our windows.
 *
 * So the limit is applied as smaller windows: `k` jobs per `w` ms, with `k` dividing `max` and
 * `w = ceil(k × durationMs / (max − k))`. Jobs started in any span of `durationMs` belong to
 * windows opened in a span of `durationMs + w`, at least `w` apart: at most
 * `(durationMs + w) / w <= max / k` windows, so at most `max` jobs. The price is a peak rate of
 * `(max − k)` per `durationMs` instead of `max`; `k` is the largest divisor of `max` not above
 * `max / 20` (at most a twentieth lost; small bursts), and 1 for small limits.
 */

/** BullMQ limiter settings (`max` jobs per `duration` ms). */
export interface LimiterSettings {
  readonly max: number;
  readonly duration: number;
}

/** Limiter settings that never start more than `max` jobs in any span of `durationMs`. */
export function limiterFor(max: number, durationMs: number): LimiterSettings {
  if (max === 1) return { max: 1, duration: durationMs };
  let k = 1;
  for (let d = 2; d <= max / 20; d++) if (max % d === 0) k = d;
  // One job per window is exact at `durationMs / max`: one start per slot.
  if (k === 1) return { max: 1, duration: Math.ceil(durationMs / max) };
  return { max: k, duration: Math.ceil((k * durationMs) / (max - k)) };
}
