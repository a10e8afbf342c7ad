import type { Db } from '../../db/client';

export type FindCardJournalRowOptions = { db: Db; portalId: number; callId: string };

/** Registrations looked through for a CALL_ID: a day's worth, newest first, bounded. */
const RECENT_REGISTRATIONS = 500;
const REGISTER_PREFIX = 'register:';

/**
 * The journal row of the call on the card. A click-to-call's row holds Bitrix24's CALL_ID; a call we registered
 * ourselves (a CRM-form callback, a desk-phone call) is found through the `register` the outbox sent: its answer
 * carries the CALL_ID and its dedupe key the row's linkedId.
 */
export async function findCardJournalRow({ db, portalId, callId }: FindCardJournalRowOptions) {
  const direct = await db.call.findFirst({ where: { portalId, b24CallId: callId }, orderBy: { startedAt: 'desc' } });
  if (direct) return direct;
  const registrations = await db.outboxMessage.findMany({
    where: {
      portalId,
      method: 'telephony.externalcall.register',
      status: 'done',
      doneAt: { gte: new Date(Date.now() - 24 * 3600_000) },
    },
    orderBy: { id: 'desc' },
    take: RECENT_REGISTRATIONS,
    select: { dedupeKey: true, result: true },
  });
  const mine = registrations.find((message) => (message.result as { CALL_ID?: unknown } | null)?.CALL_ID === callId);
  if (!mine?.dedupeKey.startsWith(REGISTER_PREFIX)) return null;
  return db.call.findFirst({ where: { portalId, linkedId: mine.dedupeKey.slice(REGISTER_PREFIX.length) } });
}
