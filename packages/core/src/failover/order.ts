/**
 * In which order a composite tries its members for one call. `failover`: always the list
 * order. `roundRobin`: nginx's smooth weighted round-robin picks the first member (over any
 * `W = sum of weights` consecutive calls each member is first exactly `weight` times, spread
 * out rather than in runs), then the others follow by weight, so a member set aside passes its
 * share to the next heaviest.
 * (`ngx_http_upstream_get_peer` in https://github.com/nginx/nginx/blob/master/src/http/ngx_http_upstream_round_robin.c)
 */

/** Gives the member order (indexes) for the next call. */
export type Strategy = () => readonly number[];

/** The list order, every call. */
export function inOrder(count: number): Strategy {
  const order = Array.from({ length: count }, (_, i) => i);
  return () => order;
}

/** Smooth weighted round-robin over `weights` (positive integers or fractions). */
export function weighted(weights: readonly number[]): Strategy {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const current = weights.map(() => 0);
  // Fallback order after the chosen one: heaviest first, list order among equals.
  const byWeight = weights
    .map((w, i) => ({ w, i }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((x) => x.i);
  return () => {
    let best = 0;
    for (let i = 0; i < weights.length; i++) {
      current[i] = (current[i] as number) + (weights[i] as number);
      if ((current[i] as number) > (current[best] as number)) best = i;
    }
    current[best] = (current[best] as number) - total;
    return [best, ...byWeight.filter((i) => i !== best)];
  };
}
