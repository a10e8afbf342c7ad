import { findCallbackManager } from '../users/find-callback-manager';
import { readBracketString } from '../parse-bracket-body';
import { callbackEventKey } from './callback-event-key';
import type { EventHandler } from './event-context';
import { placeEventCall } from './place-event-call';

/** TEXT is a sentence for the manager; VOICE a Bitrix24 voice id such as "ruinternalfemale". */
const MAX_TEXT = 500;
const VOICE = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * ONEXTERNALCALLBACKSTART: a visitor asked for a call back through a CRM form (on-external-call-back-start.md). No user
 * is behind the event, so the manager is the client's responsible person in the CRM, else the line's default callback
 * user (findCallbackManager); the manager's phone rings first, then the client is dialled the way a click-to-call is,
 * and the call is registered in Bitrix24 as a callback (TYPE 4) when it starts. TEXT and VOICE (what Bitrix24 would
 * say to the manager) are kept on the journal row and shown on the call card; the PBX does not speak them. A replay
 * of the same event (callbackEventKey) places nothing.
 */
export const handleExternalCallbackStart: EventHandler = async (context) => {
  const data = (name: string) => readBracketString(context.body, 'data', name);
  const number = data('PHONE_NUMBER');
  if (!number) return { status: 200, body: { ignored: 'incomplete event' } };
  const lineNumber = data('LINE_NUMBER');
  const crmEntityType = data('CRM_ENTITY_TYPE');
  const crmEntityId = data('CRM_ENTITY_ID');
  const ts = readBracketString(context.body, 'ts');
  const eventKey = callbackEventKey({ ts, phoneNumber: number, crmEntityType, crmEntityId, lineNumber });
  const managerText = data('TEXT').trim().slice(0, MAX_TEXT) || null;
  const voice = data('VOICE').trim();
  const managerVoice = VOICE.test(voice) ? voice : null;
  return {
    status: 200,
    body: { ok: true },
    background: async () => {
      const { db, portal } = context;
      const phoneNumber = number;
      const manager = await findCallbackManager({
        db,
        portalId: portal.id,
        phoneNumber,
        crmEntityType,
        crmEntityId,
        lineNumber,
      });
      if (manager === null) return context.log(`[b24 callback] ${portal.memberId}: nobody to call ${number} back`);
      await placeEventCall(context, {
        callId: null,
        userId: manager.userId,
        number,
        lineNumber,
        origin: 'callback',
        managerText,
        managerVoice,
        eventKey,
      });
    },
  };
};
