/** Backoff after a failure: doubling from 100 ms to at most 10 s, with jitter so replicas spread out. */
export function backoffMs(failures: number, initialMs = 100, maxMs = 10_000): number {
  const capped = Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
  return Math.round(capped / 2 + Math.random() * (capped / 2));
}
