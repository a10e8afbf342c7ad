import { describe, expect, it } from 'vitest';
import { createRefreshingCache } from './create-refreshing-cache';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createRefreshingCache', () => {
  it('loads once while fresh', async () => {
    let loads = 0;
    const cache = createRefreshingCache({ ttlMs: 1000, load: async (k: string) => `${k}${++loads}` });
    expect(await cache.get('a', 0)).toBe('a1');
    expect(await cache.get('a', 500)).toBe('a1');
    expect(loads).toBe(1);
  });

  it('serves the stale value at once and swaps in the reload', async () => {
    let loads = 0;
    const cache = createRefreshingCache({ ttlMs: 1000, load: async () => ++loads });
    await cache.get('a', 0);
    expect(await cache.get('a', 2000)).toBe(1); // stale, reload started
    await tick();
    expect(await cache.get('a', 2001)).toBe(2);
    expect(loads).toBe(2);
  });

  it('keeps serving the old value when a reload fails, and retries a failed first load', async () => {
    let fail = false;
    let loads = 0;
    const cache = createRefreshingCache({
      ttlMs: 10,
      load: async () => (fail ? Promise.reject(new Error('db down')) : ++loads),
    });
    await cache.get('a', 0);
    fail = true;
    expect(await cache.get('a', 100)).toBe(1);
    await tick();
    expect(await cache.get('a', 101)).toBe(1);
    await expect(cache.get('b', 0)).rejects.toThrow('db down');
    await tick();
    fail = false;
    expect(await cache.get('b', 1)).toBe(2);
  });

  it('forgets on demand (a settings save)', async () => {
    let loads = 0;
    const cache = createRefreshingCache({ ttlMs: 1000, load: async () => ++loads });
    await cache.get('a', 0);
    cache.forget('a');
    expect(await cache.get('a', 1)).toBe(2);
  });
});
