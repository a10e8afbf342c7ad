import { findCallbackManager } from '../../bitrix24/users/find-callback-manager';
import type { Db } from '../../db/client';
import { loadIncomingCallSettings } from '../../routing/settings/load-incoming-call-settings';
import { log } from '../../log/log';
import { registerCallInBitrix24, registerKey } from '../registration/register-call-in-bitrix24';

export type AssignMissedCallOptions = {
  db: Db;
  portalId: number;
  linkedId: string;
  number: string | null;
  lineNumber: string | null;
  startedAt: Date;
};

/**
 * Who an unanswered incoming call is finished for, so that Bitrix24 gives them its "call back" task: the client's
 * responsible person in the CRM (searchCrmEntities → ASSIGNED_BY_ID), else the line's default user, else the portal's
 * admin (chooseCallbackManager). A call that rang no known user is registered for that person first. With nobody
 * to assign (or Bitrix24 not answering), the user the call was registered for; null when it was never registered.
 */
export async function assignMissedCall(options: AssignMissedCallOptions): Promise<number | null> {
  const { db, portalId, linkedId, number, lineNumber, startedAt } = options;
  if (!number) return null;
  const choice = await findCallbackManager({
    db,
    portalId,
    phoneNumber: number,
    crmEntityType: '',
    crmEntityId: '',
    lineNumber: lineNumber ?? '',
  }).catch((error: unknown) => {
    log.warn('calls: the missed call assignee could not be found', { linkedId, error });
    return null;
  });
  const registration = await db.outboxMessage.findUnique({
    where: { dedupeKey: registerKey(linkedId) },
    select: { params: true },
  });
  // Nobody to assign: the user the call was registered for keeps it (finish needs a user).
  if (!choice) return Number((registration?.params as { USER_ID?: unknown } | null)?.USER_ID) || null;
  if (!registration) {
    const { crmCreate } = await loadIncomingCallSettings({ db, portalId });
    await registerCallInBitrix24({
      db,
      portalId,
      linkedId,
      direction: 'inbound',
      number,
      b24UserId: choice.userId,
      lineNumber,
      startedAt,
      crmCreate,
      show: 'none',
    });
  }
  return choice.userId;
}
