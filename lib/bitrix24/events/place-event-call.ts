import { NOT_PLACED_STATUS_CODE } from '../../calls/b24-status-code';
import type { OutgoingCallOrigin } from '../../calls/claim-call-journal-row';
import { closeQueuedCall } from '../../calls/close-queued-call';
import { enqueueRestCall } from '../outbox/enqueue-rest-call';
import { resolveUserExtension } from '../users/resolve-user-extension';
import type { EventContext } from './event-context';

export type PlaceEventCallOptions = {
  /** ONEXTERNALCALLSTART's CALL_ID; null for a CRM-form callback, which Bitrix24 has not registered. */
  callId: string | null;
  userId: number;
  number: string;
  /** LINE_NUMBER: the manager's line choice in Bitrix24; empty = automatic by carrier. */
  lineNumber: string;
  origin: OutgoingCallOrigin;
};

/**
 * The work after a click-to-call or callback event was answered: the manager's extension, then the one outgoing-call
 * use case (placeCall). A call that cannot be placed closes the card Bitrix24 opened, with the reason, as 503.
 */
export async function placeEventCall(context: EventContext, options: PlaceEventCallOptions): Promise<void> {
  const { db, portal, placeCall, log } = context;
  const { callId, userId, number, lineNumber, origin } = options;
  let failure: string;
  try {
    const user = await resolveUserExtension({ db, portalId: portal.id, b24UserId: userId });
    if (!user.extension) failure = 'the manager has no extension (UF_PHONE_INNER)';
    else {
      const result = await placeCall({
        db,
        portalId: portal.id,
        extension: user.extension,
        number,
        requestedLine: lineNumber || null,
        b24CallId: callId,
        origin,
        b24UserId: userId,
        callerChanged: user.refreshed,
      });
      if (result.outcome === 'placed') return;
      if (result.outcome === 'duplicate') return log(`[b24 ${origin}] CALL_ID ${callId ?? '-'} was placed already`);
      if (result.outcome === 'handedOff') return; // the instance owning the PBX places it (placeHandedOffCalls)
      failure =
        result.outcome === 'notPlaced'
          ? result.message
          : `no line: ${result.decision.reasons.map((reason) => JSON.stringify(reason)).join('; ')}`;
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  log(`[b24 ${origin}] ${portal.memberId} CALL_ID ${callId ?? '-'}: not placed: ${failure}`);
  if (!callId) return;
  await closeQueuedCall({ db, portalId: portal.id, b24CallId: callId, reason: failure.slice(0, 200) });
  await enqueueRestCall({
    db,
    portalId: portal.id,
    method: 'telephony.externalcall.finish',
    dedupeKey: `finish:${callId}`,
    params: {
      CALL_ID: callId,
      USER_ID: userId,
      DURATION: 0,
      STATUS_CODE: NOT_PLACED_STATUS_CODE,
      FAILED_REASON: failure.slice(0, 200),
    },
  });
}
