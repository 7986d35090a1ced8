/**
 * A per-request deadline that is released as soon as the request settles. `AbortSignal.timeout`
 * would keep a timer (and its signal) alive for the whole timeout after every request, which at
 * thousands of sends per second holds hundreds of megabytes for nothing.
 */
export interface Deadline {
  /** Aborts when the caller aborts or the deadline passes. */
  readonly signal: AbortSignal;
  /** True once the deadline itself has passed. */
  readonly expired: boolean;
  /** Clear the timer and detach from the caller's signal. */
  release(): void;
}

/** Start a deadline of `timeoutMs` that also follows the caller's signal; always `release()` it. */
export function startDeadline(timeoutMs: number, signal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let expired = false;
  const onAbort = () => controller.abort(signal?.reason);
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException(`deadline of ${timeoutMs} ms passed`, 'TimeoutError'));
  }, timeoutMs);
  timer.unref?.();
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    get expired() {
      return expired;
    },
    release() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
