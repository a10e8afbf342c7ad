import type { QueuedCallRequest } from '../../calls/queued-call';
import { QUEUED_STATUS } from '../../calls/queued-call';
import type { EventDependencies } from './event-context';
import { placeEventCall } from './place-event-call';

export type PlaceHandedOffCallsOptions = EventDependencies & {
  /** The PBXes this instance owns now: the click-to-calls other instances left for them are placed here. */
  pbxNames: string[];
  /** Rows being placed by this instance already (a slow Originate outlives the next poll). */
  inFlight?: Set<number>;
  now?: number;
};

/**
 * Places the click-to-calls that instances without the PBX stored and handed off (handOffQueuedCall), exactly as the
 * receiving instance would have (placeEventCall: the same claim, the same closing of Bitrix24's card on failure).
 * The journal row's claim makes it once, whichever instance gets there first. Returns how many were taken.
 */
export async function placeHandedOffCalls(options: PlaceHandedOffCallsOptions): Promise<number> {
  const { db, pbxNames, inFlight = new Set(), now = Date.now() } = options;
  if (pbxNames.length === 0) return 0;
  const rows = await db.call.findMany({
    // '' holds callbacks waiting for a free line (deferCallback), and click-to-calls their receiver is placing.
    where: { status: QUEUED_STATUS, pbxName: { in: [...pbxNames, ''] } },
    select: { id: true, portalId: true, pbxName: true, b24CallId: true, number: true, decision: true },
    orderBy: { id: 'asc' },
    take: 100,
  });
  const fresh = rows.filter((row) => !inFlight.has(row.id));
  await Promise.all(
    fresh.map(async (row) => {
      const request = (row.decision as QueuedCallRequest | null)?.queuedFor;
      if (!request || (!row.b24CallId && !request.callback)) return; // not a handed-off call (another's own queue)
      if (row.pbxName === '' && !dueForRetry(request, now)) return;
      const portal = await db.portal.findUnique({ where: { id: row.portalId } });
      if (portal?.status !== 'active') return;
      inFlight.add(row.id);
      try {
        await placeEventCall(
          { ...options, portal, body: {} },
          {
            callId: row.b24CallId,
            userId: request.b24UserId,
            number: row.number,
            lineNumber: request.requestedLine ?? '',
            origin: request.origin ?? 'click_to_call',
            eventKey: request.callback?.eventKey ?? null,
            managerText: request.callback?.managerText ?? null,
            managerVoice: request.callback?.managerVoice ?? null,
          },
        );
      } finally {
        inFlight.delete(row.id);
      }
    }),
  );
  return fresh.length;
}

/** A callback deferred for want of a line is tried again when its time comes, and not after its window. */
function dueForRetry(request: QueuedCallRequest['queuedFor'], now: number): boolean {
  const { nextTryAt, retryUntil } = request.callback ?? {};
  return nextTryAt !== undefined && retryUntil !== undefined && nextTryAt <= now && now < retryUntil;
}
