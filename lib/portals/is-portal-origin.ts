import { getDb, type Db } from '../db/client';

export type IsPortalOriginOptions = { origin: string; db?: Db };

/** True when `origin` is an installed portal's own address (Bitrix24 stores the portal's domain, maybe with a port). */
export async function isPortalOrigin({ origin, db = getDb() }: IsPortalOriginOptions): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const portal = await db.portal.findFirst({
    where: { domain: url.host.toLowerCase(), status: 'active' },
    select: { id: true },
  });
  return portal !== null;
}
