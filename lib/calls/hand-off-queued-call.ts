import type { Db } from '../db/client';
import type { OutgoingCallOrigin } from './claim-call-journal-row';
import { QUEUED_STATUS, type QueuedCallRequest } from './queued-call';

export type HandOffQueuedCallOptions = {
  db: Db;
  linkedId: string;
  /** The PBX the decided line leaves from, owned by another app instance now. */
  pbxName: string;
  b24UserId?: number | null;
  requestedLine: string | null;
  origin: OutgoingCallOrigin;
};

/**
 * Leaves a stored click-to-call for the instance that owns its PBX: the row stays queued, named for that PBX, with
 * what placing it needs; that instance's claimer places it (placeHandedOffCalls) — or, if no instance owns the PBX
 * within the sweeper's wait, the card is closed as not placed. False when the row is no longer queued.
 */
export async function handOffQueuedCall(options: HandOffQueuedCallOptions): Promise<boolean> {
  const { db, linkedId, pbxName, b24UserId, requestedLine, origin } = options;
  if (!b24UserId) return false;
  const decision = { queuedFor: { b24UserId, requestedLine, origin } } satisfies QueuedCallRequest;
  const { count } = await db.call.updateMany({
    where: { linkedId, status: QUEUED_STATUS },
    data: { pbxName, decision },
  });
  return count === 1;
}
