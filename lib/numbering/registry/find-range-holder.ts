import type { CarrierIndex } from './build-carrier-index';
import { nationalBlockOf, nationalRestOf } from '../phone';
import type { CarrierMatch } from './types';

const BLOCKS_PER_CODE = 1000;
const BLOCK_SIZE = 10_000;

/**
 * Finds the range holder of a Russian number. `e164` is the canonical form from
 * `normalizePhoneNumber` ("79151234567": 11 digits, no "+"); anything else returns null rather than
 * guessing, as does a number in a gap between allocated ranges. No allocation.
 */
export function findRangeHolder(index: CarrierIndex, e164: string): CarrierMatch | null {
  const block = nationalBlockOf(e164);
  if (block < 0) return null;
  const row = carrierRowAt(index, block, nationalRestOf(e164));
  return row < 0 ? null : index.matches[row]!;
}

/**
 * Row of the range holding the number with 6-digit `block` and 4-digit `rest` (see
 * parse-national-number.ts), or -1. Exported for resolveCarrier, which parses the number once for the
 * registry and the ported index.
 *
 * One slot of the direct-mapped first level tells which rows start inside the number's block of
 * 10,000; in the usual case none does (blocks are mostly inside one big range) and the answer is the
 * last row starting before the block, with no search at all. Only blocks cut by small allocations
 * (DEF 949's 100-number rows) binary-search, over the few rows starting in that block.
 */
export function carrierRowAt(index: CarrierIndex, block: number, rest: number): number {
  const code = (block / BLOCKS_PER_CODE) | 0;
  const page = index.bucketPages[code]!;
  if (page < 0) return -1;
  const blockInCode = block - code * BLOCKS_PER_CODE;
  const subscriber = blockInCode * BLOCK_SIZE + rest;
  const { bucketRows, subscriberStarts } = index;
  let low = bucketRows[page + blockInCode]!;
  let high = bucketRows[page + blockInCode + 1]!;
  // Invariant: subscriberStarts[< low] <= subscriber < subscriberStarts[>= high] within the block's rows.
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (subscriberStarts[middle]! <= subscriber) low = middle + 1;
    else high = middle;
  }
  // Slot `page` holds the code's first row: a candidate before it belongs to another code.
  const candidate = low - 1;
  if (candidate < bucketRows[page]! || index.subscriberEnds[candidate]! < subscriber) return -1;
  return candidate;
}
