import type { Db } from '../db/client';
import type { TrackedCall } from './call-tracker-state';
import { trackedCallFromRow } from './tracked-call-from-row';

/** The journal event written once an ended call is priced and finished in Bitrix24 (followCallChanges). */
export const FOLLOWED_UP_EVENT = 'followed_up';

export type FindLostFollowUpsOptions = {
  db: Db;
  pbxName: string;
  now?: number;
  /** Ended this long ago and still not followed up: the process that ended it died first. */
  graceMs?: number;
};

/** Older ends are history: a Bitrix24 card finished a day late helps nobody and the scan stays small. */
const LOOK_BACK_MS = 3_600_000;

/**
 * Calls of this PBX the journal shows ended but whose follow-up (price, Bitrix24 registration and finish) never ran:
 * the instance that wrote the end died before following it up. The owner of the PBX follows them up again; the
 * outbox's dedupe keys keep every Bitrix24 write to once, whichever instance got further.
 */
export async function findLostFollowUps(options: FindLostFollowUpsOptions): Promise<TrackedCall[]> {
  const { db, pbxName, now = Date.now(), graceMs = 15_000 } = options;
  const rows = await db.call.findMany({
    where: {
      pbxName,
      status: 'ended',
      endedAt: { gt: new Date(now - LOOK_BACK_MS), lt: new Date(now - graceMs) },
      events: { none: { kind: FOLLOWED_UP_EVENT } },
    },
    orderBy: { id: 'asc' },
    take: 100,
  });
  return rows.map(trackedCallFromRow);
}
