import type { QueuedCallRequest } from '../../calls/queued-call';
import { QUEUED_STATUS } from '../../calls/queued-call';
import type { EventDependencies } from './event-context';
import { placeEventCall } from './place-event-call';

export type PlaceHandedOffCallsOptions = EventDependencies & {
  /** The PBXes this instance owns now: the click-to-calls other instances left for them are placed here. */
  pbxNames: string[];
  /** Rows being placed by this instance already (a slow Originate outlives the next poll). */
  inFlight?: Set<number>;
};

/**
 * Places the click-to-calls that instances without the PBX stored and handed off (handOffQueuedCall), exactly as the
 * receiving instance would have (placeEventCall: the same claim, the same closing of Bitrix24's card on failure).
 * The journal row's claim makes it once, whichever instance gets there first. Returns how many were taken.
 */
export async function placeHandedOffCalls(options: PlaceHandedOffCallsOptions): Promise<number> {
  const { db, pbxNames, inFlight = new Set() } = options;
  if (pbxNames.length === 0) return 0;
  const rows = await db.call.findMany({
    where: { status: QUEUED_STATUS, pbxName: { in: pbxNames }, b24CallId: { not: null } },
    select: { id: true, portalId: true, b24CallId: true, number: true, decision: true },
    orderBy: { id: 'asc' },
    take: 50,
  });
  const fresh = rows.filter((row) => !inFlight.has(row.id));
  await Promise.all(
    fresh.map(async (row) => {
      const request = (row.decision as QueuedCallRequest | null)?.queuedFor;
      const portal = await db.portal.findUnique({ where: { id: row.portalId } });
      if (!request || !portal || portal.status !== 'active') return;
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
          },
        );
      } finally {
        inFlight.delete(row.id);
      }
    }),
  );
  return fresh.length;
}
