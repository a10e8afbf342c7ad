import { AppError } from '../../errors/app-error';
import {
  accumulateOffsets,
  BLOCK_SIZE,
  BLOCKS_PER_CODE,
  CODES,
  isNationalNumber,
  layOutPages,
  MAX_ENTRIES,
} from './ported-index-layout';

/** The typed-array part of a PortedIndex / PortedChanges, before owners are attached. */
export type PortedLayout = {
  readonly count: number;
  readonly pages: Int32Array;
  readonly offsets: Int32Array;
  readonly rests: Uint16Array;
  readonly ownerSlots: Uint8Array;
};

const INITIAL_CAPACITY = 1024;
/** Keys `rest × 2¹⁶ + position in block` fit a Uint32 while a block has fewer entries than this. */
const SMALL_BLOCK = 0x10000;

/**
 * Growable columns of (number, owner slot) in insertion order, turned into the sorted, de-duplicated
 * block layout by `build`. 7 bytes per added row while adding — a Map<string, object> would need ~100
 * — and no per-row object, so 10 M rows cost no garbage collection.
 *
 * The sort is a stable counting sort by block (one pass to count, one to scatter) followed by a sort
 * of each block's ~100 rests, instead of one comparison sort of 10 M keys: linear in the row count
 * plus tiny sorts that stay in cache. Stability is what makes "the last add of a number wins" hold.
 */
export class PortedEntryBuffer {
  private blocks = new Uint32Array(INITIAL_CAPACITY);
  private rests = new Uint16Array(INITIAL_CAPACITY);
  private slots = new Uint8Array(INITIAL_CAPACITY);
  private length = 0;
  private spent = false;

  constructor(expectedCount = 0) {
    if (expectedCount > INITIAL_CAPACITY) this.grow(expectedCount);
  }

  get size(): number {
    return this.length;
  }

  add(nationalNumber: number, slot: number): void {
    if (this.spent)
      throw new AppError('INVALID_INPUT', 'This ported-number builder was already built; start a new one.');
    if (!isNationalNumber(nationalNumber)) {
      throw new AppError('INVALID_INPUT', `Ported number ${String(nationalNumber)} is not a 10-digit national number.`);
    }
    if (this.length === this.blocks.length) {
      if (this.length >= MAX_ENTRIES) throw new AppError('INVALID_INPUT', 'Too many ported numbers for one index.');
      this.grow(Math.min(this.length * 2, MAX_ENTRIES));
    }
    const block = Math.floor(nationalNumber / BLOCK_SIZE);
    this.blocks[this.length] = block;
    this.rests[this.length] = nationalNumber - block * BLOCK_SIZE;
    this.slots[this.length] = slot;
    this.length += 1;
  }

  /** Sorts and de-duplicates (last add wins). Frees the input columns: the buffer is spent afterwards. */
  build(): PortedLayout {
    if (this.spent)
      throw new AppError('INVALID_INPUT', 'This ported-number builder was already built; start a new one.');
    this.spent = true;
    const { blocks, rests: inRests, slots: inSlots, length } = this;
    this.blocks = new Uint32Array(0);
    this.rests = new Uint16Array(0);
    this.slots = new Uint8Array(0);

    const present = new Uint8Array(CODES);
    for (let i = 0; i < length; i += 1) present[Math.floor(blocks[i]! / BLOCKS_PER_CODE)] = 1;
    const { pages, slots: slotCount } = layOutPages((code) => present[code] === 1);
    // Block → slot in `offsets`, computed once per row in both passes below.
    const slotOf = (block: number) => pages[Math.floor(block / BLOCKS_PER_CODE)]! + (block % BLOCKS_PER_CODE);

    const offsets = new Int32Array(slotCount + 1);
    for (let i = 0; i < length; i += 1) {
      const slot = slotOf(blocks[i]!) + 1;
      offsets[slot] = offsets[slot]! + 1;
    }
    accumulateOffsets(offsets);
    const cursor = offsets.slice(0, slotCount);
    let rests = new Uint16Array(length);
    let ownerSlots = new Uint8Array(length);
    for (let i = 0; i < length; i += 1) {
      const slot = slotOf(blocks[i]!);
      const at = cursor[slot]!;
      cursor[slot] = at + 1;
      rests[at] = inRests[i]!;
      ownerSlots[at] = inSlots[i]!;
    }

    const count = sortBlocks(offsets, rests, ownerSlots);
    if (count < length) {
      // Duplicates were dropped: copy to exact size so the slack is freed (the index lives for hours).
      rests = rests.slice(0, count);
      ownerSlots = ownerSlots.slice(0, count);
    }
    return { count, pages, offsets, rests, ownerSlots };
  }

