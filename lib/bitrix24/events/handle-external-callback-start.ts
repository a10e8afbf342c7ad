import { findCallbackManager } from '../users/find-callback-manager';
import { readBracketString } from '../parse-bracket-body';
import type { EventHandler } from './event-context';
import { placeEventCall } from './place-event-call';

/**
 * ONEXTERNALCALLBACKSTART: a visitor asked for a call back through a CRM form (on-external-call-back-start.md). No user
 * is behind the event, so the manager is the client's responsible person in the CRM (findCallbackManager); the
 * manager's phone rings first, then the client is dialled the way a click-to-call is, and the call is registered in
 * Bitrix24 as a callback (TYPE 4) when it starts.
 */
export const handleExternalCallbackStart: EventHandler = async (context) => {
  const data = (name: string) => readBracketString(context.body, 'data', name);
  const number = data('PHONE_NUMBER');
  if (!number) return { status: 200, body: { ignored: 'incomplete event' } };
  const lineNumber = data('LINE_NUMBER');
  return {
    status: 200,
    body: { ok: true },
    background: async () => {
      const userId = await findCallbackManager({
        db: context.db,
        portalId: context.portal.id,
        phoneNumber: number,
        crmEntityType: data('CRM_ENTITY_TYPE'),
        crmEntityId: data('CRM_ENTITY_ID'),
      });
      if (userId === null)
        return context.log(`[b24 callback] ${context.portal.memberId}: nobody to call ${number} back`);
      await placeEventCall(context, { callId: null, userId, number, lineNumber, origin: 'callback' });
    },
  };
};
