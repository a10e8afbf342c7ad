import type { Db } from '../db/client';
import { linkedIdForEventKey } from './claim-call-journal-row';
import { endQueuedCall } from './close-queued-call';
import { QUEUED_STATUS } from './queued-call';
import { finishCallInBitrix24 } from './registration/finish-call-in-bitrix24';
import { registerCallInBitrix24 } from './registration/register-call-in-bitrix24';

export type GiveUpCallbackOptions = {
  db: Db;
  portalId: number;
  eventKey: string;
  number: string;
  /** The manager the callback was for: Bitrix24 shows them the missed call. */
  b24UserId: number;
  reason: string;
  now?: number;
};

/** Bitrix24's code for a missed call: it puts the call on the manager's list to return, as for its own telephony. */
const MISSED_STATUS_CODE = '304';

/**
 * A CRM-form callback that will not be placed (no free line all through its retry window, or a manager without a
 * phone) must not vanish: it is registered in Bitrix24 as a callback (TYPE 4) and finished as missed for its manager,
 * then journalled as not placed with the reason. The Bitrix24 writes come first and are deduplicated, so a crash in
 * between repeats them harmlessly; false when another instance placed or closed it first.
 */
export async function giveUpCallback(options: GiveUpCallbackOptions): Promise<boolean> {
  const { db, portalId, number, b24UserId, reason, now = Date.now() } = options;
  const linkedId = linkedIdForEventKey(portalId, options.eventKey);
  let row = await db.call.findUnique({ where: { linkedId }, select: { id: true, status: true, startedAt: true } });
  if (!row) {
    const data = { linkedId, portalId, pbxName: '', direction: 'outbound', origin: 'callback', number };
    row = await db.call
      .create({ data: { ...data, status: QUEUED_STATUS }, select: { id: true, status: true, startedAt: true } })
      .catch(() => db.call.findUnique({ where: { linkedId }, select: { id: true, status: true, startedAt: true } }));
  }
  if (!row || row.status !== QUEUED_STATUS) return false;
  const portal = await db.portal.findUnique({ where: { id: portalId }, select: { status: true } });
  if (portal?.status === 'active') {
    const registration = await registerCallInBitrix24({
      db,
      portalId,
      linkedId,
      direction: 'outbound',
      number,
      b24UserId,
      callback: true,
      startedAt: row.startedAt,
      show: 'none',
    });
    if (registration.register)
      await finishCallInBitrix24({ db, portalId, linkedId, b24UserId, durationSec: 0, statusCode: MISSED_STATUS_CODE });
  }
  return endQueuedCall(db, row.id, reason, new Date(now));
}
