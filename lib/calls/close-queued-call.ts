import type { Db } from '../db/client';
import { NOT_PLACED_STATUS_CODE } from './b24-status-code';
import { linkedIdForB24Call } from './claim-call-journal-row';
import { QUEUED_STATUS } from './queued-call';

export type CloseQueuedCallOptions = { db: Db; portalId: number; b24CallId: string; reason: string };

/** A queued click-to-call that will not be placed (no line, no extension, no PBX): closed now, with the reason. */
export async function closeQueuedCall({ db, portalId, b24CallId, reason }: CloseQueuedCallOptions): Promise<void> {
  const linkedId = linkedIdForB24Call(portalId, b24CallId);
  const endedAt = new Date();
  const closed = await db.call.updateMany({
    where: { linkedId, status: QUEUED_STATUS },
    data: { status: 'ended', endedAt, talkSec: 0, durationSec: 0, b24StatusCode: NOT_PLACED_STATUS_CODE },
  });
  if (closed.count === 0) return;
  const row = await db.call.findUnique({ where: { linkedId }, select: { id: true } });
  if (row) await db.callEvent.create({ data: { callId: row.id, kind: 'ended', at: endedAt, payload: { reason } } });
}
