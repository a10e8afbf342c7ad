import type { Db } from '../../db/client';
import type { ClaimedMessage } from './claim-due-messages';
import { listOutboxRefs } from './outbox-ref';
import { portalBucket } from './portal-buckets';
import { sendClaimedMessages } from './send-claimed-messages';

export type SendOutboxMessageNowOptions = { db: Db; dedupeKey: string; leaseMs?: number };

/**
 * Sends one message just enqueued now rather than at the worker's next round (an incoming call's card must reach
 * Bitrix24 while the phone rings). It is claimed exactly as the worker claims — a compare-and-set on the row — so
 * whichever of the two gets it sends it, once. Left to the worker when it is not due, waits for a message that is not
 * done, or the portal's rate limit has no request to spare right now. True when it was sent (whatever the answer).
 */
export async function sendOutboxMessageNow({ db, dedupeKey, leaseMs = 120_000 }: SendOutboxMessageNowOptions) {
  const row = await db.outboxMessage.findUnique({ where: { dedupeKey } });
  const now = new Date();
  if (row?.status !== 'pending' || row.nextAttemptAt > now) return false;
  const keys = listOutboxRefs(row.params as Record<string, unknown>);
  const refs = keys.length
    ? await db.outboxMessage.findMany({
        where: { dedupeKey: { in: keys } },
        select: { dedupeKey: true, status: true, result: true },
      })
    : [];
  if (refs.length !== new Set(keys).size || refs.some((ref) => ref.status !== 'done')) return false;
  const bucket = portalBucket(row.portalId);
  if (!bucket.hasToken()) return false;
  const attempts = row.attempts + 1;
  const nextAttemptAt = new Date(now.getTime() + leaseMs);
  const won = await db.outboxMessage.updateMany({
    where: { id: row.id, status: row.status, nextAttemptAt: row.nextAttemptAt },
    data: { status: 'sending', attempts, nextAttemptAt },
  });
  if (won.count !== 1) return false;
  const refResults = new Map(refs.map((ref) => [ref.dedupeKey, ref.result as unknown]));
  const claimed: ClaimedMessage = { ...row, status: 'sending', attempts, nextAttemptAt, refResults };
  await sendClaimedMessages({ db, portalId: row.portalId, messages: [claimed], bucket });
  return true;
}
