import { createRefreshingCache, type RefreshingCache } from '../cache/create-refreshing-cache';
import type { Db } from '../db/client';
import { decideRegistration, type ListItem } from '../lists/decide-registration';

export type ShouldRecordCallOptions = { db: Db; portalId: number; number: string; now?: number };

type Policy = { enabled: boolean; neverRecord: ListItem[] };
const holder = globalThis as typeof globalThis & { __recordingPolicies?: Map<Db, RefreshingCache<number, Policy>> };

/**
 * Whether the PBX records this call (MixMonitor on the trunk leg): the portal's recording switch, minus numbers on the
 * never-record list (the same list and matching as CRM registration, which it also overrides). Cached a few seconds
 * and refreshed in the background so the click path does not wait for the database.
 */
export async function shouldRecordCall({ db, portalId, number, now }: ShouldRecordCallOptions): Promise<boolean> {
  const caches = (holder.__recordingPolicies ??= new Map());
  let cache = caches.get(db);
  if (!cache) {
    cache = createRefreshingCache<number, Policy>({
      ttlMs: 5000,
      load: async (id) => {
        const [settings, neverRecord] = await Promise.all([
          db.portalSettings.findUnique({ where: { portalId: id }, select: { recordingEnabled: true } }),
          db.listEntry.findMany({
            where: { portalId: id, list: 'never_record' },
            select: { list: true, value: true, isPattern: true },
          }),
        ]);
        return { enabled: settings?.recordingEnabled ?? false, neverRecord };
      },
    });
    caches.set(db, cache);
  }
  const policy = await cache.get(portalId, now);
  if (!policy.enabled) return false;
  return (
    decideRegistration({ call: { number, departmentIds: [] }, lists: policy.neverRecord }).reason !== 'never_record'
  );
}
