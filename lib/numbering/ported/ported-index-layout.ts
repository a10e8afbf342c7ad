import { AppError } from '../../errors/app-error';
import { findCarrierByMnpOwnerId } from '../registry';

/**
 * The layout shared by the ported-index builder, the increment merge, (de)serialisation and the
 * lookup. Kept apart from `ported-index.ts` (the public entry point) so those files can import it
 * without an import cycle.
 */

/** The current carrier of a ported number, as the MNP files name it. One frozen object per owner. */
export type PortedOwner = {
  /** Recipient id as in the file, e.g. "mMEGAFON". */
  readonly ownerId: string;
  /** ИНН when the owner id is a known one (carriers.ts), else null: the id is kept, never guessed. */
  readonly inn: string | null;
};

/**
 * Ported numbers, immutable by contract (typed arrays cannot be frozen; nothing in this module writes
 * to them once built, and callers must not either).
 *
 * A 10-digit national number splits into a 6-digit block (code + 3 digits) and a 4-digit rest. Blocks
 * are direct-mapped, paged by code as in the registry index: `pages[code]` is the first slot of the
 * code's page in `offsets`, or -1 when no number of that code is ported. The entries of block b are
 * [offsets[page + b], offsets[page + b + 1]) — the slot after a page's last block is the next page's
 * first, so the whole `offsets` array is one ascending sequence. Within a block the 4-digit rests are
 * sorted and unique (Uint16), with a parallel owner slot (Uint8).
 *
 * Memory: 3 bytes per number + 4 KB per code present (10 M mobile numbers ≈ 30.4 MB), against ~100
 * bytes per entry for a Map of strings.
 */
export type PortedIndex = {
  /** Tells an index from a change set (same layout) so one is never passed for the other. */
  readonly kind: 'ported-index';
  readonly count: number;
  readonly pages: Int32Array;
  readonly offsets: Int32Array;
  readonly rests: Uint16Array;
  readonly ownerSlots: Uint8Array;
  /** Slot → owner; at most MAX_OWNERS. */
  readonly owners: readonly PortedOwner[];
};

export const CODES = 1000;
export const BLOCKS_PER_CODE = 1000;
export const BLOCK_SIZE = 10_000;
/** Slots in `offsets` per page; the extra one closes the page. */
export const PAGE_SLOTS = BLOCKS_PER_CODE;
/** Owner slots are one byte; 255 is kept free to mean "removed" in a change set. */
export const MAX_OWNERS = 255;
export const REMOVED_SLOT = 255;
export const MAX_NATIONAL_NUMBER = 9_999_999_999;
/** Offsets are Int32 so the lookup stays in 32-bit integer arithmetic. */
export const MAX_ENTRIES = 0x7fffffff;

/** True for a 10-digit national number as an integer (0 … 9,999,999,999). */
export function isNationalNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_NATIONAL_NUMBER;
}

/** Entries searched around the interpolated guess: 32 Uint16, one or two cache lines. */
const WINDOW = 32;
const HALF_WINDOW = 16;

/**
 * Position of the number with 6-digit `block` and 4-digit `rest` (see parse-national-number.ts) in
 * `rests`/`ownerSlots`, or -1.
 *
 * At national scale the 30 MB of entries are far beyond the CPU caches, so a lookup costs a trip to
 * RAM (~110–150 ns on the bench machine), and throughput depends on how many lookups the CPU overlaps
 * while it waits — which mispredicted branches on the loaded data destroy. Hence:
 * - interpolation: ported numbers spread roughly evenly over a block, so the entry sits within a few
 *   places of `rest / 10,000` of the way through it; only a 32-entry window there (one or two cache
 *   lines) is searched, where a binary search over ~120 entries walks through four lines in turn;
 * - that search is unrolled and branch-free: `(value − rest) >> 31` (−1 when value < rest; both are
 *   16-bit) is used as a mask, so nothing waits on the loaded value to decide a branch.
 * Measured on 10 M entries with random numbers already split into integers: 7–10 M/s for a binary
 * search in the block, 15–16 M/s for this. From e164 strings the parsing adds enough instructions per
 * lookup that the CPU no longer overlaps two lookups' RAM trips (4.7 against 4.0 M/s); see
 * bench/carrier-lookup.bench.ts. A number outside the window (a skewed block) falls back to the same
 * search over the whole block.
 */
