/**
 * A per-key cache that never makes its reader wait: `peek` answers what it holds now (undefined on a miss) and starts
 * a load in the background when the entry is missing or older than ttlMs (one load per key at a time). For answers
 * that must not wait on a slow source — the dialplan asking who owns a caller in the CRM. Bounded: past maxEntries
 * the oldest entry goes. A failed load leaves the entry as it was; the next peek tries again.
 */
export type BackgroundCache<K, V> = { peek(key: K, now?: number): V | undefined; clear(): void };

export type CreateBackgroundCacheOptions<K, V> = {
  ttlMs: number;
  maxEntries: number;
  load: (key: K) => Promise<V>;
  /** The map key of a structured key (default: the key itself). */
  keyOf?: (key: K) => unknown;
  onError?: (error: unknown) => void;
};

export function createBackgroundCache<K, V>(options: CreateBackgroundCacheOptions<K, V>): BackgroundCache<K, V> {
  const { ttlMs, maxEntries, load, keyOf = (key: K) => key, onError = () => undefined } = options;
  const store = new Map<unknown, { at: number; value: V }>();
  const loading = new Set<unknown>();
  const refresh = (key: K, id: unknown) => {
    if (loading.has(id)) return;
    loading.add(id);
    load(key)
      .then((value) => {
        store.delete(id);
        store.set(id, { at: Date.now(), value });
        if (store.size > maxEntries) store.delete(store.keys().next().value);
      }, onError)
      .finally(() => loading.delete(id));
  };
  return {
    peek(key, now = Date.now()) {
      const id = keyOf(key);
      const hit = store.get(id);
      if (!hit || now - hit.at >= ttlMs) refresh(key, id);
      return hit?.value;
    },
    clear() {
      store.clear();
    },
  };
}
