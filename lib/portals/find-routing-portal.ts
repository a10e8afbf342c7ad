import { createDelegableLoad } from '../cache/create-delegable-load';
import { createNamedForget } from '../cache/create-named-forget';
import { createRefreshingCache, type RefreshingCache } from '../cache/create-refreshing-cache';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { ensureLocalPortal, LOCAL_MEMBER_ID } from './ensure-local-portal';

export type FindRoutingPortalOptions = { memberId?: string | null; db?: Db; now?: number };

/** Installs and uninstalls in this process forget at once (forgetRoutingPortals); other processes within TTL_MS. */
const TTL_MS = 30_000;
const holder = globalThis as typeof globalThis & { __routingPortals?: Map<Db, RefreshingCache<string, number>> };
/** One cache per client (the app's own, or a test's), kept on globalThis so Next's module copies share it. */
const caches = (holder.__routingPortals ??= new Map());

/**
 * Which portal's settings route a call that arrives without Bitrix24 context (a desk phone asking the dialplan
 * endpoint): the named one; else the only installed portal; else the local (embedded) one. Cached (refreshing in the
 * background) because it sits on the dialplan's hot path.
 */
export function findRoutingPortal({ memberId, db = getDb(), now }: FindRoutingPortalOptions = {}): Promise<number> {
  let cache = caches.get(db);
  if (!cache)
    caches.set(db, (cache = createRefreshingCache({ ttlMs: TTL_MS, load: (key: string) => lookupPortal(db, key) })));
  return cache.get(memberId ?? '', now);
}

/** In the dialplan process this runs in the app (see lib/dialplan/loads-run-in-app.ts). */
export const lookupRoutingPortal = (db: Db, memberId: string) => lookup(db, memberId || null);
const lookupPortal = createDelegableLoad(lookupRoutingPortal);

async function lookup(db: Db, memberId: string | null | undefined): Promise<number> {
  if (memberId) {
    const portal = await db.portal.findUnique({ where: { memberId }, select: { id: true, status: true } });
    if (!portal || portal.status === 'uninstalled')
      throw new AppError('NOT_FOUND', `Portal "${memberId}" is not installed`);
    return portal.id;
  }
  const active = await db.portal.findMany({ where: { status: 'active' }, select: { id: true }, take: 2 });
  if (active.length === 1) return active[0]!.id;
  if (active.length > 1) throw new AppError('INVALID_INPUT', 'Several portals are installed: pass portal=<member_id>');
  return (
    (await db.portal.findUnique({ where: { memberId: LOCAL_MEMBER_ID }, select: { id: true } }))?.id ??
    (await ensureLocalPortal({ db })).id
  );
}

/** After an install or uninstall: this process and the dialplan process ask again which portal routes unnamed calls. */
const forgetPortals = createNamedForget<null>('routing-portals', () => {
  for (const cache of caches.values()) cache.clear();
});
export const forgetRoutingPortals = (): void => forgetPortals(null);
