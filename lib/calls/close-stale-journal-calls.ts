import type { Db } from '../db/client';
import { b24StatusCode } from './b24-status-code';
import { type CallOrigin, newTrackedCall, type TrackedCall } from './call-tracker-state';
import { QUEUED_STATUS } from './queued-call';

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
    select: {
      id: true,
      linkedId: true,
      answeredAt: true,
      startedAt: true,
      direction: true,
      hangupCause: true,
      origin: true,
      number: true,
      extension: true,
      b24CallId: true,
    },
  });
  const closed: TrackedCall[] = [];
  for (const row of open) {
    if (liveLinkedIds.has(row.linkedId) || tracked.has(row.linkedId)) continue;
    const end = endedAt < row.startedAt ? row.startedAt : endedAt;
    const talkSec = row.answeredAt ? Math.max(1, Math.round((end.getTime() - row.answeredAt.getTime()) / 1000)) : 0;
    const direction = row.direction === 'inbound' ? 'inbound' : 'outbound';
    const statusCode = b24StatusCode({ answered: row.answeredAt !== null, direction, cause: row.hangupCause });
    const durationSec = Math.round((end.getTime() - row.startedAt.getTime()) / 1000);
    // Conditional, so a row another writer ended meanwhile is neither closed nor finished twice.
    const { count } = await db.call.updateMany({
      where: { id: row.id, status: { notIn: ['ended', QUEUED_STATUS] } },
      data: { status: 'ended', endedAt: end, talkSec, durationSec, b24StatusCode: statusCode },
    });
    if (count === 0) continue;
    await db.callEvent.create({
      data: { callId: row.id, kind: 'ended', at: end, payload: { reason: 'gone_after_reconnect' } },
    });
    const call = newTrackedCall({
      linkedId: row.linkedId,
      pbxName,
      origin: row.origin as CallOrigin,
      direction,
      startedAt: row.startedAt.getTime(),
    });
    closed.push({
      ...call,
      status: 'ended',
      answeredAt: row.answeredAt?.getTime() ?? null,
      endedAt: end.getTime(),
      number: row.number || null,
      extension: row.extension,
      hangupCause: row.hangupCause,
      b24StatusCode: statusCode,
      b24CallId: row.b24CallId,
      talkSec,
      durationSec,
      liveChannels: 0,
    });
  }
  return closed;
}
