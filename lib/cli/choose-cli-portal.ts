import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { findCliPortal } from './find-cli-portal';
import { LOCAL_MEMBER_ID } from '../portals/ensure-local-portal';

export type ChooseCliPortalOptions = { db: Db; memberId?: string };

/**
 * The portal a settings command acts on: the one named by --portal; without it the only installed portal (or the
 * local one on a fresh install). With several the admin must choose: guessing could overwrite another portal.
 */
export async function chooseCliPortal({ db, memberId }: ChooseCliPortalOptions): Promise<{ id: number }> {
  if (memberId) return findCliPortal({ db, memberId });
  const portals = await db.portal.findMany({ select: { id: true, memberId: true }, orderBy: { id: 'asc' }, take: 21 });
  if (portals.length === 0) return findCliPortal({ db, memberId: LOCAL_MEMBER_ID });
  if (portals.length === 1) return portals[0]!;
  const names = portals.map((p) => p.memberId).join(', ');
  throw new AppError(
    'INVALID_INPUT',
    `Порталов несколько (${names}): укажите --portal <member_id> / ` +
      `Several portals (${names}): pass --portal <member_id>`,
  );
}
