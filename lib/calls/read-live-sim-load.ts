import { getConfig } from '../config/load-config';
import type { Db } from '../db/client';
import type { OccupancyByTrunk, UsageByTrunk } from '../routing/types';
import { getSimLoad } from './get-sim-load';
import { trackedCallStates } from './start-call-tracking';

export type LiveSimLoad = { occupancy: OccupancyByTrunk; usage: UsageByTrunk };

/**
 * Live SIM load when this server talks to a PBX (AMI configured), so every decision made here — the call card's, a
 * redial's, a desk phone's through the dialplan endpoint — sees the SIMs busy and the caps used right now; null
 * without a PBX (the decision then assumes free lines, and the card shows no busy counts). SIMs in use come from this
 * thread's call tracking (the dialplan process, which has none, uses readSentSimLoad).
 */
export async function readLiveSimLoad(db: Db, portalId: number): Promise<LiveSimLoad | null> {
  if (getConfig().pbxes.length === 0) return null;
  return getSimLoad({ db, portalId, trackers: trackedCallStates() });
}
