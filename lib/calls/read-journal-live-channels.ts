import type { Db } from '../db/client';
import { dialTemplateLine } from '../routing/dial-template/check-dial-template';
import type { LiveChannels } from './get-sim-load';
import { decidedSim } from './tracked-call-from-row';

export type ReadJournalLiveChannelsOptions = {
  db: Db;
  /** The PBXes another instance tracks: their calls in progress are known here only from the journal. */
  pbxNames: string[];
  now?: number;
};

/** Rows older than this are not live calls but rows a dead owner never closed (its successor's re-sync closes them). */
const LIVE_WITHIN_MS = 6 * 3_600_000;
const IN_PROGRESS = ['started', 'ringing', 'answered'];

/**
 * SIMs and trunk channels in use on PBXes that another instance owns, read from the journal that instance writes
 * (every call's row holds its line and, when the app chose it, its SIM): a standby's desk-phone decisions and call
 * cards then see the same busy SIMs as the owner's, about a second late.
 */
export async function readJournalLiveChannels({
  db,
  pbxNames,
  now = Date.now(),
}: ReadJournalLiveChannelsOptions): Promise<LiveChannels> {
  const busyByEndpoint: Record<string, number> = {};
  const busySims: Record<string, number[]> = {};
  if (pbxNames.length === 0) return { busyByEndpoint, busySims };
  const rows = await db.call.findMany({
    where: {
      pbxName: { in: pbxNames },
      status: { in: IN_PROGRESS },
      trunkId: { not: null },
      startedAt: { gt: new Date(now - LIVE_WITHIN_MS) },
    },
    select: { decision: true, trunk: { select: { dial: true } } },
    take: 5_000,
  });
  for (const row of rows) {
    const endpoint = row.trunk && dialTemplateLine(row.trunk.dial);
    if (!endpoint) continue;
    busyByEndpoint[endpoint] = (busyByEndpoint[endpoint] ?? 0) + 1;
    const sim = decidedSim(row.decision);
    if (sim === null) continue;
    const sims = (busySims[endpoint] ??= []);
    if (!sims.includes(sim)) sims.push(sim);
  }
  return { busyByEndpoint, busySims };
}
