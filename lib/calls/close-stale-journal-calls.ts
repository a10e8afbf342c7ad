import type { Db } from '../db/client';
import { b24StatusCode } from './b24-status-code';

export type CloseStaleJournalCallsOptions = {
  db: Db;
  pbxName: string;
  liveLinkedIds: Set<string>;
  tracked: Set<string>;
  endedAt: Date;
};

/**
 * Journal calls of this PBX still "in progress" with no live channel and not tracked in memory: left over from an
 * app restart or a reconnect gap. They are closed with the status their last known state implies (b24StatusCode),
 * so nothing stays "in progress" forever; the event says why.
 */
export async function closeStaleJournalCalls({
  db,
  pbxName,
  liveLinkedIds,
  tracked,
  endedAt,
}: CloseStaleJournalCallsOptions): Promise<number> {
  const open = await db.call.findMany({
    where: { pbxName, status: { not: 'ended' } },
    select: { id: true, linkedId: true, answeredAt: true, startedAt: true, direction: true, hangupCause: true },
  });
  let closed = 0;
  for (const call of open) {
    if (liveLinkedIds.has(call.linkedId) || tracked.has(call.linkedId)) continue;
    const end = endedAt < call.startedAt ? call.startedAt : endedAt;
    const talkSec = call.answeredAt ? Math.max(1, Math.round((end.getTime() - call.answeredAt.getTime()) / 1000)) : 0;
    const direction = call.direction === 'inbound' ? 'inbound' : 'outbound';
    const statusCode = b24StatusCode({ answered: call.answeredAt !== null, direction, cause: call.hangupCause });
    const durationSec = Math.round((end.getTime() - call.startedAt.getTime()) / 1000);
    await db.call.update({
      where: { id: call.id },
      data: { status: 'ended', endedAt: end, talkSec, durationSec, b24StatusCode: statusCode },
    });
    await db.callEvent.create({
      data: { callId: call.id, kind: 'ended', at: end, payload: { reason: 'gone_after_reconnect' } },
    });
    closed += 1;
  }
  return closed;
}