export function portedPositionAt(index: PortedIndex, block: number, rest: number): number {
  const code = (block / BLOCKS_PER_CODE) | 0;
  const page = index.pages[code]!;
  if (page < 0) return -1;
  const slot = page + block - code * BLOCKS_PER_CODE;
  const { offsets, rests } = index;
  const low = offsets[slot]!;
  const high = offsets[slot + 1]!;
  const length = high - low;
  if (length < WINDOW) return lowerBoundIfEqual(rests, low, length, rest);
  // rest × length < 10⁴ × 10⁴: the interpolation stays in 32-bit integers.
  const guess = low + (((rest * length) / BLOCK_SIZE) | 0) - HALF_WINDOW;
  let at = guess < low ? low : Math.min(guess, high - WINDOW);
  if (rest < rests[at]! || rest > rests[at + WINDOW - 1]!) return lowerBoundIfEqual(rests, low, length, rest);
  at += 16 & ((rests[at + 15]! - rest) >> 31);
  at += 8 & ((rests[at + 7]! - rest) >> 31);
  at += 4 & ((rests[at + 3]! - rest) >> 31);
  at += 2 & ((rests[at + 1]! - rest) >> 31);
  at += 1 & ((rests[at]! - rest) >> 31);
  return rests[at] === rest ? at : -1;
}

/**
 * Lower bound of `rest` in the sorted rests[start, start + length), then its position if the value
 * there is `rest`, else -1. Branch-free like the window search, for any length.
 */
function lowerBoundIfEqual(rests: Uint16Array, start: number, length: number, rest: number): number {
  if (length === 0) return -1;
  let at = start;
  let remaining = length;
  while (remaining > 1) {
    const half = remaining >>> 1;
    at += half & ((rests[at + half - 1]! - rest) >> 31);
    remaining -= half;
  }
  // `at` is now the last candidate: either the lower bound or the entry just before it.
  at += (rests[at]! - rest) >>> 31;
  return at < start + length && rests[at] === rest ? at : -1;
}

/**
 * Interns owner ids: one frozen PortedOwner and one ИНН lookup per distinct id (a national file has
 * ~10 ids over millions of rows). Case is kept as first seen; ids differing only in case are one owner,
 * as findCarrierByMnpOwnerId treats them.
 */
export class OwnerTable {
  readonly owners: PortedOwner[] = [];
  private readonly slotByKey = new Map<string, number>();

  constructor(initial: readonly PortedOwner[] = []) {
    for (const owner of initial) this.slotOf(owner.ownerId, owner);
  }

  slotOf(ownerId: string, existing?: PortedOwner): number {
    const key = ownerId.trim().toLowerCase();
    const known = this.slotByKey.get(key);
    if (known !== undefined) return known;
    if (key === '') throw new AppError('INVALID_INPUT', 'A ported number needs a non-empty owner id.');
    if (this.owners.length >= MAX_OWNERS) {
      throw new AppError(
        'INVALID_INPUT',
        `More than ${MAX_OWNERS} distinct MNP owner ids; a ported-number file names about ten.`,
      );
    }
    const slot = this.owners.length;
    this.owners.push(
      existing ?? Object.freeze({ ownerId: ownerId.trim(), inn: findCarrierByMnpOwnerId(ownerId)?.inn ?? null }),
    );
    this.slotByKey.set(key, slot);
    return slot;
  }

  check(slot: number): void {
    if (!(slot >= 0 && slot < this.owners.length)) throw new AppError('INVALID_INPUT', `Unknown owner slot ${slot}.`);
  }
}

/** Page layout for the codes that have at least one entry: returns `pages` and the number of slots. */
export function layOutPages(hasCode: (code: number) => boolean): { pages: Int32Array; slots: number } {
  const pages = new Int32Array(CODES).fill(-1);
  let slots = 0;
  for (let code = 0; code < CODES; code += 1) {
    if (!hasCode(code)) continue;
    pages[code] = slots;
    slots += PAGE_SLOTS;
  }
  return { pages, slots };
}

/** Builds `offsets` (slots + 1 entries) from per-block counts already written at [slot + 1]. */
export function accumulateOffsets(offsets: Int32Array): Int32Array {
  for (let slot = 1; slot < offsets.length; slot += 1) offsets[slot] = offsets[slot]! + offsets[slot - 1]!;
  return offsets;
}

/** Freezes the object and a copy of the owner list (the typed arrays cannot be frozen). */
export function freezePortedIndex<T extends { readonly owners: readonly PortedOwner[] }>(parts: T): T {
  return Object.freeze({ ...parts, owners: Object.freeze([...parts.owners]) });
}
