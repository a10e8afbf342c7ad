import { parseDialExtension } from '../../calls/dial-extension';
import { queueEventCall } from '../../calls/queue-event-call';
import { readBracketString } from '../parse-bracket-body';
import type { EventHandler } from './event-context';
import { placeEventCall } from './place-event-call';

/**
 * ONEXTERNALCALLSTART (click-to-call). Bitrix24 has registered the call already: we never register again, we keep its
 * CALL_ID on the journal row so the hang-up finishes exactly that call. The call is stored before the answer (a crash
 * after it cannot lose the call: its card is closed by the sweeper) and placed after it; a CALL_ID seen before is
 * answered and dropped. The client's EXTENSION is dialled as DTMF once the client answers (sendDigitsAfterAnswer),
 * and kept on the journal row for the card.
 */
export const handleExternalCallStart: EventHandler = async (context) => {
  const data = (name: string) => readBracketString(context.body, 'data', name);
  const callId = data('CALL_ID');
  const userId = Number(data('USER_ID'));
  const number = data('PHONE_NUMBER_INTERNATIONAL') || data('PHONE_NUMBER');
  if (!callId || !Number.isInteger(userId) || userId <= 0 || !number) {
    return { status: 200, body: { ignored: 'incomplete event' } };
  }
  const lineNumber = data('LINE_NUMBER');
  const extension = parseDialExtension(data('EXTENSION'));
  if (extension.refused)
    context.log(`[b24 click_to_call] CALL_ID ${callId}: extension not dialled: ${extension.refused}`);
  const dialExtension = extension.digits;
  const queued = await queueEventCall({
    db: context.db,
    portalId: context.portal.id,
    b24CallId: callId,
    number,
    b24UserId: userId,
    dialExtension,
  });
  if (queued === 'duplicate') return { status: 200, body: { ignored: 'CALL_ID handled before' } };
  return {
    status: 200,
    body: { ok: true },
    background: () =>
      placeEventCall(context, { callId, userId, number, lineNumber, origin: 'click_to_call', dialExtension }),
  };
};
