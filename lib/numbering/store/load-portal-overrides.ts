import type { Db } from '../../db/client';
import type { CarrierOverride } from '../carrier';

export type LoadPortalOverridesOptions = { db: Db; portalId: number };

/**
 * One portal's admin overrides: they decide that portal's calls only, ahead of the learned ones (which are in the
 * numbering data every portal shares). Routing keeps them in the portal's cached context.
 */
export async function loadPortalOverrides({
  db,
  portalId,
}: LoadPortalOverridesOptions): Promise<Map<string, CarrierOverride>> {
  const rows = await db.numberOverride.findMany({ where: { portalId }, select: { number: true, inn: true } });
  return new Map(rows.map((row) => [row.number, { inn: row.inn, source: 'admin' }]));
}
