import { enqueueRestCall } from '../outbox/enqueue-rest-call';
import { routeCall } from '../../routing/route-call';
import { readBracketString } from '../parse-bracket-body';
import { resolveUserExtension } from '../users/resolve-user-extension';
import type { EventContext, EventHandler } from './event-context';

/**
 * ONEXTERNALCALLSTART (click-to-call). Bitrix24 has registered the call already: we never register again, we keep its
 * CALL_ID on the journal row so the hang-up finishes exactly that call. Manager → extension → route (LINE_NUMBER is
 * the manager's manual line choice; empty = automatic by carrier) → originate. Replies at once; the work runs after.
 */
export const handleExternalCallStart: EventHandler = async (context) => {
  const callId = readBracketString(context.body, 'data', 'CALL_ID');
  const userId = Number(readBracketString(context.body, 'data', 'USER_ID'));
  const number = readBracketString(context.body, 'data', 'PHONE_NUMBER_INTERNATIONAL') || readBracketString(context.body, 'data', 'PHONE_NUMBER');
  if (!callId || !Number.isInteger(userId) || userId <= 0 || !number) return { status: 200, body: { ignored: 'incomplete event' } };
  const lineNumber = readBracketString(context.body, 'data', 'LINE_NUMBER');
  return {
    status: 200,
    body: { ok: true },
    background: () => startClickToCall(context, { callId, userId, number, lineNumber, origin: 'click_to_call' }),
  };
};

export type StartClickToCallOptions = { callId: string | null; userId: number; number: string; lineNumber: string; origin: 'click_to_call' | 'callback' };

export async function startClickToCall(context: EventContext, options: StartClickToCallOptions): Promise<void> {
  const { db, portal, placeCall, log } = context;
  const { callId, userId, number, lineNumber, origin } = options;
  let failure = '';
  try {
    const user = await resolveUserExtension({ db, portalId: portal.id, b24UserId: userId });
    if (!user.extension) failure = 'the manager has no extension (UF_PHONE_INNER)';
    else {
      const decision = await routeCall({ db, portalId: portal.id, number, extension: user.extension, requestedLine: lineNumber || null });
      const trunk = decision.trunk;
      if (!trunk) failure = `no line: ${decision.reasons.map((reason) => JSON.stringify(reason)).join('; ')}`;
      else {
        const trunkRow = await db.trunk.findFirst({ where: { portalId: portal.id, lineNumber: trunk.lineNumber }, select: { id: true, pbxName: true } });
        const placed = await placeCall({
          portalId: portal.id, b24CallId: callId, origin, extension: user.extension, number: decision.number.e164, requestedLine: lineNumber || null,
          trunk: { id: trunkRow?.id ?? Number(trunk.id), name: trunk.name, dialTarget: trunk.dialTarget, lineNumber: trunk.lineNumber },
          pbxName: trunkRow?.pbxName ?? 'main',
        });
        const journal = {
          b24CallId: callId, requestedLine: lineNumber || null, trunkName: trunk.name, registered: callId !== null,
          registrationReason: origin, decision: JSON.parse(JSON.stringify(decision)) as object,
        };
        const userRow = await db.user.findUnique({ where: { portalId_b24UserId: { portalId: portal.id, b24UserId: userId } }, select: { id: true } });
        await db.call.upsert({
          where: { linkedId: placed.linkedId },
          create: { portalId: portal.id, linkedId: placed.linkedId, direction: 'outbound', origin, extension: user.extension, userId: userRow?.id, number: decision.number.e164, trunkId: trunkRow?.id, ...journal },
          update: journal,
        });
        return;
      }
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  log(`[b24 ${origin}] ${portal.memberId} CALL_ID ${callId ?? '-'}: not placed: ${failure}`);
  // Close the card Bitrix24 opened: the call was never made (503 = direction unavailable).
  if (callId) {
    await enqueueRestCall({
      db, portalId: portal.id, method: 'telephony.externalcall.finish', dedupeKey: `finish:${callId}`,
      params: { CALL_ID: callId, USER_ID: userId, DURATION: 0, STATUS_CODE: '503', FAILED_REASON: failure.slice(0, 200) },
    });
  }
}
