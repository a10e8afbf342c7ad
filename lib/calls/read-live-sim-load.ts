import type { Db } from '../db/client';
import type { OccupancyByTrunk, UsageByTrunk } from '../routing/types';
import { getSimLoad, readSimLoadWhenPbx } from './get-sim-load';
import type { PbxConnections } from './pbx-connections';
import { currentLiveChannels } from './current-live-channels';

export type LiveSimLoad = { occupancy: OccupancyByTrunk; usage: UsageByTrunk; unreachable?: string[] };

/**
 * Live SIM load when this server talks to a PBX (see readSimLoadWhenPbx), so every decision made here — the call
 * card's, a redial's, a desk phone's through the dialplan endpoint — sees the SIMs busy and the caps used right now.
 * SIMs in use come from this process's call tracking (or the PBX connections given); the dialplan process, which has
 * none, reads the summary the app sends it
 * (lib/dialplan/dialplan-process.ts).
 */
export function readLiveSimLoad(db: Db, portalId: number, ami?: PbxConnections): Promise<LiveSimLoad | null> {
  if (ami)
    return getSimLoad({ db, portalId, trackers: [...ami.values()].map((connection) => connection.tracking.state) });
  return readSimLoadWhenPbx(() => getSimLoad({ db, portalId, live: currentLiveChannels() }));
}
