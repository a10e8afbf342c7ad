import { describe, expect, it } from 'vitest';
import { compareShape } from './compare-shape';

describe('compareShape', () => {
  it('compares keys and types, not values', () => {
    expect(compareShape({ ID: 7, NAME: 'a', LIST: [{ X: '1' }] }, { ID: 9, NAME: 'b', LIST: [{ X: '2' }] })).toEqual(
      [],
    );
  });

  it('names every difference', () => {
    expect(compareShape({ ID: 7, NAME: 'a' }, { ID: '7', EXTRA: 1 })).toEqual([
      '$.ID: the docs have number, the emulator string',
      '$.NAME: in the docs, missing from the emulator',
      "$.EXTRA: not in the docs' sample",
    ]);
  });

  it("lets null in the docs' sample stand for any type, and honours the allowances", () => {
    expect(compareShape({ A: null, B: 1 }, { A: 'x', C: 2 }, { extraKeys: ['C'], optionalKeys: ['B'] })).toEqual([]);
  });
});
