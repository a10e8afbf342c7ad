import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { ensureLocalPortal, LOCAL_MEMBER_ID } from '../portals/ensure-local-portal';

export type FindCliPortalOptions = { db: Db; memberId: string };

/**
 * The portal a console command acts on, by member_id. The local portal is created on first use, as the standalone
 * page does; an installed portal must exist.
 */
export async function findCliPortal({ db, memberId }: FindCliPortalOptions): Promise<{ id: number }> {
  if (memberId === LOCAL_MEMBER_ID) return ensureLocalPortal({ db });
  const portal = await db.portal.findUnique({ where: { memberId }, select: { id: true } });
  if (!portal) throw new AppError('NOT_FOUND', `Портал «${memberId}» не найден / Portal "${memberId}" not found`);
  return portal;
}
