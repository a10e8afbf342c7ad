/**
 * The instant of an MNP `PortDate` field read straight from the file's bytes: milliseconds since the
 * epoch, -Infinity for an empty field (an undated row sorts first), NaN when it is not a timestamp.
 *
 * The files write one shape, `2016-09-07T12:00:17+03:00`; that shape is computed here without making
 * a string (the streaming parser reads millions of rows). Anything else — fractions, `Z` in lower
 * case, a date alone, hour 24 — goes to Date.parse, so the answer is always Date.parse's, which is what
 * parsePortedNumbers uses.
 */
export function parsePortDate(bytes: Uint8Array, start: number, end: number): number {
  if (start === end) return -Infinity;
  const length = end - start;
  // YYYY-MM-DDThh:mm:ss followed by Z (20 bytes) or ±hh:mm (25 bytes).
  if (
    (length === 20 || length === 25) &&
    bytes[start + 4] === DASH &&
    bytes[start + 7] === DASH &&
    bytes[start + 10] === T
  ) {
    const year = digits(bytes, start, 4);
    const month = digits(bytes, start + 5, 2);
    const day = digits(bytes, start + 8, 2);
    const hour = digits(bytes, start + 11, 2);
    const minute = digits(bytes, start + 14, 2);
    const second = digits(bytes, start + 17, 2);
    const offset = length === 20 ? (bytes[start + 19] === Z ? 0 : null) : zoneMinutes(bytes, start + 19);
    const separators = bytes[start + 13] === COLON && bytes[start + 16] === COLON;
    // Date.UTC reads years 0–99 as 1900–1999, and V8 accepts day 31 in any month (rolling over) but
    // not month 0 or 13: inside these bounds the two agree exactly.
    if (
      separators &&
      year >= 100 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 31 &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59 &&
      offset !== null
    ) {
      return Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
    }
  }
  return Date.parse(Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString('latin1'));
}

const DASH = 45;
const COLON = 58;
const PLUS = 43;
const T = 84;
const Z = 90;
const ZERO = 48;

/** `count` decimal digits as a number, or -1 if any byte is not a digit. */
function digits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i += 1) {
    const digit = bytes[at + i]! - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Minutes east of UTC for `±hh:mm`, or null. */
function zoneMinutes(bytes: Uint8Array, at: number): number | null {
  const sign = bytes[at] === PLUS ? 1 : bytes[at] === DASH ? -1 : 0;
  const hours = digits(bytes, at + 1, 2);
  const minutes = digits(bytes, at + 4, 2);
  if (sign === 0 || bytes[at + 3] !== COLON || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
