/** A seeded source of randomness: the same seed replays the same day, which makes the simulation testable. */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Log-normal with the given median and log-space spread (sigma). */
  logNormal(median: number, sigma: number): number;
  pick<T>(items: readonly T[]): T;
};

/** mulberry32: tiny, fast and good enough for workload generation (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    normal,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
