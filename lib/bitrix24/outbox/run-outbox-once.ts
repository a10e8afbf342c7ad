import { getDb, type Db } from '../../db/client';
import { claimDueMessages, REF_WAIT_MS } from './claim-due-messages';
import { sendClaimedMessages, type SendStats } from './send-claimed-messages';
import { portalBucket } from './portal-buckets';

export type RunOutboxOnceOptions = {
  db?: Db;
  limit?: number;
  /** Sustained requests per second per portal (Bitrix24: 2 on standard plans) and the burst above it. */
  ratePerSecond?: number;
  burst?: number;
  /** The longest pause before a retry (default 5 minutes); tests on a compressed time scale set less. */
  backoffCapMs?: number;
  log?: (line: string) => void;
};

/** Claims due messages and sends them, portals in parallel, each portal through its own token bucket. */
export async function runOutboxOnce(options: RunOutboxOnceOptions = {}): Promise<SendStats & { claimed: number }> {
  const { db = getDb(), limit = 200, ratePerSecond, burst, backoffCapMs, log } = options;
  const rate = ratePerSecond ? { ratePerSecond, burst: burst ?? 10 } : undefined;
  const claimed = await claimDueMessages({ db, limit });
  const byPortal = new Map<number, typeof claimed>();
  for (const message of claimed) byPortal.set(message.portalId, [...(byPortal.get(message.portalId) ?? []), message]);
  const results = await Promise.all(
    [...byPortal].map(([portalId, messages]) => {
      const bucket = portalBucket(portalId, rate);
      return sendClaimedMessages({ db, portalId, messages, bucket, backoffCapMs, log });
    }),
  );
  const total = { claimed: claimed.length, requests: 0, done: 0, retried: 0, failed: 0 };
  for (const stats of results) {
    total.requests += stats.requests;
    total.done += stats.done;
    total.retried += stats.retried;
    total.failed += stats.failed;
  }
  // Messages pushed back this round to wait for one that is now done (a show for its register) are due at once:
  // never sent (attempts 0) and due within the wait, unlike retries, which have attempts and a backoff.
  if (total.done > 0) {
    const now = Date.now();
    await db.outboxMessage.updateMany({
      where: { status: 'pending', attempts: 0, nextAttemptAt: { gt: new Date(now), lte: new Date(now + REF_WAIT_MS) } },
      data: { nextAttemptAt: new Date(now) },
    });
  }
  return total;
}
