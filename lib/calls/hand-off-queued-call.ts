import type { Db } from '../db/client';
import type { OutgoingCallOrigin } from './claim-call-journal-row';
import { QUEUED_STATUS, type QueuedCallRequest } from './queued-call';

export type HandOffQueuedCallOptions = {
  db: Db;
  linkedId: string;
  portalId: number;
  /** The client's number (E.164 digits). */
  number: string;
  /** The PBX the decided line leaves from, owned by another app instance now. */
  pbxName: string;
  b24UserId?: number | null;
  requestedLine: string | null;
  origin: OutgoingCallOrigin;
  /** A CRM-form callback has no row stored before its answer: the hand-off stores it, keyed by its event. */
  callback?: NonNullable<QueuedCallRequest['queuedFor']['callback']>;
};

/**
 * Leaves a stored click-to-call for the instance that owns its PBX: the row stays queued, named for that PBX, with
 * what placing it needs; that instance's claimer places it (placeHandedOffCalls) — or, if no instance owns the PBX
 * within the sweeper's wait, the card is closed as not placed. False when the row is no longer queued.
 */
export async function handOffQueuedCall(options: HandOffQueuedCallOptions): Promise<boolean> {
  const { db, linkedId, pbxName, b24UserId, requestedLine, origin, callback } = options;
  if (!b24UserId) return false;
  const decision = { queuedFor: { b24UserId, requestedLine, origin, callback } } satisfies QueuedCallRequest;
  if (callback) {
    const data = {
      linkedId,
      portalId: options.portalId,
      pbxName,
      direction: 'outbound',
      origin,
      number: options.number,
    };
    const created = await db.call
      .create({ data: { ...data, status: QUEUED_STATUS, decision }, select: { id: true } })
      .then(
        () => true,
        (error: { code?: string }) => {
          if (error.code === 'P2002') return false; // handed off before, or waiting for a line (deferCallback)
          throw error;
        },
      );
    if (created) return true;
    // A callback waiting for a line keeps its retry window when it is handed to the instance owning the line's PBX.
    const waiting = await db.call.findUnique({ where: { linkedId }, select: { status: true, decision: true } });
    if (waiting?.status !== QUEUED_STATUS) return false;
    const retryUntil = (waiting.decision as QueuedCallRequest | null)?.queuedFor?.callback?.retryUntil;
    const handed = { queuedFor: { ...decision.queuedFor, callback: { ...callback, retryUntil } } };
    const { count } = await db.call.updateMany({
      where: { linkedId, status: QUEUED_STATUS },
      data: { pbxName, decision: handed },
    });
    return count === 1;
  }
  const { count } = await db.call.updateMany({
    where: { linkedId, status: QUEUED_STATUS },
    data: { pbxName, decision },
  });
  return count === 1;
}
