import { describe, expect, it } from 'vitest';
import { decideRetryOffers } from './decide-retry-offers';

describe('decideRetryOffers', () => {
  it.each<[string, number, number, boolean, boolean]>([
    ['no rows at all', 0, 0, false, false],
    ['every row refused', 0, 12, false, false],
    ['some rows refused', 97, 3, true, true],
    ['no row refused (a much smaller file)', 100, 0, false, true],
  ])('%s', (_name, rows, rejectedRows, acceptRowErrors, acceptShrink) => {
    expect(decideRetryOffers({ rows, rejectedRows })).toEqual({ acceptRowErrors, acceptShrink });
  });
});
