import type { RegistryRange } from '../registry';

/** What changed between two versions of one registry file, in the terms an admin checks before trusting it. */
export type RegistryDiff = {
  readonly rangesAdded: number;
  readonly rangesRemoved: number;
  /** Same code and bounds, another ИНН. */
  readonly rangesChangedCarrier: number;
  /** Numbers held by another ИНН than before, whatever the row boundaries (rows are often split or merged). */
  readonly numbersChangedCarrier: number;
  readonly numbersAdded: number;
  readonly numbersRemoved: number;
  /** Largest moves first, at most ten: "7740000076 → 7713076301: 10 000 numbers". */
  readonly topMoves: readonly { readonly fromInn: string; readonly toInn: string; readonly numbers: number }[];
};

const CODE_FACTOR = 1e7;
const TOP_MOVES = 10;

type Span = { start: number; end: number; inn: string };

/**
 * Compares two versions of a registry file. Both row lists are sorted and non-overlapping (parseRegistry guarantees
 * it), so one merge pass counts numbers that changed hands in O(n + m).
 */
export function diffRegistryRanges(before: readonly RegistryRange[], after: readonly RegistryRange[]): RegistryDiff {
  const innByKey = new Map<string, string>();
  for (const range of before) innByKey.set(keyOf(range), range.inn);
  let rangesAdded = 0;
  let rangesChangedCarrier = 0;
  const afterKeys = new Set<string>();
  for (const range of after) {
    const key = keyOf(range);
    afterKeys.add(key);
    const inn = innByKey.get(key);
    if (inn === undefined) rangesAdded += 1;
    else if (inn !== range.inn) rangesChangedCarrier += 1;
  }
  let rangesRemoved = 0;
  for (const key of innByKey.keys()) if (!afterKeys.has(key)) rangesRemoved += 1;

  const old = spans(before);
  const next = spans(after);
  const moves = new Map<string, { fromInn: string; toInn: string; numbers: number }>();
  let numbersChangedCarrier = 0;
  let overlapping = 0;
  for (let i = 0, j = 0; i < old.length && j < next.length; ) {
    const a = old[i]!;
    const b = next[j]!;
    const low = Math.max(a.start, b.start);
    const high = Math.min(a.end, b.end);
    if (low <= high) {
      const count = high - low + 1;
      overlapping += count;
      if (a.inn !== b.inn) {
        numbersChangedCarrier += count;
        const key = `${a.inn}>${b.inn}`;
        const move = moves.get(key) ?? { fromInn: a.inn, toInn: b.inn, numbers: 0 };
        move.numbers += count;
        moves.set(key, move);
      }
    }
    if (a.end < b.end) i += 1;
    else j += 1;
  }
  const topMoves = [...moves.values()].sort((x, y) => y.numbers - x.numbers).slice(0, TOP_MOVES);
  return {
    rangesAdded,
    rangesRemoved,
    rangesChangedCarrier,
    numbersChangedCarrier,
    numbersAdded: total(next) - overlapping,
    numbersRemoved: total(old) - overlapping,
    topMoves,
  };
}

function keyOf(range: RegistryRange): string {
  return `${range.def}:${range.from}:${range.to}`;
}

function spans(ranges: readonly RegistryRange[]): Span[] {
  const list = ranges.map((r) => ({
    start: Number(r.def) * CODE_FACTOR + Number(r.from),
    end: Number(r.def) * CODE_FACTOR + Number(r.to),
    inn: r.inn,
  }));
  return list.sort((a, b) => a.start - b.start);
}

function total(list: readonly Span[]): number {
  let sum = 0;
  for (const span of list) sum += span.end - span.start + 1;
  return sum;
}
