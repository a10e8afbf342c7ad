import { listenToForgets } from '../../cache/create-named-forget';
import { createRefreshingCache, type RefreshingCache } from '../../cache/create-refreshing-cache';
import type { Db } from '../../db/client';
import type { ListItem } from '../../lists/decide-registration';
import { loadCallPerson } from '../registration/load-call-person';
import { decideRecording } from './decide-recording';

export type ShouldRecordCallOptions = {
  db: Db;
  portalId: number;
  number: string;
  /** The manager on the call, by Bitrix24 user id or extension: the whitelists name people, departments, phones. */
  b24UserId?: number | null;
  extension?: string | null;
  now?: number;
};

type Policy = { enabled: boolean; lists: ListItem[] };
const holder = globalThis as typeof globalThis & { __recordingPolicies?: Map<Db, RefreshingCache<number, Policy>> };
/** What a save forgets, by the named forget it makes (lib/cache/create-named-forget): the next call reads it anew. */
const SOURCES = new Set(['recording-settings', 'lists']);
listenToForgets((name, portalId) => {
  if (!SOURCES.has(name)) return;
  for (const cache of holder.__recordingPolicies?.values() ?? []) cache.forget(portalId as number);
});

/**
 * Whether the PBX records this call (decideRecording: the portal's switch, the never-record list, the whitelists).
 * The portal's policy is cached a few seconds and refreshed in the background so the click path does not wait.
 */
export async function shouldRecordCall(options: ShouldRecordCallOptions): Promise<boolean> {
  const { db, portalId, number, now } = options;
  const caches = (holder.__recordingPolicies ??= new Map());
  let cache = caches.get(db);
  if (!cache) {
    cache = createRefreshingCache<number, Policy>({
      ttlMs: 5000,
      load: async (id) => {
        const [settings, lists] = await Promise.all([
          db.portalSettings.findUnique({ where: { portalId: id }, select: { recordingEnabled: true } }),
          db.listEntry.findMany({ where: { portalId: id }, select: { list: true, value: true, isPattern: true } }),
        ]);
        return { enabled: settings?.recordingEnabled ?? false, lists };
      },
    });
    caches.set(db, cache);
  }
  const policy = await cache.get(portalId, now);
  if (!policy.enabled) return false;
  const person = await loadCallPerson({ db, portalId, b24UserId: options.b24UserId, extension: options.extension });
  const call = { userId: person.b24UserId, departmentIds: person.departmentIds, extension: person.extension, number };
  return decideRecording({ enabled: true, lists: policy.lists, call }).record;
}
