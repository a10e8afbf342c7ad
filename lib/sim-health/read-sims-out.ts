import type { Db } from '../db/client';
import { pickLang } from '../i18n/lang';
import type { SimBlock } from './assess-sim-health';
import { simOutMessage } from './sim-out-message';

export type SimOut = { trunkId: number; line: string; sim: number; since: string; reason: string; message: string };
export type ReadSimsOutOptions = { db: Db; portalId: number; lang?: string };

/** The portal's SIMs out of rotation, for the admin page's banner: which, since when, and why in words. */
export async function readSimsOut({ db, portalId, lang }: ReadSimsOutOptions): Promise<SimOut[]> {
  const rows = await db.simHealth.findMany({
    where: { portalId, disabledAt: { not: null } },
    orderBy: [{ trunkId: 'asc' }, { simIndex: 'asc' }],
    include: { trunk: { select: { name: true } } },
  });
  return rows.map((row) => {
    const block: SimBlock = {
      reason: row.disabledReason === 'shortCalls' ? 'shortCalls' : 'failures',
      run: row.disabledRun ?? 0,
    };
    return {
      trunkId: row.trunkId,
      line: row.trunk.name,
      sim: row.simIndex,
      since: row.disabledAt!.toISOString(),
      reason: block.reason,
      message: simOutMessage({ lang: pickLang(lang), line: row.trunk.name, sim: row.simIndex, block }),
    };
  });
}
