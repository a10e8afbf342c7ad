import type { Db } from '../db/client';
import { NOT_PLACED_STATUS_CODE } from './b24-status-code';
import { linkedIdForB24Call } from './claim-call-journal-row';
import { QUEUED_STATUS } from './queued-call';

export type CloseQueuedCallOptions = { db: Db; portalId: number; b24CallId: string; reason: string };

/**
 * Ends a queued click-to-call as not placed, with the reason in its events; false when it was no longer queued (placed
 * meanwhile, or ended by another instance): the status check in the same statement decides who ends it.
 */
export async function endQueuedCall(db: Db, callId: number, reason: string, endedAt = new Date()): Promise<boolean> {
  const ended = await db.call.updateMany({
    where: { id: callId, status: QUEUED_STATUS },
    data: { status: 'ended', endedAt, talkSec: 0, durationSec: 0, b24StatusCode: NOT_PLACED_STATUS_CODE },
  });
  if (ended.count !== 1) return false;
  await db.callEvent.create({ data: { callId, kind: 'ended', at: endedAt, payload: { reason } } });
  return true;
}

/** A queued click-to-call that will not be placed (no line, no extension, no PBX): closed now, with the reason. */
export async function closeQueuedCall({ db, portalId, b24CallId, reason }: CloseQueuedCallOptions): Promise<void> {
  const linkedId = linkedIdForB24Call(portalId, b24CallId);
  const row = await db.call.findUnique({ where: { linkedId }, select: { id: true } });
  if (row) await endQueuedCall(db, row.id, reason);
}
