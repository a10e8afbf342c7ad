import { getConfig } from '../../config/load-config';
import type { Db } from '../../db/client';
import type { OccupancyByTrunk, UsageByTrunk } from '../../routing/types';
import { getSimLoad } from '../get-sim-load';
import { startCallTracking } from '../start-call-tracking';

/**
 * Live SIM load when this server talks to a PBX (AMI configured), so the card's decision and busy marks match what a
 * click would do now; null without a PBX (the decision then assumes free lines, and the card shows no busy counts).
 */
export async function readCardSimLoad(db: Db, portalId: number): Promise<{ occupancy: OccupancyByTrunk; usage: UsageByTrunk } | null> {
  if (getConfig().pbxes.length === 0) return null;
  const trackers = [...startCallTracking().values()].map((tracking) => tracking.state);
  return getSimLoad({ db, portalId, trackers });
}
