import { readBracketString } from '../parse-bracket-body';
import type { EventHandler } from './event-context';
import { placeEventCall } from './place-event-call';

/**
 * ONEXTERNALCALLBACKSTART: a visitor asked for a call back through a CRM form. There is no CALL_ID and no user in the
 * event, so the manager is the portal's installer (the admin whose tokens we hold) until a callback owner setting
 * exists; the client is called back the same way as a click-to-call.
 */
export const handleExternalCallbackStart: EventHandler = async (context) => {
  const number = readBracketString(context.body, 'data', 'PHONE_NUMBER');
  if (!number) return { status: 200, body: { ignored: 'incomplete event' } };
  const lineNumber = readBracketString(context.body, 'data', 'LINE_NUMBER');
  const userId = Number(readBracketString(context.body, 'auth', 'user_id')) || 1;
  return {
    status: 200,
    body: { ok: true },
    background: () => placeEventCall(context, { callId: null, userId, number, lineNumber, origin: 'callback' }),
  };
};
