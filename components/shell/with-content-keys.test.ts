import { describe, expect, it } from 'vitest';
import { withContentKeys } from './with-content-keys';

describe('withContentKeys', () => {
  it('keys each item by its content and numbers repeats', () => {
    const keyed = withContentKeys(['a', 'b', 'a', 'a'], (s) => s);
    expect(keyed.map((k) => k.key)).toEqual(['a', 'b', 'a#2', 'a#3']);
    expect(keyed.map((k) => k.item)).toEqual(['a', 'b', 'a', 'a']);
  });

  it('keeps the other keys when an item is removed', () => {
    const before = withContentKeys(['x', 'y', 'z'], (s) => s).map((k) => k.key);
    const after = withContentKeys(['x', 'z'], (s) => s).map((k) => k.key);
    expect(after).toEqual([before[0], before[2]]);
  });
});
