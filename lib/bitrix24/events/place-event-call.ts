import { NOT_PLACED_STATUS_CODE } from '../../calls/b24-status-code';
import type { OutgoingCallOrigin } from '../../calls/claim-call-journal-row';
import { closeQueuedCall } from '../../calls/close-queued-call';
import { deferCallback } from '../../calls/defer-callback';
import { giveUpCallback } from '../../calls/give-up-callback';
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
  /** The client's extension (ONEXTERNALCALLSTART's EXTENSION, validated): DTMF after the answer. */
  dialExtension?: string | null;
  /** A CRM-form callback's TEXT and VOICE: what the manager is told. */
  managerText?: string | null;
  managerVoice?: string | null;
  /** A callback's stable event key: a replayed delivery places nothing. */
  eventKey?: string | null;
};

/**
 * The work after a click-to-call or callback event was answered: the manager's extension, then the one outgoing-call
 * use case (placeCall). A call that cannot be placed closes the card Bitrix24 opened, with the reason, as 503.
 */
export async function placeEventCall(context: EventContext, options: PlaceEventCallOptions): Promise<void> {
  const { db, portal, placeCall, log } = context;
  const { callId, userId, number, lineNumber, origin } = options;
  let failure: string;
  // No free line now, or a PBX not reachable now: worth another try for a callback, whose client is waiting.
  let temporary = true;
  try {
    const user = await resolveUserExtension({ db, portalId: portal.id, b24UserId: userId });
    if (!user.extension) {
      failure = 'the manager has no extension (UF_PHONE_INNER)';
      temporary = false;
    } else {
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
        dialExtension: options.dialExtension ?? null,
        managerText: options.managerText ?? null,
        managerVoice: options.managerVoice ?? null,
        eventKey: options.eventKey ?? null,
      });
      if (result.outcome === 'placed') return;
      if (result.outcome === 'duplicate') return log(`[b24 ${origin}] ${callId ?? result.linkedId} was placed already`);
      if (result.outcome === 'handedOff') return; // the instance owning the PBX places it (placeHandedOffCalls)
      failure =
        result.outcome === 'notPlaced'
          ? result.message
          : `no line: ${result.decision.reasons.map((reason) => JSON.stringify(reason)).join('; ')}`;
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (!callId) return keepOrGiveUpCallback(context, options, failure.slice(0, 200), temporary);
  log(`[b24 ${origin}] ${portal.memberId} CALL_ID ${callId}: not placed: ${failure}`);
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

/** A callback is Bitrix24's request, not a manager's click: nobody sees it fail, so it waits for a line or is returned. */
async function keepOrGiveUpCallback(
  { db, portal, log }: EventContext,
  options: PlaceEventCallOptions,
  reason: string,
  temporary: boolean,
): Promise<void> {
  const { userId, number, eventKey } = options;
  if (!eventKey) return log(`[b24 callback] ${portal.memberId}: not placed: ${reason}`);
  const callback = { eventKey, managerText: options.managerText ?? null, managerVoice: options.managerVoice ?? null };
  const waiting = { db, portalId: portal.id, number, b24UserId: userId, requestedLine: options.lineNumber || null };
  if (temporary && (await deferCallback({ ...waiting, callback }))) {
    return log(`[b24 callback] ${portal.memberId}: waits for a line: ${reason}`);
  }
  if (await giveUpCallback({ ...waiting, eventKey, reason }))
    log(`[b24 callback] ${portal.memberId}: not placed, returned to the manager as missed: ${reason}`);
}