  private grow(capacity: number): void {
    const blocks = new Uint32Array(capacity);
    const rests = new Uint16Array(capacity);
    const slots = new Uint8Array(capacity);
    blocks.set(this.blocks.subarray(0, this.length));
    rests.set(this.rests.subarray(0, this.length));
    slots.set(this.slots.subarray(0, this.length));
    this.blocks = blocks;
    this.rests = rests;
    this.slots = slots;
  }
}

/**
 * Sorts each block by rest, keeps the last entry of equal rests and compacts in place (the write
 * position never passes the read position). Rewrites `offsets` to the compacted positions and
 * returns the new count.
 */
function sortBlocks(offsets: Int32Array, rests: Uint16Array, ownerSlots: Uint8Array): number {
  let keys = new Uint32Array(256);
  // Big enough for any block taking the small-block path, and for the 10,000-rest table.
  const restBuffer = new Uint16Array(SMALL_BLOCK);
  const slotBuffer = new Uint8Array(SMALL_BLOCK);
  let write = 0;
  let start = offsets[0]!;
  for (let slot = 0; slot + 1 < offsets.length; slot += 1) {
    const end = offsets[slot + 1]!;
    offsets[slot] = write;
    const length = end - start;
    if (isStrictlyAscending(rests, start, end)) {
      // The usual case for a file sorted by number (Port_All is): nothing to sort or drop.
      rests.copyWithin(write, start, end);
      ownerSlots.copyWithin(write, start, end);
      write += length;
    } else if (length < SMALL_BLOCK) {
      if (keys.length < length) keys = new Uint32Array(Math.max(length, keys.length * 2));
      const view = keys.subarray(0, length);
      for (let i = 0; i < length; i += 1) view[i] = rests[start + i]! * SMALL_BLOCK + i;
      view.sort();
      // Copy out first: the compacted writes may overwrite rows of this block not yet read.
      for (let i = 0; i < length; i += 1) {
        const from = start + (view[i]! & (SMALL_BLOCK - 1));
        restBuffer[i] = rests[from]!;
        slotBuffer[i] = ownerSlots[from]!;
      }
      write = keepLastOfEqual(restBuffer, slotBuffer, length, rests, ownerSlots, write);
    } else {
      write = countingSortBlock(rests, ownerSlots, start, end, write, restBuffer, slotBuffer);
    }
    start = end;
  }
  offsets[offsets.length - 1] = write;
  return write;
}

function isStrictlyAscending(rests: Uint16Array, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i += 1) if (rests[i]! <= rests[i - 1]!) return false;
  return true;
}

/** Writes sorted (rest, slot) pairs, keeping only the last of each run of equal rests. */
function keepLastOfEqual(
  sortedRests: Uint16Array,
  sortedSlots: Uint8Array,
  length: number,
  rests: Uint16Array,
  ownerSlots: Uint8Array,
  write: number,
): number {
  for (let i = 0; i < length; i += 1) {
    if (i + 1 < length && sortedRests[i + 1] === sortedRests[i]) continue;
    rests[write] = sortedRests[i]!;
    ownerSlots[write] = sortedSlots[i]!;
    write += 1;
  }
  return write;
}

/**
 * For a block with ≥ 65,536 rows (only possible with heavy repetition, as a block has 10,000
 * numbers): a direct table of the 10,000 rests, later rows overwriting earlier ones.
 */
function countingSortBlock(
  rests: Uint16Array,
  ownerSlots: Uint8Array,
  start: number,
  end: number,
  write: number,
  seen: Uint16Array,
  slotOfRest: Uint8Array,
): number {
  seen.fill(0);
  for (let i = start; i < end; i += 1) {
    seen[rests[i]!] = 1;
    slotOfRest[rests[i]!] = ownerSlots[i]!;
  }
  for (let rest = 0; rest < BLOCK_SIZE; rest += 1) {
    if (seen[rest] === 0) continue;
    rests[write] = rest;
    ownerSlots[write] = slotOfRest[rest]!;
    write += 1;
  }
  return write;
}
