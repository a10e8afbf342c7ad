import type { CarrierIndex } from './build-carrier-index';
import type { CarrierMatch } from './types';

const ZERO = 48;
const SEVEN = 55;
const CODE_FACTOR = 1e7;

/**
 * Finds the range holder of a Russian number. `e164` is the canonical form from
 * `normalizePhoneNumber` ("79151234567": 11 digits, no "+"); anything else returns null rather than
 * guessing, as does a number in a gap between allocated ranges.
 *
 * Binary search over the sorted starts of the number's 3-digit code only (a range never crosses a
 * code): ≤ 13 steps even in DEF 949's 4,803 rows, no allocation.
 */
export function lookupCarrier(index: CarrierIndex, e164: string): CarrierMatch | null {
  const nsn = parseNationalNumber(e164);
  if (nsn < 0) return null;
  const { starts, ends, codeOffsets } = index;
  const code = Math.floor(nsn / CODE_FACTOR);
  const first = codeOffsets[code]!;
  let low = first;
  let high = codeOffsets[code + 1]!;
  // Invariant: starts[< low] <= nsn < starts[>= high].
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! <= nsn) low = middle + 1;
    else high = middle;
  }
  const candidate = low - 1;
  if (candidate < first || ends[candidate]! < nsn) return null;
  return index.matches[candidate] ?? null;
}

/** The 10 digits after the country code as a number, or -1 if `e164` is not "7" + 10 digits. */
function parseNationalNumber(e164: string): number {
  if (typeof e164 !== 'string' || e164.length !== 11 || e164.charCodeAt(0) !== SEVEN) return -1;
  let value = 0;
  for (let i = 1; i < 11; i += 1) {
    const digit = e164.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
