/**
 * Seeded synthetic MNP data for the carrier-lookup bench: ported numbers drawn uniformly over the
 * capacity of real registry ranges (so their density per block matches a national file's), each
 * moved to one of the four big recipients other than its range holder, and a query mix over them.
 */
import { findCarrierByMnpOwnerId } from '../../lib/numbering/registry';
import type { RegistryRange } from '../../lib/numbering/registry';

/** Recipients of real port-ins and their rough shares. */
export const OWNER_IDS = ['mMTS', 'mMEGAFON', 'mBEELINE', 'mTELE2'] as const;
const OWNER_SHARES = [0.26, 0.3, 0.2, 0.24];

/** xorshift32: fast, seeded, good enough to spread numbers; Math.random would make runs incomparable. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

export type RangeSampler = {
  /** A uniformly random allocated number (10-digit national number). */
  next(): number;
  /** Position (0 … capacity − 1) → number, and the row it belongs to. */
  numberAt(position: number): number;
  rowAt(position: number): number;
  readonly capacity: number;
};

export function createRangeSampler(ranges: readonly RegistryRange[], random: () => number): RangeSampler {
  const ends = new Float64Array(ranges.length);
  const starts = new Float64Array(ranges.length);
  let capacity = 0;
  ranges.forEach((range, row) => {
    starts[row] = Number(range.def) * 1e7 + Number(range.from);
    capacity += Number(range.to) - Number(range.from) + 1;
    ends[row] = capacity;
  });
  const rowAt = (position: number) => {
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ends[middle]! > position) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  const numberAt = (position: number) => {
    const row = rowAt(position);
    return starts[row]! + position - (row === 0 ? 0 : ends[row - 1]!);
  };
  return { next: () => numberAt(Math.floor(random() * capacity)), numberAt, rowAt, capacity };
}

export type SyntheticPorted = {
  /** Distinct numbers in random order. */
  readonly numbers: Float64Array;
  /** Index into OWNER_IDS per number. */
  readonly owners: Uint8Array;
};

/** `count` distinct ported numbers: a bitmap over the registry capacity rejects repeats. */
export function generatePortedNumbers(ranges: readonly RegistryRange[], count: number, seed: number): SyntheticPorted {
  const random = createRandom(seed);
  const sampler = createRangeSampler(ranges, random);
  const holderOwner = ranges.map((range) =>
    OWNER_IDS.findIndex((id) => findCarrierByMnpOwnerId(id)?.inn === range.inn),
  );
  const taken = new Uint8Array(Math.ceil(sampler.capacity / 8));
  const numbers = new Float64Array(count);
  const owners = new Uint8Array(count);
  for (let i = 0; i < count; ) {
    const position = Math.floor(random() * sampler.capacity);
    const bit = 1 << (position & 7);
    const byte = Math.floor(position / 8);
    if ((taken[byte]! & bit) !== 0) continue;
    taken[byte] = taken[byte]! | bit;
    const row = sampler.rowAt(position);
    numbers[i] = sampler.numberAt(position);
    owners[i] = pickOwner(random, holderOwner[row]!);
    i += 1;
  }
  return { numbers, owners };
}

/** A recipient by share, never the range holder itself (that would not be a port). */
function pickOwner(random: () => number, holder: number): number {
  for (;;) {
    let draw = random();
    let owner = 0;
    while (owner < OWNER_SHARES.length - 1 && draw >= OWNER_SHARES[owner]!) draw -= OWNER_SHARES[owner++]!;
    if (owner !== holder) return owner;
  }
}

export type QueryMixOptions = {
  readonly count: number;
  readonly portedShare: number;
  readonly outsideShare: number;
  readonly seed: number;
  /** True when a number is in some registry range; used to draw the "outside" numbers. */
  readonly inRegistry: (nsn: number) => boolean;
};

/**
 * Canonical e164 strings: `portedShare` drawn from the ported numbers, `outsideShare` 9xx numbers in
 * no range, the rest uniform over the registry (a few of those are ported too, as in real traffic).
 */
export function generateQueries(
  ranges: readonly RegistryRange[],
  ported: SyntheticPorted,
  options: QueryMixOptions,
): string[] {
  const random = createRandom(options.seed);
  const sampler = createRangeSampler(ranges, random);
  const queries: string[] = new Array(options.count);
  for (let i = 0; i < options.count; i += 1) {
    const draw = random();
    let nsn: number;
    if (draw < options.portedShare) nsn = ported.numbers[Math.floor(random() * ported.numbers.length)]!;
    else if (draw < options.portedShare + options.outsideShare) {
      do nsn = 9_000_000_000 + Math.floor(random() * 1e9);
      while (options.inRegistry(nsn));
    } else nsn = sampler.next();
    queries[i] = `7${nsn}`;
  }
  // Flatten now: string building may leave cons-strings, and the first lookup would pay for it.
  return queries.map((query) => Buffer.from(query, 'latin1').toString('latin1'));
}
