import { describe, expect, it } from 'vitest';
import type { RegistryRange } from '../registry';
import { diffRegistryRanges } from './diff-registry-ranges';

function range(def: string, from: number, to: number, inn: string): RegistryRange {
  const pad = (n: number) => String(n).padStart(7, '0');
  return {
    def,
    from: pad(from),
    to: pad(to),
    capacity: to - from + 1,
    operator: inn,
    region: '',
    territory: '',
    inn,
    line: 0,
    regions: [],
  } as RegistryRange;
}

const MTS = '7740000076';
const BEELINE = '7713076301';

describe('diffRegistryRanges', () => {
  it('reports nothing for the same rows', () => {
    const rows = [range('915', 0, 9999, MTS), range('916', 0, 999, BEELINE)];
    expect(diffRegistryRanges(rows, rows)).toMatchObject({
      rangesAdded: 0,
      rangesRemoved: 0,
      rangesChangedCarrier: 0,
      numbersChangedCarrier: 0,
      numbersAdded: 0,
      numbersRemoved: 0,
      topMoves: [],
    });
  });

  it('counts rows that changed carrier and the numbers behind them', () => {
    const diff = diffRegistryRanges([range('915', 0, 9999, MTS)], [range('915', 0, 9999, BEELINE)]);
    expect(diff).toMatchObject({
      rangesChangedCarrier: 1,
      numbersChangedCarrier: 10_000,
      topMoves: [{ fromInn: MTS, toInn: BEELINE, numbers: 10_000 }],
    });
  });

  it('counts numbers across split rows without calling the split a change of carrier', () => {
    const before = [range('915', 0, 9999, MTS)];
    const after = [range('915', 0, 4999, MTS), range('915', 5000, 5999, BEELINE), range('915', 6000, 9999, MTS)];
    expect(diffRegistryRanges(before, after)).toMatchObject({
      rangesAdded: 3,
      rangesRemoved: 1,
      rangesChangedCarrier: 0,
      numbersChangedCarrier: 1000,
    });
  });

  it('counts added and withdrawn numbers', () => {
    const diff = diffRegistryRanges([range('915', 0, 99, MTS), range('917', 0, 9, MTS)], [range('915', 0, 199, MTS)]);
    expect(diff).toMatchObject({ numbersAdded: 100, numbersRemoved: 10, rangesAdded: 1, rangesRemoved: 2 });
  });
});
