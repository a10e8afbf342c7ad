/**
 * The 10-digit national number of a canonical e164 ("7" + 10 digits, no "+", as
 * `normalizePhoneNumber` returns it), read in place without allocating. Anything else gives -1:
 * lookups must not guess.
 *
 * The indexes split a number into its 6-digit block (DEF code + 3 digits: 10,000 numbers) and the
 * 4-digit rest, both small integers. The lookups want exactly those, and reading them straight from
 * the characters keeps the whole hot path in 32-bit integer arithmetic: the whole number (< 10¹⁰)
 * does not fit 32 bits, and the double arithmetic and divisions needed to split it measured 2–3×
 * slower in the lookups (bench/carrier-lookup.bench.ts).
 */
const ZERO = 48;
const SEVEN = 55;

/** The first 6 digits after the 7 (0 … 999,999), or -1 when `e164` is not "7" + 10 digits. */
export function nationalBlockOf(e164: string): number {
  if (typeof e164 !== 'string' || e164.length !== 11 || e164.charCodeAt(0) !== SEVEN) return -1;
  const d1 = e164.charCodeAt(1) - ZERO;
  const d2 = e164.charCodeAt(2) - ZERO;
  const d3 = e164.charCodeAt(3) - ZERO;
  const d4 = e164.charCodeAt(4) - ZERO;
  const d5 = e164.charCodeAt(5) - ZERO;
  const d6 = e164.charCodeAt(6) - ZERO;
  const d7 = e164.charCodeAt(7) - ZERO;
  const d8 = e164.charCodeAt(8) - ZERO;
  const d9 = e164.charCodeAt(9) - ZERO;
  const d10 = e164.charCodeAt(10) - ZERO;
  // A digit d is valid iff d ≥ 0 and 9 − d ≥ 0: one sign test over all of them instead of ten branches.
  const signs = d1 | (9 - d1) | d2 | (9 - d2) | d3 | (9 - d3) | d4 | (9 - d4) | d5 | (9 - d5);
  if ((signs | d6 | (9 - d6) | d7 | (9 - d7) | d8 | (9 - d8) | d9 | (9 - d9) | d10 | (9 - d10)) < 0) return -1;
  return (d1 * 100 + d2 * 10 + d3) * 1000 + d4 * 100 + d5 * 10 + d6;
}

/** The last 4 digits (0 … 9,999). Only meaningful once `nationalBlockOf` accepted the same string. */
export function nationalRestOf(e164: string): number {
  return (
    (e164.charCodeAt(7) - ZERO) * 1000 +
    (e164.charCodeAt(8) - ZERO) * 100 +
    (e164.charCodeAt(9) - ZERO) * 10 +
    (e164.charCodeAt(10) - ZERO)
  );
}
