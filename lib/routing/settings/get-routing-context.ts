import { createDelegableLoad } from '../../cache/create-delegable-load';
import { createNamedForget } from '../../cache/create-named-forget';
import { createRefreshingCache, type RefreshingCache } from '../../cache/create-refreshing-cache';
import { getDb, type Db } from '../../db/client';
import type { CarrierOverride } from '../../numbering/carrier';
import { loadPortalOverrides } from '../../numbering/store';
import { compileRoutingSettings, type CompiledRoutingSettings } from '../compile-routing-settings';
import type { Caller } from '../types';
import { loadRoutingSettings } from './load-routing-settings';

/** Everything the decision needs from the database for one portal, compiled for the hot path. */
export type RoutingContext = {
  compiled: CompiledRoutingSettings;
  /** Extension (UF_PHONE_INNER) → the person's departments. */
  callers: Map<string, Caller>;
  /** The portal's admin overrides (number → carrier): they decide this portal's calls only. */
  overrides: ReadonlyMap<string, CarrierOverride>;
};

/**
 * Cached per portal so the dialplan endpoint answers without a database round trip: every write in this process that
 * changes routing (settings save, a user's extension or departments, an admin's number override, the demo seed)
 * forgets the entry at once, here and in the dialplan process; other processes (several app instances on PostgreSQL)
 * see the change within TTL_MS, and no request waits for the reload (see createRefreshingCache). Not shorter: a reload
 * holds the event loop in synchronous chunks of up to ~20 ms (SQLite driver, query compilation) — every 5 s that
 * alone was enough to set the dialplan endpoint's p99.
 */
const TTL_MS = 30_000;
const holder = globalThis as typeof globalThis & {
  __routingContexts?: Map<Db, RefreshingCache<number, RoutingContext>>;
};
/** One cache per client (the app's own, or a test's), kept on globalThis so Next's module copies share it. */
const caches = (holder.__routingContexts ??= new Map());

export type GetRoutingContextOptions = { portalId: number; db?: Db; now?: number };

export function getRoutingContext({ portalId, db = getDb(), now }: GetRoutingContextOptions): Promise<RoutingContext> {
  let cache = caches.get(db);
  if (!cache)
    caches.set(
      db,
      (cache = createRefreshingCache({ ttlMs: TTL_MS, load: (id: number) => loadRoutingContextOnMain(db, id) })),
    );
  return cache.get(portalId, now);
}

/** Forgets the portal's context here and in the dialplan process, which keeps its own copy. */
export const forgetRoutingContext: (portalId: number) => void = createNamedForget<number>(
  'routing-context',
  (portalId) => {
    for (const cache of caches.values()) cache.forget(portalId);
  },
);

/** In the dialplan process this runs in the app and arrives as a structured clone (Maps and Sets survive). */
const loadRoutingContextOnMain = createDelegableLoad(loadRoutingContext);

export async function loadRoutingContext(db: Db, portalId: number): Promise<RoutingContext> {
  const [settings, users, overrides, outOfRotation] = await Promise.all([
    loadRoutingSettings({ db, portalId }),
    db.user.findMany({
      where: { portalId, active: true, extension: { not: null } },
      include: { departments: { include: { department: true } } },
    }),
    loadPortalOverrides({ db, portalId }),
    // Not part of the settings document: lib/sim-health takes SIMs out and an admin brings them back.
    db.simHealth.findMany({
      where: { portalId, disabledAt: { not: null } },
      orderBy: { simIndex: 'asc' },
      select: { trunkId: true, simIndex: true },
    }),
  ]);
  for (const trunk of settings.trunks)
    trunk.disabledSims = outOfRotation.filter((sim) => String(sim.trunkId) === trunk.id).map((sim) => sim.simIndex);
  const callers = new Map<string, Caller>();
  for (const user of users) {
    callers.set(user.extension!, {
      extension: user.extension!,
      userId: String(user.b24UserId),
      departmentIds: user.departments.map((d) => String(d.department.b24DepartmentId)),
    });
  }
  return { compiled: compileRoutingSettings(settings), callers, overrides };
}
