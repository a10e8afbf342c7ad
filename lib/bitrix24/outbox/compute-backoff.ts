export type ComputeBackoffOptions = { attempt: number; baseMs?: number; capMs?: number; random?: () => number };

/** Capped exponential backoff with full jitter: spreads retries of many messages instead of retrying in lockstep. */
export function computeBackoff({
  attempt,
  baseMs = 500,
  capMs = 5 * 60_000,
  random = Math.random,
}: ComputeBackoffOptions): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
