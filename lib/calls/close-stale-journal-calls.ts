import type { Db } from '../db/client';
import { b24StatusCode } from './b24-status-code';
import type { TrackedCall } from './call-tracker-state';
import { QUEUED_STATUS } from './queued-call';
import { trackedCallFromRow } from './tracked-call-from-row';

export type CloseStaleJournalCallsOptions = {
  db: Db;
  pbxName: string;
  liveLinkedIds: Set<string>;
  tracked: Set<string>;
  endedAt: Date;
};

/**
 * Journal calls of this PBX still "in progress" with no live channel and not tracked in memory: left over from an
 * app restart, a reconnect gap or another instance that owned the PBX and died. They are closed with the status their
 * last known state implies (b24StatusCode), so nothing stays "in progress" forever; the event says why. Returned as
 * ended calls, so the tracking finishes them in Bitrix24 like any other (its dedupe key keeps that to once).
 * Click-to-calls still queued are not calls yet: the claimer or the sweeper ends those.
 */
export async function closeStaleJournalCalls({
  db,
  pbxName,
  liveLinkedIds,
  tracked,
  endedAt,
}: CloseStaleJournalCallsOptions): Promise<TrackedCall[]> {
  const open = await db.call.findMany({
    where: { pbxName, status: { notIn: ['ended', QUEUED_STATUS] } },
  });
  const closed: TrackedCall[] = [];
  for (const row of open) {
    if (liveLinkedIds.has(row.linkedId) || tracked.has(row.linkedId)) continue;
    const end = endedAt < row.startedAt ? row.startedAt : endedAt;
    const talkSec = row.answeredAt ? Math.max(1, Math.round((end.getTime() - row.answeredAt.getTime()) / 1000)) : 0;
    const direction = row.direction === 'inbound' ? 'inbound' : 'outbound';
    const statusCode = b24StatusCode({ answered: row.answeredAt !== null, direction, cause: row.hangupCause });
    const durationSec = Math.round((end.getTime() - row.startedAt.getTime()) / 1000);
    const ended = { status: 'ended', endedAt: end, talkSec, durationSec, b24StatusCode: statusCode } as const;
    // Conditional, so a row another writer ended meanwhile is neither closed nor finished twice.
    const { count } = await db.call.updateMany({
      where: { id: row.id, status: { notIn: ['ended', QUEUED_STATUS] } },
      data: ended,
    });
    if (count === 0) continue;
    await db.callEvent.create({
      data: { callId: row.id, kind: 'ended', at: end, payload: { reason: 'gone_after_reconnect' } },
    });
    closed.push(trackedCallFromRow({ ...row, ...ended }));
  }
  return closed;
}
