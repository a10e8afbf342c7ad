import { getConfig } from '../config/load-config';
import type { Db } from '../db/client';
import { getSimLoad, type LiveChannels } from './get-sim-load';
import type { LiveSimLoad } from './read-live-sim-load';

/**
 * readLiveSimLoad for the dialplan process: the SIMs in use are the summary the app last sent (it owns the AMI
 * connections), not trackers of this process — so the process does not load call tracking at all.
 */
export async function readSentSimLoad(db: Db, portalId: number, live: LiveChannels): Promise<LiveSimLoad | null> {
  if (getConfig().pbxes.length === 0) return null;
  return getSimLoad({ db, portalId, live });
}
