import { AppError } from '../../errors/app-error';
import type { CarrierMatch, RegistryRange } from './types';

/** One distinct (ИНН, registry spelling) pair; rows point at it through `carrierIds`. */
export type IndexedCarrier = { readonly inn: string; readonly operator: string };

/**
 * Immutable by contract: the arrays are typed arrays at run time but typed read-only here, and the
 * object itself is frozen. Numbers are the 10-digit national significant number (code × 10⁷ +
 * subscriber number), which fits a double exactly (< 2⁵³) but not a 32-bit integer.
 */
export type CarrierIndex = {
  readonly size: number;
  /** First number of each range, ascending. */
  readonly starts: ArrayLike<number>;
  /** Last number (inclusive) of each range; ranges never overlap. */
  readonly ends: ArrayLike<number>;
  /**
   * Rows of 3-digit code c are [codeOffsets[c], codeOffsets[c + 1]): a range never crosses a code,
   * so the search starts inside one code (≤ 4,803 rows, usually < 300) instead of all 16.6k.
   */
  readonly codeOffsets: ArrayLike<number>;
  /**
   * Direct-mapped first level on the first 6 digits (code + 3 digits: blocks of 10,000 numbers), so a
   * lookup reads one slot instead of binary-searching the code's rows. Paged by code: only codes that
   * have rows get a page (83 of 1,000 in the DEF file: 332 KB, which stays in the CPU's L2 cache; a
   * flat 10⁶-slot table would be 4 MB and miss it). `bucketPages[code]` is the page's first slot or
   * -1; slot `page + b` holds the number of rows starting before block b, and slot `page + 1000` the
   * end of the code's rows, so the rows starting inside block b are [slot b, slot b + 1).
   */
  readonly bucketPages: Int32Array;
  readonly bucketRows: Int32Array;
  /**
   * Each row's first and last subscriber number within its code (the 7 digits after the code), for
   * the lookup to compare in 32-bit integers: `starts`/`ends` hold the whole 10-digit number, which
   * needs doubles.
   */
  readonly subscriberStarts: Int32Array;
  readonly subscriberEnds: Int32Array;
  /** Row → position in `carriers`, for grouping and counting without touching strings. */
  readonly carrierIds: ArrayLike<number>;
  readonly carriers: readonly IndexedCarrier[];
  /**
   * The lookup answer for each row, built once so a lookup allocates nothing: the router resolves a
   * carrier on every call and the admin "test a number" box may resolve thousands at once.
   */
  readonly matches: readonly CarrierMatch[];
};

const MAX_CARRIERS = 0xffff;
const CODES = 1000;
const CODE_FACTOR = 1e7;
const BLOCKS = 1000;
const BLOCK_SIZE = 1e4;
/** Slots per page: one per block plus the end of the code's rows. */
const BUCKET_PAGE_SLOTS = BLOCKS + 1;

/**
 * Builds the search structure from parsed ranges. Sorts a copy if needed; throws if ranges overlap,
 * which `parseRegistry` already prevents — any other caller gets a clear message, not wrong answers.
 */
export function buildCarrierIndex(ranges: readonly RegistryRange[]): CarrierIndex {
  const size = ranges.length;
  const rows = isSortedByStart(ranges) ? ranges : [...ranges].sort((a, b) => startOf(a) - startOf(b));
  // Nested maps rather than an "inn|operator" string key: no string building per row (the bench
  // showed the key concatenation as the largest cost of the build).
  const carrierIdByInn = new Map<string, Map<string, number>>();
  const starts = new Float64Array(size);
  const ends = new Float64Array(size);
  const carrierIds = new Uint16Array(size);
  const subscriberStarts = new Int32Array(size);
  const subscriberEnds = new Int32Array(size);
  const carriers: IndexedCarrier[] = [];
  const matches: CarrierMatch[] = new Array(size);
  const codeOffsets = new Uint32Array(CODES + 1);

  for (let i = 0; i < size; i += 1) {
    const row = rows[i]!;
    const code = Number(row.def);
    codeOffsets[code + 1] = i + 1;
    subscriberStarts[i] = Number(row.from);
    subscriberEnds[i] = Number(row.to);
    starts[i] = code * CODE_FACTOR + subscriberStarts[i]!;
    ends[i] = code * CODE_FACTOR + subscriberEnds[i]!;
    if (i > 0 && starts[i]! <= ends[i - 1]!) {
      throw new AppError(
        'INVALID_INPUT',
        `Registry ranges overlap: ${row.def} ${row.from}–${row.to} (line ${row.line}) and the range before it ` +
          `(line ${rows[i - 1]!.line}).`,
      );
    }
    let byOperator = carrierIdByInn.get(row.inn);
    if (byOperator === undefined) {
      byOperator = new Map();
      carrierIdByInn.set(row.inn, byOperator);
    }
    let carrierId = byOperator.get(row.operator);
    if (carrierId === undefined) {
      carrierId = carriers.length;
      if (carrierId > MAX_CARRIERS) throw new AppError('INVALID_INPUT', 'Too many distinct operators in the registry.');
      carriers.push(Object.freeze({ inn: row.inn, operator: row.operator }));
      byOperator.set(row.operator, carrierId);
    }
    carrierIds[i] = carrierId;
    matches[i] = Object.freeze({
      inn: row.inn,
      operator: row.operator,
      region: row.region,
      territory: row.territory,
      range: Object.freeze({ def: row.def, from: row.from, to: row.to }),
      source: 'registry' as const,
    });
  }
  // Codes without rows get an empty slice: carry the previous end forward.
  for (let code = 1; code <= CODES; code += 1) codeOffsets[code] = Math.max(codeOffsets[code]!, codeOffsets[code - 1]!);
  const { bucketPages, bucketRows } = buildBuckets(starts, codeOffsets);
  return Object.freeze({
    size,
    starts,
    codeOffsets,
    bucketPages,
    bucketRows,
    subscriberStarts,
    subscriberEnds,
    ends,
    carrierIds,
    carriers: Object.freeze(carriers),
    matches: Object.freeze(matches),
  });
}

function buildBuckets(
  starts: Float64Array,
  codeOffsets: Uint32Array,
): { bucketPages: Int32Array; bucketRows: Int32Array } {
  const bucketPages = new Int32Array(CODES).fill(-1);
  let pages = 0;
  for (let code = 0; code < CODES; code += 1)
    if (codeOffsets[code + 1]! > codeOffsets[code]!) bucketPages[code] = pages++ * BUCKET_PAGE_SLOTS;
  const bucketRows = new Int32Array(pages * BUCKET_PAGE_SLOTS);
  for (let code = 0; code < CODES; code += 1) {
    const page = bucketPages[code]!;
    if (page < 0) continue;
    // One merge-like walk over the code's sorted starts: rows before block b = first row starting at or after it.
    let row = codeOffsets[code]!;
    const end = codeOffsets[code + 1]!;
    for (let block = 0; block < BLOCKS; block += 1) {
      const blockStart = code * CODE_FACTOR + block * BLOCK_SIZE;
      while (row < end && starts[row]! < blockStart) row += 1;
      bucketRows[page + block] = row;
    }
    bucketRows[page + BLOCKS] = end;
  }
  return { bucketPages, bucketRows };
}

function startOf(range: RegistryRange): number {
  return Number(range.def) * CODE_FACTOR + Number(range.from);
}

function isSortedByStart(ranges: readonly RegistryRange[]): boolean {
  let previous = -1;
  for (const range of ranges) {
    const start = startOf(range);
    if (start < previous) return false;
    previous = start;
  }
  return true;
}
