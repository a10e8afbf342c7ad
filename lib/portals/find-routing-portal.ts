import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { ensureLocalPortal, LOCAL_MEMBER_ID } from './ensure-local-portal';

export type FindRoutingPortalOptions = { memberId?: string | null; db?: Db; now?: number };

const TTL_MS = 5_000;
const holder = globalThis as typeof globalThis & { __routingPortals?: Map<string, { at: number; id: Promise<number> }> };
const cache = (holder.__routingPortals ??= new Map());

/**
 * Which portal's settings route a call that arrives without Bitrix24 context (a desk phone asking the dialplan
 * endpoint): the named one; else the only installed portal; else the local (embedded) one. Cached briefly because it
 * sits on the dialplan's hot path.
 */
export function findRoutingPortal({ memberId, db = getDb(), now = Date.now() }: FindRoutingPortalOptions = {}): Promise<number> {
  const key = memberId ?? '';
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.id;
  const id = lookup(db, memberId);
  id.catch(() => cache.delete(key));
  cache.set(key, { at: now, id });
  return id;
}

async function lookup(db: Db, memberId: string | null | undefined): Promise<number> {
  if (memberId) {
    const portal = await db.portal.findUnique({ where: { memberId }, select: { id: true, status: true } });
    if (!portal || portal.status === 'uninstalled') throw new AppError('NOT_FOUND', `Portal "${memberId}" is not installed`);
    return portal.id;
  }
  const active = await db.portal.findMany({ where: { status: 'active' }, select: { id: true }, take: 2 });
  if (active.length === 1) return active[0]!.id;
  if (active.length > 1) throw new AppError('INVALID_INPUT', 'Several portals are installed: pass portal=<member_id>');
  return (await db.portal.findUnique({ where: { memberId: LOCAL_MEMBER_ID }, select: { id: true } }))?.id ?? (await ensureLocalPortal({ db })).id;
}
