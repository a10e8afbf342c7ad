import type { Db } from '../db/client';
import { type CallOrigin, type CallStatus, newTrackedCall, type TrackedCall } from './call-tracker-state';
import { QUEUED_STATUS } from './queued-call';
import type { CallContext } from './write-call-change';

export type ReadJournalCallsInProgressOptions = { db: Db; linkedIds: string[] };
export type JournalCallsInProgress = { calls: Map<string, TrackedCall>; contexts: Map<string, CallContext> };

/**
 * The journal's view of calls still live on the PBX that this process did not place: what a tracker taking the PBX
 * over (after another instance died, or after a restart) needs to carry them on as the same calls — finished under
 * their Bitrix24 CALL_ID, on their portal, line and SIM — instead of new, unknown ones.
 */
export async function readJournalCallsInProgress({
  db,
  linkedIds,
}: ReadJournalCallsInProgressOptions): Promise<JournalCallsInProgress> {
  const calls = new Map<string, TrackedCall>();
  const contexts = new Map<string, CallContext>();
  if (linkedIds.length === 0) return { calls, contexts };
  const rows = await db.call.findMany({
    where: { linkedId: { in: linkedIds.slice(0, 2_000) }, status: { notIn: ['ended', QUEUED_STATUS] } },
  });
  for (const row of rows) {
    const sim = (row.decision as { trunk?: { sim?: unknown } } | null)?.trunk?.sim;
    calls.set(
      row.linkedId,
      newTrackedCall({
        linkedId: row.linkedId,
        pbxName: row.pbxName,
        origin: row.origin as CallOrigin,
        direction: row.direction === 'inbound' ? 'inbound' : 'outbound',
        startedAt: row.startedAt.getTime(),
        status: row.status as CallStatus,
        answeredAt: row.answeredAt?.getTime() ?? null,
        number: row.number || null,
        extension: row.extension,
        b24CallId: row.b24CallId,
        sim: typeof sim === 'number' ? sim : null,
      }),
    );
    contexts.set(row.linkedId, {
      portalId: row.portalId,
      trunkId: row.trunkId,
      trunkName: row.trunkName,
      userId: row.userId,
      decision: row.decision ?? undefined,
      requestedLine: row.requestedLine,
      carrierInn: row.carrierInn,
      carrierSource: row.carrierSource,
    });
  }
  return { calls, contexts };
}
