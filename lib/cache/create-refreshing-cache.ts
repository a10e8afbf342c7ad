/**
 * A per-key async cache for the dialplan's hot path: a fresh entry is returned as is; a stale one is still returned at
 * once while a reload runs in the background (so no request ever waits for the database after the first); a failed
 * load is forgotten so the next call retries.
 */
export type RefreshingCache<K, V> = {
  get(key: K, now?: number): Promise<V>;
  forget(key: K): void;
  clear(): void;
};

export type CreateRefreshingCacheOptions<K, V> = { ttlMs: number; load: (key: K) => Promise<V> };
type Entry<V> = { at: number; value: Promise<V>; settled: boolean; refreshing: boolean };

export function createRefreshingCache<K, V>({
  ttlMs,
  load,
}: CreateRefreshingCacheOptions<K, V>): RefreshingCache<K, V> {
  const store = new Map<K, Entry<V>>();
  const start = (key: K, now: number): Entry<V> => {
    const entry: Entry<V> = { at: now, value: load(key), settled: false, refreshing: false };
    entry.value.then(
      () => (entry.settled = true),
      () => store.get(key) === entry && store.delete(key),
    );
    store.set(key, entry);
    return entry;
  };
  return {
    get(key, now = Date.now()) {
      const hit = store.get(key);
      if (!hit) return start(key, now).value;
      if (now - hit.at >= ttlMs && hit.settled && !hit.refreshing) {
        hit.refreshing = true;
        const next = load(key);
        next.then(
          () => store.set(key, { at: Date.now(), value: next, settled: true, refreshing: false }),
          () => (hit.refreshing = false),
        );
      }
      return hit.value;
    },
    forget(key) {
      store.delete(key);
    },
    clear() {
      store.clear();
    },
  };
}
