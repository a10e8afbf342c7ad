import { describe, expect, it } from 'vitest';
import { createBackgroundCache } from './create-background-cache';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createBackgroundCache', () => {
  it('a miss answers undefined at once and loads in the background; the next peek has it', async () => {
    let loads = 0;
    const cache = createBackgroundCache({ ttlMs: 1000, maxEntries: 10, load: async (n: string) => `${n}:${++loads}` });
    expect(cache.peek('a', 0)).toBeUndefined();
    expect(cache.peek('a', 0)).toBeUndefined();
    await settle();
    expect(cache.peek('a', 1)).toBe('a:1');
    expect(loads).toBe(1);
  });

  it('a stale entry is still answered while it reloads', async () => {
    let loads = 0;
    const cache = createBackgroundCache({ ttlMs: 10, maxEntries: 10, load: async () => ++loads });
    cache.peek('k');
    await settle();
    expect(cache.peek('k', Date.now() + 50)).toBe(1);
    await settle();
    expect(cache.peek('k')).toBe(2);
  });

  it('keeps at most maxEntries, the oldest goes; a failed load keeps nothing and is retried', async () => {
    let fail = true;
    const cache = createBackgroundCache({
      ttlMs: 1000,
      maxEntries: 2,
      load: async (n: number) => {
        if (fail && n === 9) throw new Error('down');
        return n;
      },
    });
    for (const n of [1, 2, 3, 9]) cache.peek(n);
    await settle();
    fail = false;
    expect([2, 3, 9, 1].map((n) => cache.peek(n))).toEqual([2, 3, undefined, undefined]);
    await settle();
    expect(cache.peek(9)).toBe(9);
  });
});
